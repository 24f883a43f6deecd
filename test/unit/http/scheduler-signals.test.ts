import { describe, expect, it, jest } from '@jest/globals';
import { DailyLimitError } from '../../../src/http/daily-limit-error.js';
import { LeadscoreError } from '../../../src/util/errors.js';
import { fail, httpError, scripted, succeed, testScheduler } from './attempts.js';
import { hubspotLike } from './example-policies.js';
import { FakeClock, START } from './fake-clock.js';

const tenSecondly = { policyName: 'TEN_SECONDLY_ROLLING' };
const backoff = { baseMs: 100, maxMs: 1_000, maxAttempts: 4, jitter: 'none' } as const;

describe('window: the CRM says a rate window is exhausted', () => {
  const policy = { ...hubspotLike, backoff };

  it("waits the window's interval, then succeeds", async () => {
    const clock = new FakeClock();
    const { attempt, gaps } = scripted(clock, fail(httpError(429, {}, tenSecondly)), succeed('ok'));
    await expect(clock.settle(testScheduler(clock, policy).run('read', 'e', attempt))).resolves.toBe('ok');
    expect(gaps()).toEqual([10_000]);
  });

  it('holds back every other request using that window meanwhile', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, policy);
    const refused = scripted(clock, fail(httpError(429, {}, tenSecondly)), succeed('ok'));
    const first = scheduler.run('read', 'a', refused.attempt);
    await clock.advance(1_000);
    const later = scripted(clock, succeed('ok'));
    await clock.settle(Promise.all([first, scheduler.run('read', 'b', later.attempt)]));
    expect(later.sentAt).toEqual([START + 10_000]);
  });

  it('holds back only the named window: a search 429 does not stop other requests', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, policy);
    const search = scripted(clock, fail(httpError(429, {}, { policyName: 'SECONDLY' })), succeed('ok'));
    const read = scripted(clock, succeed('ok'));
    const searching = scheduler.run('search', 'contacts.search', search.attempt);
    await clock.advance(10);
    await clock.settle(Promise.all([searching, scheduler.run('read', 'contacts.get', read.attempt)]));
    expect([search.gaps(), read.sentAt]).toEqual([[1_000], [START + 10]]);
  });

  it('waits Retry-After instead of the interval when given', async () => {
    const clock = new FakeClock();
    const { attempt, gaps } = scripted(
      clock,
      fail(httpError(429, { 'Retry-After': '1' }, tenSecondly)),
      succeed('ok'),
    );
    await clock.settle(testScheduler(clock, policy).run('read', 'e', attempt));
    expect(gaps()).toEqual([1_000]);
  });

  it('without declared windows, backs off and holds back every request', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, { backoff });
    const refused = scripted(clock, fail(httpError(429)), succeed('ok'));
    const other = scripted(clock, succeed('ok'));
    const first = scheduler.run('read', 'a', refused.attempt);
    await clock.advance(0);
    await clock.settle(Promise.all([first, scheduler.run('write', 'b', other.attempt)]));
    expect([refused.gaps(), other.sentAt]).toEqual([[100], [START + 100]]);
  });

  it('gives up after maxAttempts like any other retry', async () => {
    const clock = new FakeClock();
    const { attempt, sentAt } = scripted(clock, fail(httpError(429, {}, tenSecondly)));
    const scheduler = testScheduler(clock, { ...policy, backoff: { ...backoff, maxAttempts: 2 } });
    await expect(clock.settle(scheduler.run('read', 'e', attempt))).rejects.toMatchObject({ code: 429 });
    expect(sentAt).toHaveLength(2);
  });
});

