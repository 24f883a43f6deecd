import { describe, expect, it } from '@jest/globals';
import { backoffDelayMs } from '../../../src/http/backoff.js';
import type { BackoffPolicy } from '../../../src/http/vendor-policy.js';

const exact: BackoffPolicy = { baseMs: 100, maxMs: 1_000, maxAttempts: 10, jitter: 'none' };
const jittered: BackoffPolicy = { ...exact, jitter: 'full' };
const never = () => {
  throw new Error('random() is not used without jitter');
};

describe('backoff delays', () => {
  it('starts at baseMs and doubles with each failure', () =>
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(exact, n, never))).toEqual([100, 200, 400, 800]));
  it('never exceeds maxMs', () =>
    expect([5, 6, 60, 2_000].map((n) => backoffDelayMs(exact, n, never))).toEqual([
      1_000, 1_000, 1_000, 1_000,
    ]));
  it('with full jitter scales the ceiling by the random draw', () =>
    expect(backoffDelayMs(jittered, 3, () => 0.25)).toBe(100));
  it('with full jitter can retry at once', () => expect(backoffDelayMs(jittered, 3, () => 0)).toBe(0));
  it('with full jitter stays below the ceiling', () =>
    expect(backoffDelayMs(jittered, 3, () => 0.999_999)).toBe(399));
  it('with full jitter stays below maxMs', () =>
    expect(backoffDelayMs(jittered, 20, () => 0.999_999)).toBe(999));
});
