import PQueue from 'p-queue';
import { BudgetPacer } from './budget-pacer.js';
import { systemClock, type Clock } from './clock.js';
import { DailyLimitError } from './daily-limit-error.js';
import { describeFailure } from './describe-failure.js';
import { normalizeHeaders, type HeaderInput, type HeaderMap } from './headers.js';
import { validatePolicy } from './policy-schema.js';
import { decide } from './retry-decision.js';
import { RollingWindow } from './rolling-window.js';
import type { SchedulerLogger } from './scheduler-events.js';
import { MetricsRecorder, type SchedulerMetrics } from './scheduler-metrics.js';
import type { AttemptFailure, BudgetObservation, VendorPolicy } from './vendor-policy.js';

export interface SchedulerOptions {
  policy: VendorPolicy;
  clock?: Clock;
  /** Uniform in [0, 1), for jitter; Math.random by default. */
  random?: () => number;
  /** Renews the credentials after an `auth` signal; without it a 401 is rethrown. */
  refreshAuth?: () => Promise<void>;
  logger?: SchedulerLogger;
}

export interface RunOptions<T> {
  /** Headers of a successful result, for the policy's `observe` (HubSpot: a `...WithHttpInfo` response). */
  headersOf?: (result: T) => HeaderInput | undefined;
  /**
   * Default true. False for requests the CRM may have applied before the connection broke (creating a
   * task): `retry` signals are then rethrown, while refusals (window, locked, auth) are still retried.
   */
  idempotent?: boolean;
  /**
   * Higher goes first, both for a concurrency slot and for the next free slot of a rate window. For requests
   * others wait on (the next page of a list: its token comes from this answer), so paging never stalls
   * behind bulk reads. Default 0.
   */
  priority?: number;
}

type Call = Pick<AttemptFailure, 'requestClass' | 'endpoint' | 'attempt'> & { priority: number };
type Outcome<T> = { ok: true; value: T } | { ok: false; failure: AttemptFailure };

/**
 * The one place that waits, retries and paces requests to a CRM, driven by the vendor's policy.
 * Each attempt takes a concurrency slot and a slot in every rolling window that applies; the waits
 * between attempts hold neither.
 */
export class RequestScheduler {
  readonly policy: VendorPolicy;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #refreshAuth: (() => Promise<void>) | undefined;
  readonly #log: SchedulerLogger;
  readonly #queue: PQueue;
  readonly #windows: RollingWindow[];
  readonly #pacer: BudgetPacer;
  readonly #metrics = new MetricsRecorder();
  /** Set by a `window` signal when no declared window applies: then every request waits. */
  #blockedUntil = 0;
  #stopped: DailyLimitError | undefined;
  /** Requests waiting for their window slots, for priority. */
  readonly #waiting = new Set<{ requestClass: string; priority: number }>();
  #refreshing: Promise<void> | undefined;

  constructor(options: SchedulerOptions) {
    validatePolicy(options.policy);
    this.policy = options.policy;
    this.#clock = options.clock ?? systemClock;
    this.#random = options.random ?? Math.random;
    this.#refreshAuth = options.refreshAuth;
    this.#log = options.logger ?? (() => {});
    this.#queue = new PQueue({ concurrency: this.policy.concurrency });
    this.#windows = this.policy.windows.map((spec) => new RollingWindow(spec));
    this.#pacer = new BudgetPacer(this.policy.paceBelow ?? 0.1);
  }

  /** Set once the daily allocation is gone; every `run` from then on rejects with it. */
  get stopped(): DailyLimitError | undefined {
    return this.#stopped;
  }

  metrics(): SchedulerMetrics {
    return this.#metrics.snapshot();
  }

  /** Feeds budget headers read some other way (e.g. jsforce keeps Sforce-Limit-Info on the connection). */
  observe(headers: HeaderInput): void {
    this.#observeBudget(normalizeHeaders(headers));
  }