describe('locked: the record is locked for a while', () => {
  it('waits at least the minimum, even when the backoff would be shorter', async () => {
    const clock = new FakeClock();
    const { attempt, gaps } = scripted(clock, fail(httpError(423)), fail(httpError(423)), succeed('ok'));
    const scheduler = testScheduler(clock, { ...hubspotLike, backoff }, { random: () => 0 });
    await clock.settle(scheduler.run('write', 'e', attempt));
    expect(gaps()).toEqual([2_000, 2_000]);
  });

  it('waits the backoff instead once it grows beyond the minimum', async () => {
    const clock = new FakeClock();
    const locked = fail(httpError(423));
    const { attempt, gaps } = scripted(clock, locked, locked, locked, succeed('ok'));
    const policy = { ...hubspotLike, backoff: { ...backoff, baseMs: 1_000, maxMs: 10_000 } };
    await clock.settle(testScheduler(clock, policy).run('write', 'e', attempt));
    expect(gaps()).toEqual([2_000, 2_000, 4_000]);
  });
});

describe('auth: the credentials expired', () => {
  it('refreshes once and retries once', async () => {
    const clock = new FakeClock();
    const refreshAuth = jest.fn(async () => {});
    const { attempt, sentAt } = scripted(clock, fail(httpError(401)), succeed('ok'));
    const run = testScheduler(clock, {}, { refreshAuth }).run('read', 'e', attempt);
    await expect(clock.settle(run)).resolves.toBe('ok');
    expect([refreshAuth.mock.calls.length, sentAt]).toEqual([1, [START, START]]);
  });

  it('fails with the second 401, without refreshing again', async () => {
    const clock = new FakeClock();
    const refreshAuth = jest.fn(async () => {});
    const second = httpError(401);
    const { attempt, sentAt } = scripted(clock, fail(httpError(401)), fail(second), succeed('never'));
    const run = testScheduler(clock, {}, { refreshAuth }).run('read', 'e', attempt);
    await expect(clock.settle(run)).rejects.toBe(second);
    expect([refreshAuth.mock.calls.length, sentAt.length]).toEqual([1, 2]);
  });

  it('rethrows the 401 when no refreshAuth was given', async () => {
    const clock = new FakeClock();
    const unauthorized = httpError(401);
    const { attempt, sentAt } = scripted(clock, fail(unauthorized), succeed('never'));
    await expect(clock.settle(testScheduler(clock).run('read', 'e', attempt))).rejects.toBe(unauthorized);
    expect(sentAt).toHaveLength(1);
  });

  it('lets a failing refresh fail the run with its own error', async () => {
    const clock = new FakeClock();
    const refreshFailed = new Error('refresh token revoked');
    const { attempt } = scripted(clock, fail(httpError(401)), succeed('never'));
    const run = testScheduler(clock, {}, { refreshAuth: () => Promise.reject(refreshFailed) }).run(
      'read',
      'e',
      attempt,
    );
    await expect(clock.settle(run)).rejects.toBe(refreshFailed);
  });

  it('shares one refresh among requests that hit 401 together', async () => {
    const clock = new FakeClock();
    const refreshAuth = jest.fn(() => clock.sleep(50));
    const scheduler = testScheduler(clock, {}, { refreshAuth });
    const runs = [1, 2, 3].map(() =>
      scheduler.run('read', 'e', scripted(clock, fail(httpError(401)), succeed('ok')).attempt),
    );
    await expect(clock.settle(Promise.all(runs))).resolves.toEqual(['ok', 'ok', 'ok']);
    expect(refreshAuth).toHaveBeenCalledTimes(1);
  });

  it('does not count the retry after a refresh against maxAttempts', async () => {
    const clock = new FakeClock();
    const { attempt } = scripted(clock, fail(httpError(401)), fail(httpError(503)), succeed('ok'));
    const scheduler = testScheduler(
      clock,
      { backoff: { ...backoff, maxAttempts: 2 } },
      { refreshAuth: async () => {} },
    );
    await expect(clock.settle(scheduler.run('read', 'e', attempt))).resolves.toBe('ok');
  });
});

