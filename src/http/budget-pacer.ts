import type { BudgetObservation } from './vendor-policy.js';

interface Pace {
  gapMs: number;
  nextAt: number;
  /** The interval has certainly refilled by then, so pacing ends. */
  until: number;
}

/**
 * Slows down before the wall: once an observed windowed budget is below `threshold` of its max, the
 * remaining requests are spread evenly over the rest of the interval (the last lands at its end).
 */
export class BudgetPacer {
  /** Keyed by request class; undefined = every class. */
  readonly #paces = new Map<string | undefined, Pace>();

  constructor(readonly threshold: number) {}

  /** Returns the gap now enforced, or undefined when the budget is healthy (or daily, not windowed). */
  observe(observation: BudgetObservation, now: number): number | undefined {
    const { remaining, max, intervalMs, resetsInMs, requestClass } = observation;
    if (intervalMs === undefined) return undefined;
    if (max <= 0 || remaining >= max * this.threshold) {
      this.#paces.delete(requestClass);
      return undefined;
    }
    const restMs = Math.max(0, resetsInMs ?? intervalMs);
    const gapMs = restMs / Math.max(remaining, 1);
    const previous = this.#paces.get(requestClass);
    this.#paces.set(requestClass, {
      gapMs,
      nextAt: Math.max(previous?.nextAt ?? 0, now + gapMs),
      until: now + restMs,
    });
    return gapMs;
  }

  clear(requestClass: string | undefined): void {
    this.#paces.delete(requestClass);
  }

  waitMs(requestClass: string, now: number): number {
    let wait = 0;
    for (const pace of this.#active(requestClass, now)) wait = Math.max(wait, pace.nextAt - now);
    return wait;
  }

  record(requestClass: string, now: number): void {
    for (const pace of this.#active(requestClass, now)) pace.nextAt = Math.max(pace.nextAt, now) + pace.gapMs;
  }

  #active(requestClass: string, now: number): Pace[] {
    const active: Pace[] = [];
    for (const key of [undefined, requestClass]) {
      const pace = this.#paces.get(key);
      if (pace === undefined) continue;
      if (now >= pace.until) this.#paces.delete(key);
      else active.push(pace);
    }
    return active;
  }
}
