import { describe, expect, it } from '@jest/globals';
import { budgetShareGuard, BudgetShareError } from '../../../connectors/salesforce/budget-share-guard.js';
import { salesforcePolicy } from '../../../connectors/salesforce/salesforce-policy.js';
import { DailyLimitError } from '../../../src/http/daily-limit-error.js';
import { RequestScheduler } from '../../../src/http/request-scheduler.js';
import { FakeClock } from '../../unit/http/fake-clock.js';

const usage = (used: number, max = 15_000) => ({ 'Sforce-Limit-Info': `api-usage=${used}/${max}` });

function setup(share?: number) {
  const guard = budgetShareGuard(share);
  const clock = new FakeClock();
  const scheduler = new RequestScheduler({ policy: salesforcePolicy({ concurrency: 1 }, guard), clock });
  return { guard, clock, scheduler };
}

describe('budget share guard', () => {
  it('stops nothing before the first observation', () => {
    const guard = budgetShareGuard();
    expect(guard.reserve).toBe(0);
    expect(guard.remainingAtStart).toBeUndefined();
  });

  it("takes the first observation's remaining requests as the start", () => {
    const { guard, scheduler } = setup();
    scheduler.observe(usage(25));
    scheduler.observe(usage(100));
    expect(guard.remainingAtStart).toBe(14_975);
    expect(guard.reserve).toBe(14_975 - 7_487);
  });

  it('keeps going one request short of the share', async () => {
    const { clock, scheduler } = setup();
    scheduler.observe(usage(25));
    scheduler.observe(usage(25 + 7_486));
    await expect(clock.settle(scheduler.run('read', 'e', async () => 'ok'))).resolves.toBe('ok');
  });

  it('stops the run once half of the remaining allocation is spent, saying why', async () => {
    const { guard, clock, scheduler } = setup();
    scheduler.observe(usage(25));
    scheduler.observe(usage(25 + 7_487));
    const caught = await clock.settle(scheduler.run('read', 'e', async () => 'never')).catch((e) => e);
    const error = guard.explain(caught);
    expect(error).toBeInstanceOf(BudgetShareError);
    expect(error).toBeInstanceOf(DailyLimitError);
    expect(error).toMatchObject({ code: 'DAILY_LIMIT', exitCode: 3 });
    expect((error as Error).message).toContain(
      "stopped after spending 50 % of the org's remaining daily API allocation (7487 of 14975) — configurable",
    );
  });

  it('stops at a configured share', async () => {
    const { guard, scheduler } = setup(0.1);
    scheduler.observe(usage(0, 10_000));
    scheduler.observe(usage(1_000, 10_000));
    expect(scheduler.stopped).toBeInstanceOf(DailyLimitError);
    expect((guard.explain(scheduler.stopped) as Error).message).toContain('10 % ');
  });

  it('leaves a real daily limit error as it is', () => {
    const { guard, scheduler } = setup();
    scheduler.observe(usage(0, 100));
    const real = new DailyLimitError('Salesforce', 'REQUEST_LIMIT_EXCEEDED');
    expect(guard.explain(real)).toBe(real);
  });

  it('does not claim the share when the org had nothing left at the start', () => {
    const { guard, scheduler } = setup();
    scheduler.observe(usage(15_000));
    expect(scheduler.stopped).toBeInstanceOf(DailyLimitError);
    expect(guard.tripped).toBeUndefined();
    expect(guard.explain(scheduler.stopped)).toBe(scheduler.stopped);
  });

  it('never stops early with a share of 1', () => {
    const { scheduler } = setup(1);
    scheduler.observe(usage(0, 100));
    scheduler.observe(usage(99, 100));
    expect(scheduler.stopped).toBeUndefined();
  });

  it('rejects a share of 0 or above 1', () => {
    expect(() => budgetShareGuard(0)).toThrow();
    expect(() => budgetShareGuard(1.5)).toThrow();
  });
});