describe('daily: the daily allocation is gone', () => {
  const dailyError = () => httpError(429, {}, { policyName: 'DAILY' });

  it('stops the run with DailyLimitError: code DAILY_LIMIT, exit code 3', async () => {
    const clock = new FakeClock();
    const { attempt } = scripted(clock, fail(dailyError()));
    const error = await clock
      .settle(testScheduler(clock, hubspotLike).run('read', 'e', attempt))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DailyLimitError);
    expect(error).toBeInstanceOf(LeadscoreError);
    expect(error).toMatchObject({ code: 'DAILY_LIMIT', exitCode: 3, vendor: 'HubSpot' });
  });

  it('says the run stops cleanly and will resume', async () => {
    const clock = new FakeClock();
    const { attempt } = scripted(clock, fail(dailyError()));
    await expect(clock.settle(testScheduler(clock, hubspotLike).run('read', 'e', attempt))).rejects.toThrow(
      'HubSpot daily API limit reached (429 policyName DAILY): the run stops cleanly here and the next run resumes from the last checkpoint once the allocation refills.',
    );
  });

  it('is not retried', async () => {
    const clock = new FakeClock();
    const { attempt, sentAt } = scripted(clock, fail(dailyError()), succeed('never'));
    await clock.settle(testScheduler(clock, hubspotLike).run('read', 'e', attempt)).catch(() => {});
    expect(sentAt).toHaveLength(1);
  });

  it('makes every later run fail fast with the same error, without sending', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, hubspotLike);
    const stopped = await clock
      .settle(scheduler.run('read', 'e', scripted(clock, fail(dailyError())).attempt))
      .catch((e: unknown) => e);
    const later = scripted(clock, succeed('never'));
    await expect(scheduler.run('read', 'other', later.attempt)).rejects.toBe(stopped);
    expect([later.sentAt, scheduler.stopped]).toEqual([[], stopped]);
  });

  it('fails a later run at once even while every slot is busy', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, { ...hubspotLike, concurrency: 1 });
    const stopped = await clock
      .settle(scheduler.run('read', 'e', scripted(clock, fail(dailyError())).attempt))
      .catch((e: unknown) => e);
    void scheduler.run('read', 'hanging', () => new Promise<never>(() => {})).catch(() => {});
    await clock.advance(0);
    await expect(scheduler.run('read', 'later', async () => 'never')).rejects.toBe(stopped);
  });

  it('stops requests that were waiting to retry before they send again', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, { ...hubspotLike, backoff });
    const waiting = scripted(clock, fail(httpError(503)), succeed('never'));
    const retrying = scheduler.run('read', 'a', waiting.attempt);
    await clock.advance(0);
    const daily = scheduler.run('read', 'b', scripted(clock, fail(dailyError())).attempt);
    const results = await clock.settle(Promise.allSettled([retrying, daily]));
    expect(results.map((r) => r.status === 'rejected' && r.reason instanceof DailyLimitError)).toEqual([
      true,
      true,
    ]);
    expect(waiting.sentAt).toHaveLength(1);
  });
});

describe('fatal: retrying cannot help', () => {
  it('rethrows the original error after one attempt', async () => {
    const clock = new FakeClock();
    const invalid = httpError(400, {}, { category: 'VALIDATION_ERROR' });
    const { attempt, sentAt } = scripted(clock, fail(invalid), succeed('never'));
    await expect(clock.settle(testScheduler(clock, hubspotLike).run('write', 'e', attempt))).rejects.toBe(
      invalid,
    );
    expect(sentAt).toHaveLength(1);
  });

  it('rethrows an error that is not HTTP at all (a bug in the attempt) untouched', async () => {
    const clock = new FakeClock();
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    const { attempt, sentAt } = scripted(clock, fail(bug));
    await expect(clock.settle(testScheduler(clock).run('read', 'e', attempt))).rejects.toBe(bug);
    expect(sentAt).toHaveLength(1);
  });
});
