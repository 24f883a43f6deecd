import type { BackoffPolicy } from './vendor-policy.js';

/**
 * Delay before the retry that follows the `failures`-th failed attempt: exponential with a cap, and
 * with full jitter a uniformly random delay below that ceiling (spreads clients that failed together).
 */
export function backoffDelayMs(backoff: BackoffPolicy, failures: number, random: () => number): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, failures - 1));
  return backoff.jitter === 'full' ? Math.floor(random() * ceiling) : ceiling;
}
