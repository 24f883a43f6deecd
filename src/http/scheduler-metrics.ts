import type { SignalKind } from './vendor-policy.js';

export type RetriedSignal = Extract<SignalKind, 'retry' | 'window' | 'locked' | 'auth'>;

export interface EndpointCounts {
  attempts: number;
  successes: number;
}

export interface SchedulerMetrics {
  /** Attempts sent and successes, per endpoint name. */
  endpoints: Record<string, EndpointCounts>;
  /** Retries decided, by the signal that caused them. */
  retries: Record<RetriedSignal, number>;
  /** Attempts the CRM refused with a `window` signal (HubSpot: 429 TEN_SECONDLY_ROLLING / SECONDLY). */
  rateLimited: number;
  /** Sends held back until a rolling window had room (ours or one the CRM reported exhausted). */
  windowWaits: number;
  /** Sends held back by pacing on a low observed budget. */
  paceWaits: number;
  /** 1 once the daily allocation stopped the scheduler. */
  dailyStops: number;
  /** Total time requests spent waiting (windows, pacing, backoff), summed over concurrent requests. */
  waitedMs: number;
}

export class MetricsRecorder {
  readonly #metrics: SchedulerMetrics = {
    endpoints: {},
    retries: { retry: 0, window: 0, locked: 0, auth: 0 },
    rateLimited: 0,
    windowWaits: 0,
    paceWaits: 0,
    dailyStops: 0,
    waitedMs: 0,
  };

  attempt(endpoint: string): void {
    this.#endpoint(endpoint).attempts++;
  }

  success(endpoint: string): void {
    this.#endpoint(endpoint).successes++;
  }

  retry(signal: RetriedSignal): void {
    this.#metrics.retries[signal]++;
  }

  rateLimited(): void {
    this.#metrics.rateLimited++;
  }

  heldBack(reason: 'window' | 'pacing'): void {
    if (reason === 'window') this.#metrics.windowWaits++;
    else this.#metrics.paceWaits++;
  }

  dailyStop(): void {
    this.#metrics.dailyStops++;
  }

  waited(ms: number): void {
    this.#metrics.waitedMs += ms;
  }

  snapshot(): SchedulerMetrics {
    return structuredClone(this.#metrics);
  }

  #endpoint(endpoint: string): EndpointCounts {
    const counts = (this.#metrics.endpoints[endpoint] ??= { attempts: 0, successes: 0 });
    return counts;
  }
}
