import { describe, expect, it } from '@jest/globals';
import type { RateWindow } from '../../../src/http/vendor-policy.js';
import { scripted, succeed, testScheduler } from './attempts.js';
import { FakeClock, START } from './fake-clock.js';

const threePerSecond: RateWindow = { name: 'global', limit: 3, intervalMs: 1_000 };

/** Starts `count` runs of `requestClass` now; returns when each attempt was sent. */
function sendMany(
  clock: FakeClock,
  windows: RateWindow[],
  plan: Array<[requestClass: string, count: number]>,
) {
  const scheduler = testScheduler(clock, { windows });
  const sent: Record<string, number[]> = {};
  const runs = plan.flatMap(([requestClass, count]) => {
    const { attempt, sentAt } = scripted(clock, succeed('ok'));
    sent[requestClass] = sentAt;
    return Array.from({ length: count }, () => scheduler.run(requestClass, requestClass, attempt));
  });
  return { sent, all: Promise.all(runs) };
}

describe('rolling windows', () => {
  it('admits exactly `limit` requests at once', async () => {
    const clock = new FakeClock();
    const { sent } = sendMany(clock, [threePerSecond], [['read', 4]]);
    await clock.advance(0);
    expect(sent.read).toEqual([START, START, START]);
  });

  it('holds the next request 1 ms before the first one ages out', async () => {
    const clock = new FakeClock();
    const { sent } = sendMany(clock, [threePerSecond], [['read', 4]]);
    await clock.advance(999);
    expect(sent.read).toHaveLength(3);
  });

  it('sends the next request exactly when the first one ages out', async () => {
    const clock = new FakeClock();
    const { sent, all } = sendMany(clock, [threePerSecond], [['read', 4]]);
    await clock.settle(all);
    expect(sent.read?.[3]).toBe(START + 1_000);
  });

  it('computes the wait instead of polling: one sleep, until the boundary', async () => {
    const clock = new FakeClock();
    const { all } = sendMany(clock, [threePerSecond], [['read', 4]]);
    await clock.settle(all);
    expect(clock.sleeps).toEqual([1_000]);
  });

  it('frees slots one by one as each request ages out, not all at once', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, { windows: [{ name: 'w', limit: 2, intervalMs: 1_000 }] });
    const { attempt, sentAt } = scripted(clock, succeed('ok'));
    const first = scheduler.run('read', 'e', attempt);
    await clock.advance(400);
    const rest = [1, 2, 3].map(() => scheduler.run('read', 'e', attempt));
    await clock.settle(Promise.all([first, ...rest]));
    expect(sentAt.map((t) => t - START)).toEqual([0, 400, 1_000, 1_400]);
  });

  it('holds only the class a scoped window belongs to', async () => {
    const clock = new FakeClock();
    const search: RateWindow = { name: 'search', limit: 2, intervalMs: 1_000, requestClass: 'search' };
    const { sent, all } = sendMany(
      clock,
      [{ ...threePerSecond, limit: 10 }, search],
      [
        ['search', 3],
        ['read', 2],
      ],
    );
    await clock.settle(all);
    expect(sent).toEqual({ search: [START, START, START + 1_000], read: [START, START] });
  });

  it('counts a scoped request against the global window too', async () => {
    const clock = new FakeClock();
    const search: RateWindow = { name: 'search', limit: 4, intervalMs: 1_000, requestClass: 'search' };
    const { sent, all } = sendMany(
      clock,
      [threePerSecond, search],
      [
        ['search', 2],
        ['read', 2],
      ],
    );
    await clock.settle(all);
    expect(sent).toEqual({ search: [START, START], read: [START, START + 1_000] });
  });

  it('sends a scoped request only when both of its windows have room', async () => {
    const clock = new FakeClock();
    const global: RateWindow = { name: 'global', limit: 2, intervalMs: 10_000 };
    const search: RateWindow = { name: 'search', limit: 1, intervalMs: 1_000, requestClass: 'search' };
    const { sent, all } = sendMany(clock, [global, search], [['search', 3]]);
    await clock.settle(all);
    // The second waits 1 s for the search window; the third 10 s for the global one.
    expect(sent.search?.map((t) => t - START)).toEqual([0, 1_000, 10_000]);
  });
});