  async run<T>(
    requestClass: string,
    endpoint: string,
    attempt: () => Promise<T>,
    options: RunOptions<T> = {},
  ): Promise<T> {
    let failures = 0;
    let authSpent = this.#refreshAuth === undefined;
    for (let attemptNo = 1; ; attemptNo++) {
      // Checked here too, not only before sending, so that a stopped run never queues for a slot.
      if (this.#stopped) throw this.#stopped;
      const call: Call = { requestClass, endpoint, attempt: attemptNo, priority: options.priority ?? 0 };
      const outcome = await this.#queue.add(() => this.#attemptOnce(call, attempt, options), {
        priority: call.priority,
      });
      if (outcome.ok) return outcome.value;

      const { failure } = outcome;
      const signal = this.policy.classify(failure);
      if (signal.kind === 'window') this.#metrics.rateLimited();
      if (signal.kind !== 'auth') failures++;
      const decision = decide(signal, failure, this.policy.backoff, {
        failures,
        authSpent,
        idempotent: options.idempotent ?? true,
        nowMs: this.#clock.now(),
        random: this.#random,
        windowIntervalMs: (name) => this.#windowIntervalMs(requestClass, name),
      });
      const about = { signal: signal.kind, requestClass, endpoint, status: failure.status };
      const network = failure.networkCode === undefined ? {} : { networkCode: failure.networkCode };

      switch (decision.action) {
        case 'throw':
          this.#log({ type: 'give-up', ...about, ...network, attempts: attemptNo });
          throw failure.error;
        case 'stop':
          throw this.#stop(endpoint, decision.detail);
        case 'refresh-auth':
          authSpent = true;
          this.#metrics.retry('auth');
          this.#log({ type: 'auth-refresh', endpoint });
          await this.#refresh();
          break;
        case 'wait-window':
          // The next attempt's window acquisition does the waiting, together with everyone else's.
          this.#blockWindows(requestClass, decision.window, this.#clock.now() + decision.waitMs);
          this.#metrics.retry('window');
          this.#log({ type: 'retry', ...about, ...network, attempt: attemptNo, waitMs: decision.waitMs });
          break;
        case 'retry':
          this.#metrics.retry(signal.kind === 'locked' ? 'locked' : 'retry');
          this.#log({ type: 'retry', ...about, ...network, attempt: attemptNo, waitMs: decision.waitMs });
          await this.#sleep(decision.waitMs);
          break;
      }
    }
  }

  async #attemptOnce<T>(call: Call, attempt: () => Promise<T>, options: RunOptions<T>): Promise<Outcome<T>> {
    const slots = await this.#acquire(call);
    this.#metrics.attempt(call.endpoint);
    let value: T;
    try {
      value = await attempt();
    } catch (error) {
      slots.settle(this.#clock.now());
      const failure = describeFailure(error, call);
      this.#observeBudget(failure.headers, call.endpoint);
      return { ok: false, failure };
    }
    slots.settle(this.#clock.now());
    this.#metrics.success(call.endpoint);
    const headers = options.headersOf?.(value);
    if (headers !== undefined) this.#observeBudget(normalizeHeaders(headers), call.endpoint);
    return { ok: true, value };
  }

  /** Waits until every applicable window and the pacer have room, then takes the slots at once. */
  async #acquire(call: Call): Promise<{ settle(answeredAt: number): void }> {
    const waiter = { requestClass: call.requestClass, priority: call.priority };
    this.#waiting.add(waiter);
    try {
      return await this.#takeSlots(call, waiter);
    } finally {
      this.#waiting.delete(waiter);
    }
  }

  async #takeSlots(
    { requestClass, endpoint }: Call,
    waiter: { requestClass: string; priority: number },
  ): Promise<{ settle(answeredAt: number): void }> {
    const windows = this.#windows.filter((w) => w.appliesTo(requestClass));
    const started = this.#clock.now();
    let heldBy: 'window' | 'pacing' | undefined;
    for (;;) {
      if (this.#stopped) throw this.#stopped;
      const now = this.#clock.now();
      const windowWait = Math.max(this.#blockedUntil - now, ...windows.map((w) => w.waitMs(now)));
      const paceWait = this.#pacer.waitMs(requestClass, now);
      const waitMs = Math.max(windowWait, paceWait);
      if (waitMs <= 0 && this.#outranked(waiter)) {
        // A more urgent request of the same class is waiting: it takes this slot; look again right after.
        await this.#clock.sleep(1);
        continue;
      }
      if (waitMs <= 0) {
        for (const w of windows) w.record(now);
        this.#pacer.record(requestClass, now);
        if (heldBy !== undefined) {
          this.#metrics.heldBack(heldBy);
          this.#metrics.waited(now - started);
        }
        return { settle: (answeredAt) => windows.forEach((w) => w.settle(now, answeredAt)) };
      }
      if (heldBy === undefined) {
        heldBy = windowWait >= paceWait ? 'window' : 'pacing';
        this.#log({ type: 'held-back', reason: heldBy, requestClass, endpoint, waitMs });
      }
      // Sleep exactly until the earliest moment there can be room; recheck, as others may take it first.
      await this.#clock.sleep(waitMs);
    }
  }

  #outranked(waiter: { requestClass: string; priority: number }): boolean {
    for (const other of this.#waiting) {
      if (other.priority > waiter.priority && other.requestClass === waiter.requestClass) return true;
    }
    return false;
  }

  #observeBudget(headers: HeaderMap, endpoint?: string): void {
    const observed = this.policy.observe?.(headers);
    if (observed === undefined) return;
    const now = this.#clock.now();
    for (const budget of listOf(observed)) {
      if (budget.intervalMs === undefined) {
        if (budget.remaining <= (this.policy.dailyReserve ?? 0)) {
          this.#stop(endpoint, `${budget.remaining} of ${budget.max} requests left`);
        }
        continue;
      }
      if (this.#onlyOursUse(budget, now)) {
        this.#pacer.clear(budget.requestClass);
        continue;
      }
      const gapMs = this.#pacer.observe(budget, now);
      if (gapMs !== undefined) {
        const { remaining, max, requestClass } = budget;
        this.#log({ type: 'pacing', requestClass, remaining, max, gapMs });
      }
    }
  }

  /**
   * A low budget that our own rolling window accounts for needs no pacing: the window already spaces our
   * requests to the limit. Pacing is for a budget others use too (another app on the same portal), seen
   * as less remaining than our own count leaves; requests in flight (up to the concurrency) are slack.
   */
  #onlyOursUse(budget: BudgetObservation, now: number): boolean {
    const window = this.#windows.find(
      (w) =>
        w.spec.intervalMs === budget.intervalMs &&
        (budget.requestClass === undefined
          ? w.spec.requestClass === undefined
          : w.appliesTo(budget.requestClass)),
    );
    if (window === undefined) return false;
    // Whoever else uses the budget, we stay clear of the wall as long as it leaves what our window may still send.
    const oursLeft = window.spec.limit - window.used(now);
    return budget.remaining >= oursLeft - (this.policy.concurrency ?? 1);
  }

  #stop(endpoint: string | undefined, detail?: string): DailyLimitError {
    if (this.#stopped === undefined) {
      this.#stopped = new DailyLimitError(this.policy.name, detail);
      this.#metrics.dailyStop();
      this.#log({ type: 'daily-stop', endpoint: endpoint ?? '(observed)' });
    }
    return this.#stopped;
  }

  #windowsFor(requestClass: string, name: string | undefined): RollingWindow[] {
    const named = this.#windows.find((w) => w.spec.name === name);
    return named ? [named] : this.#windows.filter((w) => w.appliesTo(requestClass));
  }

  #windowIntervalMs(requestClass: string, name: string | undefined): number | undefined {
    const windows = this.#windowsFor(requestClass, name);
    return windows.length > 0 ? Math.max(...windows.map((w) => w.spec.intervalMs)) : undefined;
  }

  #blockWindows(requestClass: string, name: string | undefined, until: number): void {
    const windows = this.#windowsFor(requestClass, name);
    if (windows.length === 0) this.#blockedUntil = Math.max(this.#blockedUntil, until);
    for (const w of windows) w.blockUntil(until);
  }

  async #sleep(ms: number): Promise<void> {
    const started = this.#clock.now();
    await this.#clock.sleep(ms);
    this.#metrics.waited(this.#clock.now() - started);
  }

  /** Concurrent 401s share one refresh. */
  async #refresh(): Promise<void> {
    const refreshAuth = this.#refreshAuth;
    if (refreshAuth === undefined) return;
    this.#refreshing ??= refreshAuth().finally(() => {
      this.#refreshing = undefined;
    });
    await this.#refreshing;
  }
}

function listOf(observed: BudgetObservation | readonly BudgetObservation[]): readonly BudgetObservation[] {
  return 'remaining' in observed ? [observed] : observed;
}
