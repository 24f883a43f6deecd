import { describe, expect, it } from '@jest/globals';
import { fail, httpError, scripted, succeed, testScheduler } from './attempts.js';
import { FakeClock, START } from './fake-clock.js';

describe('concurrency', () => {
  it('never has more than `concurrency` attempts in flight, and uses all of them', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, { concurrency: 3 });
    let inFlight = 0;
    let most = 0;
    const slowRequest = async () => {
      most = Math.max(most, ++inFlight);
      await clock.sleep(100);
      inFlight--;
      return 'ok';
    };
    await clock.settle(
      Promise.all(Array.from({ length: 10 }, () => scheduler.run('read', 'e', slowRequest))),
    );
    expect(most).toBe(3);
  });

  it('runs queued requests as slots free up', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, { concurrency: 2 });
    const startedAt: number[] = [];
    const slowRequest = async () => {
      startedAt.push(clock.now() - START);
      await clock.sleep(100);
    };
    await clock.settle(Promise.all(Array.from({ length: 5 }, () => scheduler.run('read', 'e', slowRequest))));
    expect(startedAt).toEqual([0, 0, 100, 100, 200]);
  });

  it('does not hold a slot while waiting to retry', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, { concurrency: 1 });
    const flaky = scripted(clock, fail(httpError(503)), succeed('late'));
    const other = scripted(clock, succeed('on time'));
    const results = clock.settle(
      Promise.all([
        scheduler.run('read', 'flaky', flaky.attempt),
        scheduler.run('read', 'other', other.attempt),
      ]),
    );
    expect(await results).toEqual(['late', 'on time']);
    expect([other.sentAt, flaky.sentAt]).toEqual([[START], [START, START + 100]]);
  });
});
