import { backoffDelayMs } from './backoff.js';
import { retryAfterFrom } from './retry-after.js';
import type { AttemptFailure, BackoffPolicy, Signal } from './vendor-policy.js';

export type Decision =
  | { action: 'retry'; waitMs: number }
  /** Every request using the window(s) waits `waitMs`, this one included; then it is retried. */
  | { action: 'wait-window'; window?: string; waitMs: number }
  | { action: 'refresh-auth' }
  | { action: 'stop'; detail?: string }
  /** Rethrow the attempt's error: fatal, out of attempts, or not safe to repeat. */
  | { action: 'throw' };

export interface RetryState {
  /** Failed attempts that count towards maxAttempts, this one included. */
  failures: number;
  /** This run already refreshed its credentials (or there is no way to). */
  authSpent: boolean;
  /** False for requests a lost response could have applied (creating a task): transient errors are not retried. */
  idempotent: boolean;
  nowMs: number;
  random: () => number;
  /** The interval of the named window, or the longest of those that apply to the request. */
  windowIntervalMs(window?: string): number | undefined;
}

const THROW: Decision = { action: 'throw' };

/** What to do after one failed attempt. Retry-After, when present, is a floor for every wait. */
export function decide(
  signal: Signal,
  failure: AttemptFailure,
  backoff: BackoffPolicy,
  state: RetryState,
): Decision {
  if (signal.kind === 'fatal') return THROW;
  if (signal.kind === 'daily') return { action: 'stop', detail: signal.detail };
  if (signal.kind === 'auth') return state.authSpent ? THROW : { action: 'refresh-auth' };
  if (state.failures >= backoff.maxAttempts) return THROW;

  const retryAfter = retryAfterFrom(failure.headers, state.nowMs);
  const backoffMs = () => backoffDelayMs(backoff, state.failures, state.random);
  switch (signal.kind) {
    case 'retry':
      if (!state.idempotent) return THROW;
      return { action: 'retry', waitMs: largest(signal.afterMs, retryAfter) ?? backoffMs() };
    case 'locked':
      return { action: 'retry', waitMs: Math.max(signal.minMs, retryAfter ?? 0, backoffMs()) };
    case 'window':
      return {
        action: 'wait-window',
        window: signal.window,
        waitMs: largest(signal.afterMs, retryAfter) ?? state.windowIntervalMs(signal.window) ?? backoffMs(),
      };
  }
}

function largest(...values: Array<number | undefined>): number | undefined {
  const known = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  return known.length > 0 ? Math.max(0, ...known) : undefined;
}
