import type { HeaderMap } from './headers.js';

/**
 * What a connector declares about its CRM's limits and error signals. Numbers are data; `classify`
 * and `observe` are the only code, and neither waits nor retries: RequestScheduler does that.
 */
export interface VendorPolicy {
  /** Shown in errors and DailyLimitError, e.g. `HubSpot`. */
  name: string;
  /** Requests in flight at once. */
  concurrency: number;
  /** Every window that applies to a request must have room before it is sent; [] for none. */
  windows: readonly RateWindow[];
  backoff: BackoffPolicy;
  /** Maps a failed attempt to what to do about it. Fall back to `defaultClassify` for the generic cases. */
  classify(failure: AttemptFailure): Signal;
  /** Reads the remaining budget from response headers (successes and failures alike). */
  observe?(headers: HeaderMap): BudgetObservation | readonly BudgetObservation[] | undefined;
  /** Pace requests once an observed windowed budget falls below this share of its max. Default 0.1. */
  paceBelow?: number;
  /**
   * Requests of a daily allocation to leave for the customer's other integrations: the run stops
   * once an observed daily budget is down to this many. Default 0.
   */
  dailyReserve?: number;
}

/** At most `limit` requests in any `intervalMs` (a rolling window, not a fixed one). */
export interface RateWindow {
  /** Unique within the policy; `classify` names it in a `window` signal. */
  name: string;
  limit: number;
  intervalMs: number;
  /** Only requests of this class count against and wait for the window; absent = every request. */
  requestClass?: string;
}

export interface BackoffPolicy {
  /** Ceiling of the first retry's delay; it doubles with each failure. */
  baseMs: number;
  /** The ceiling never grows beyond this (Retry-After may still ask for longer, and is honoured). */
  maxMs: number;
  /** Attempts in all, the first included. The one retry after an auth refresh is not counted. */
  maxAttempts: number;
  /** 'full': a uniformly random delay below the ceiling, so that clients do not retry in step. */
  jitter: 'full' | 'none';
}

/** One failed attempt, already taken apart (see describe-failure.ts for the shapes recognised). */
export interface AttemptFailure {
  /** What the attempt threw, untouched: `fatal` and giving up rethrow exactly this. */
  error: unknown;
  /** HTTP status, when the error carries one. */
  status?: number;
  /** Response headers with lower-cased names; {} when there are none. */
  headers: HeaderMap;
  /** Response body, parsed from JSON when it was a JSON string. */
  body?: unknown;
  /** The vendor's error category when the SDK gives one as `errorCode` (jsforce: REQUEST_LIMIT_EXCEEDED). */
  errorCode?: string;
  /** Set only when there is no status: ECONNRESET, ETIMEDOUT, UND_ERR_SOCKET, ... */
  networkCode?: string;
  requestClass: string;
  endpoint: string;
  /** 1-based number of this attempt within the run. */
  attempt: number;
}

export type Signal =
  /** Transient (5xx, network, timeout): back off and retry. `afterMs` when the vendor knows better. */
  | { kind: 'retry'; afterMs?: number }
  /**
   * A rate window is exhausted (e.g. 429 TEN_SECONDLY_ROLLING): every request using that window waits
   * `afterMs`, else the window's interval. `window` names a declared window; absent = all that apply.
   */
  | { kind: 'window'; window?: string; afterMs?: number }
  /** The record is locked (e.g. HubSpot 423): wait at least `minMs`, then retry. */
  | { kind: 'locked'; minMs: number }
  /** The daily allocation is gone: stop the run. `detail` is shown to the user (no secrets). */
  | { kind: 'daily'; detail?: string }
  /** 401: refresh the credentials once and retry once. */
  | { kind: 'auth' }
  /** Retrying cannot help (400 validation, 403, 404, ...): rethrow. */
  | { kind: 'fatal' };

export type SignalKind = Signal['kind'];

/** What `observe` reports: the budget left after the response it read. */
export interface BudgetObservation {
  remaining: number;
  max: number;
  /** The interval the budget refills over; absent for a daily allocation. */
  intervalMs?: number;
  /** Time until it refills, when the vendor says; else the whole interval is assumed. */
  resetsInMs?: number;
  /** The request class the budget belongs to; absent = every request. */
  requestClass?: string;
}
