import { describe, expect, it, jest } from '@jest/globals';
import { systemClock } from '../../../src/http/clock.js';

describe('the system clock', () => {
  it('reads the wall clock in epoch milliseconds', () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 10, 21) });
    try {
      expect(systemClock.now()).toBe(Date.UTC(2026, 10, 21));
    } finally {
      jest.useRealTimers();
    }
  });

  it('does not fire at once for a wait longer than a Node timer can hold', async () => {
    jest.useFakeTimers();
    try {
      let woke = false;
      void systemClock.sleep(10 * 365 * 24 * 3_600_000).then(() => (woke = true));
      await jest.advanceTimersByTimeAsync(60_000);
      expect(woke).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });
});
