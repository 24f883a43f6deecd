import { describe, expect, it } from '@jest/globals';
import type { RequestScheduler } from '../../../src/http/request-scheduler.js';
import { fail, httpError, scripted, succeed, testScheduler } from './attempts.js';
import { hubspotLike } from './example-policies.js';
import { FakeClock, START } from './fake-clock.js';

const budget = (remaining: number, max = 100, intervalMs = 10_000) => ({
  'X-HubSpot-RateLimit-Remaining': String(remaining),
  'X-HubSpot-RateLimit-Max': String(max),
  'X-HubSpot-RateLimit-Interval-Milliseconds': String(intervalMs),
});

const noWindows = { ...hubspotLike, windows: [] };

/** One request whose response reports `headers`, then `count` more; returns when those were sent. */
async function afterResponse(
  clock: FakeClock,
  scheduler: RequestScheduler,
  headers: Record<string, string>,
  count: number,
) {
  const response = { headers };
  await clock.settle(scheduler.run('read', 'first', async () => response, { headersOf: (r) => r.headers }));
  const { attempt, sentAt } = scripted(clock, succeed('ok'));
  await clock.settle(
    Promise.all(Array.from({ length: count }, () => scheduler.run('read', 'next', attempt))),
  );
  return sentAt.map((t) => t - START);
}

describe('pacing on the budget the CRM reports', () => {
  it('does not slow down while the remaining budget is healthy', async () => {
    const clock = new FakeClock();
    expect(await afterResponse(clock, testScheduler(clock, noWindows), budget(10), 3)).toEqual([0, 0, 0]);
  });

  it('spreads the remaining requests over the rest of the interval below 10 % of the max', async () => {
    const clock = new FakeClock();
    expect(await afterResponse(clock, testScheduler(clock, noWindows), budget(4), 4)).toEqual([
      2_500, 5_000, 7_500, 10_000,
    ]);
  });

  it('waits out the whole interval when nothing remains', async () => {
    const clock = new FakeClock();
    expect(await afterResponse(clock, testScheduler(clock, noWindows), budget(0), 1)).toEqual([10_000]);
  });

  it('stops pacing once the interval has passed', async () => {
    const clock = new FakeClock();
    expect(await afterResponse(clock, testScheduler(clock, noWindows), budget(1), 3)).toEqual([
      10_000, 10_000, 10_000,
    ]);
  });

  it('resumes full speed as soon as a response reports a healthy budget again', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, noWindows);
    await afterResponse(clock, scheduler, budget(2), 0);
    expect(await afterResponse(clock, scheduler, budget(50), 2)).toEqual([5_000, 5_000]);
  });

  it('honours a custom threshold', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, { ...noWindows, paceBelow: 0.5 });
    expect(await afterResponse(clock, scheduler, budget(40, 100, 4_000), 1)).toEqual([100]);
  });

  it('reads the budget from the headers of failed responses too', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, noWindows, { random: () => 0 });
    const { attempt, sentAt } = scripted(clock, fail(httpError(503, budget(1, 100, 4_000))), succeed('ok'));
    await clock.settle(scheduler.run('read', 'e', attempt));
    expect(sentAt.map((t) => t - START)).toEqual([0, 4_000]);
  });

  it('paces on top of the rolling windows, never faster than either allows', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, {
      ...hubspotLike,
      windows: [{ name: 'w', limit: 1, intervalMs: 3_000 }],
    });
    // Pacing alone would send at 2 s and 4 s; the window pushes them to 3 s and 6 s.
    expect(await afterResponse(clock, scheduler, budget(5, 100, 10_000), 2)).toEqual([3_000, 6_000]);
  });

  it('paces only the class the budget belongs to', async () => {
    const clock = new FakeClock();
    const policy = {
      ...noWindows,
      observe: () => ({ remaining: 0, max: 4, intervalMs: 1_000, requestClass: 'search' }),
    };
    const scheduler = testScheduler(clock, policy);
    await clock.settle(scheduler.run('search', 'first', async () => 'ok', { headersOf: () => ({}) }));
    const search = scripted(clock, succeed('ok'));
    const read = scripted(clock, succeed('ok'));
    await clock.settle(
      Promise.all([scheduler.run('search', 's', search.attempt), scheduler.run('read', 'r', read.attempt)]),
    );
    expect([search.sentAt, read.sentAt]).toEqual([[START + 1_000], [START]]);
  });

  it('does not pace a low budget that its own rolling window accounts for (only leadscore uses the portal)', async () => {
    // 20-per-10-s window: after 19 sends ours leaves 1, exactly what the CRM reports (under 10 % of 20).
    const clock = new FakeClock();
    const policy = { ...hubspotLike, windows: [{ name: 'ten-secondly', limit: 20, intervalMs: 10_000 }] };
    const scheduler = testScheduler(clock, policy);
    const { attempt } = scripted(clock, succeed('ok'));
    await clock.settle(Promise.all(Array.from({ length: 18 }, () => scheduler.run('read', 'fill', attempt))));
    expect(await afterResponse(clock, scheduler, budget(1, 20), 1)).toEqual([0]);
  });

  it('paces when the CRM reports less than its own window leaves: another app is using the budget', async () => {
    const clock = new FakeClock();
    const policy = { ...hubspotLike, windows: [{ name: 'ten-secondly', limit: 100, intervalMs: 10_000 }] };
    expect(await afterResponse(clock, testScheduler(clock, policy), budget(4), 4)).toEqual([
      2_500, 5_000, 7_500, 10_000,
    ]);
  });
});
