import { describe, expect, it, jest } from '@jest/globals';
import { DailyLimitError } from '../../../src/http/daily-limit-error.js';
import { fail, jsforceError, scripted, succeed, testScheduler } from './attempts.js';
import { salesforceLike } from './example-policies.js';
import { FakeClock } from './fake-clock.js';

const usage = (used: number, max = 15_000) => ({ 'Sforce-Limit-Info': `api-usage=${used}/${max}` });
const policy = { ...salesforceLike, dailyReserve: 0 };

describe('a daily allocation the CRM reports (Salesforce Sforce-Limit-Info)', () => {
  it('keeps going while requests are left', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, policy);
    scheduler.observe(usage(14_999));
    await expect(clock.settle(scheduler.run('read', 'e', async () => 'ok'))).resolves.toBe('ok');
  });

  it('returns the response that used the last request, then stops before the next one', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, policy);
    const last = scheduler.run('read', 'query', async () => ({ headers: usage(15_000) }), {
      headersOf: (r) => r.headers,
    });
    await expect(clock.settle(last)).resolves.toEqual({ headers: usage(15_000) });
    const next = scripted(clock, succeed('never'));
    await expect(scheduler.run('read', 'query', next.attempt)).rejects.toBeInstanceOf(DailyLimitError);
    expect(next.sentAt).toEqual([]);
  });

  it("says how much is left in the error's message", async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, policy);
    scheduler.observe(usage(15_000));
    await expect(scheduler.run('read', 'e', async () => 'never')).rejects.toThrow(
      'Salesforce daily API limit reached (0 of 15000 requests left)',
    );
  });

  it("stops at the reserve left for the customer's other integrations", async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, { ...policy, dailyReserve: 500 });
    scheduler.observe(usage(14_500));
    await expect(scheduler.run('read', 'e', async () => 'never')).rejects.toMatchObject({
      code: 'DAILY_LIMIT',
    });
  });

  it('stops on REQUEST_LIMIT_EXCEEDED for the daily total', async () => {
    const clock = new FakeClock();
    const { attempt } = scripted(
      clock,
      fail(jsforceError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.')),
    );
    await expect(clock.settle(testScheduler(clock, policy).run('read', 'e', attempt))).rejects.toMatchObject({
      code: 'DAILY_LIMIT',
      exitCode: 3,
    });
  });

  it('retries UNABLE_TO_LOCK_ROW after at least a second', async () => {
    const clock = new FakeClock();
    const { attempt, gaps } = scripted(clock, fail(jsforceError('UNABLE_TO_LOCK_ROW')), succeed('ok'));
    await clock.settle(testScheduler(clock, policy, { random: () => 0 }).run('write', 'e', attempt));
    expect(gaps()).toEqual([1_000]);
  });

  it('refreshes the session on INVALID_SESSION_ID', async () => {
    const clock = new FakeClock();
    const refreshAuth = jest.fn(async () => {});
    const { attempt } = scripted(clock, fail(jsforceError('INVALID_SESSION_ID')), succeed('ok'));
    await expect(
      clock.settle(testScheduler(clock, policy, { refreshAuth }).run('read', 'e', attempt)),
    ).resolves.toBe('ok');
    expect(refreshAuth).toHaveBeenCalledTimes(1);
  });
});
