import { describe, expect, it } from '@jest/globals';
import type { SchedulerEvent } from '../../../src/http/scheduler-events.js';
import { fail, httpError, networkError, scripted, succeed, testScheduler } from './attempts.js';
import { hubspotLike } from './example-policies.js';
import { FakeClock } from './fake-clock.js';

const backoff = { baseMs: 100, maxMs: 1_000, maxAttempts: 4, jitter: 'none' } as const;
const policy = { ...hubspotLike, backoff, windows: [{ name: 'ten-secondly', limit: 2, intervalMs: 10_000 }] };
const tenSecondly = { policyName: 'TEN_SECONDLY_ROLLING' };

describe('metrics', () => {
  it('start at zero', () =>
    expect(testScheduler(new FakeClock()).metrics()).toEqual({
      endpoints: {},
      retries: { retry: 0, window: 0, locked: 0, auth: 0 },
      rateLimited: 0,
      windowWaits: 0,
      paceWaits: 0,
      dailyStops: 0,
      waitedMs: 0,
    }));

  it('count attempts and successes per endpoint, retries by signal, 429s and time spent waiting', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, { ...policy, windows: [] }, { refreshAuth: async () => {} });
    const get = scripted(clock, fail(httpError(503)), fail(networkError('ECONNRESET')), succeed('ok'));
    const update = scripted(clock, fail(httpError(401)), fail(httpError(423)), succeed('ok'));
    const search = scripted(clock, fail(httpError(429, {}, tenSecondly)), succeed('ok'));
    await clock.settle(scheduler.run('read', 'contacts.get', get.attempt)); // waits 100 + 200
    await clock.settle(scheduler.run('write', 'contacts.update', update.attempt)); // waits 2,000 (423)
    await clock.settle(scheduler.run('search', 'contacts.search', search.attempt)); // waits 100 (429)
    expect(scheduler.metrics()).toEqual({
      endpoints: {
        'contacts.get': { attempts: 3, successes: 1 },
        'contacts.update': { attempts: 3, successes: 1 },
        'contacts.search': { attempts: 2, successes: 1 },
      },
      retries: { retry: 2, window: 1, locked: 1, auth: 1 },
      rateLimited: 1,
      windowWaits: 1,
      paceWaits: 0,
      dailyStops: 0,
      waitedMs: 2_400,
    });
  });

  it('count a send held back by a full window once, with the time it waited', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, policy);
    const { attempt } = scripted(clock, succeed('ok'));
    await clock.settle(Promise.all([1, 2, 3].map(() => scheduler.run('read', 'e', attempt))));
    expect(scheduler.metrics()).toMatchObject({ windowWaits: 1, paceWaits: 0, waitedMs: 10_000 });
  });

  it('add the backoff between attempts to the time spent waiting', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, { backoff });
    const { attempt } = scripted(clock, fail(httpError(500)), fail(httpError(500)), succeed('ok'));
    await clock.settle(scheduler.run('read', 'e', attempt));
    expect(scheduler.metrics().waitedMs).toBe(300);
  });

  it('count a send held back by pacing as a pace wait', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, {
      backoff,
      observe: () => ({ remaining: 0, max: 10, intervalMs: 500 }),
    });
    await clock.settle(scheduler.run('read', 'a', async () => 'ok', { headersOf: () => ({}) }));
    await clock.settle(scheduler.run('read', 'b', async () => 'ok'));
    expect(scheduler.metrics()).toMatchObject({ windowWaits: 0, paceWaits: 1, waitedMs: 500 });
  });

  it('count one daily stop however many runs it fails', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, hubspotLike);
    const { attempt } = scripted(clock, fail(httpError(429, {}, { policyName: 'DAILY' })));
    await clock.settle(Promise.allSettled([1, 2, 3].map(() => scheduler.run('read', 'e', attempt))));
    await scheduler.run('read', 'e', attempt).catch(() => {});
    expect(scheduler.metrics().dailyStops).toBe(1);
  });

  it('are a snapshot the caller cannot change', () => {
    const scheduler = testScheduler(new FakeClock());
    scheduler.metrics().retries.retry = 99;
    expect(scheduler.metrics().retries.retry).toBe(0);
  });
});

describe('the logger', () => {
  const secret = 'Bearer pat-na1-0000-SECRET';

  async function logOf(steps: Parameters<typeof scripted>[1][]) {
    const clock = new FakeClock();
    const events: SchedulerEvent[] = [];
    const scheduler = testScheduler(clock, policy, {
      logger: (e) => events.push(e),
      refreshAuth: async () => {},
    });
    await clock
      .settle(scheduler.run('read', 'contacts.get', scripted(clock, ...steps).attempt))
      .catch(() => {});
    return events;
  }

  it('names the endpoint, the signal, the attempt and the wait of each retry', async () =>
    expect(await logOf([fail(httpError(503)), succeed('ok')])).toEqual([
      {
        type: 'retry',
        signal: 'retry',
        requestClass: 'read',
        endpoint: 'contacts.get',
        attempt: 1,
        waitMs: 100,
        status: 503,
      },
    ]));

  it('names the network code of a network failure', async () =>
    expect(await logOf([fail(networkError('ECONNRESET')), succeed('ok')])).toMatchObject([
      { type: 'retry', networkCode: 'ECONNRESET' },
    ]));

  it('reports giving up, auth refreshes and daily stops', async () => {
    const events = [
      ...(await logOf([fail(httpError(400))])),
      ...(await logOf([fail(httpError(401)), succeed('ok')])),
      ...(await logOf([fail(httpError(429, {}, { policyName: 'DAILY' }))])),
    ];
    expect(events.map((e) => e.type)).toEqual(['give-up', 'auth-refresh', 'daily-stop']);
  });

  it('never passes on headers, bodies or error messages', async () => {
    const leaky = Object.assign(
      httpError(503, { authorization: secret, 'set-cookie': secret }, { token: secret }),
      {
        message: secret,
      },
    );
    const events = await logOf([
      fail(leaky),
      fail(httpError(401, { 'x-secret': secret })),
      fail(httpError(400)),
    ]);
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain('SECRET');
  });
});
