import { describe, expect, it } from '@jest/globals';
import { fail, httpError, networkError, scripted, succeed, testScheduler } from './attempts.js';
import { FakeClock, START } from './fake-clock.js';

const backoff = { baseMs: 100, maxMs: 1_000, maxAttempts: 4, jitter: 'none' } as const;

describe('retrying transient failures', () => {
  it('retries a 503 until it succeeds, doubling the delay from baseMs', async () => {
    const clock = new FakeClock();
    const { attempt, gaps } = scripted(
      clock,
      fail(httpError(503)),
      fail(httpError(503)),
      fail(httpError(503)),
      succeed('ok'),
    );
    await expect(clock.settle(testScheduler(clock, { backoff }).run('read', 'e', attempt))).resolves.toBe(
      'ok',
    );
    expect(gaps()).toEqual([100, 200, 400]);
  });

  it('caps the delay at maxMs', async () => {
    const clock = new FakeClock();
    const { attempt, gaps } = scripted(
      clock,
      fail(httpError(500)),
      fail(httpError(500)),
      fail(httpError(500)),
      fail(httpError(500)),
      succeed('ok'),
    );
    const scheduler = testScheduler(clock, { backoff: { ...backoff, maxMs: 250, maxAttempts: 5 } });
    await clock.settle(scheduler.run('read', 'e', attempt));
    expect(gaps()).toEqual([100, 200, 250, 250]);
  });

  it('with full jitter waits a random share of each growing ceiling', async () => {
    const clock = new FakeClock();
    const draws = [0.5, 0.25, 0.9];
    const { attempt, gaps } = scripted(
      clock,
      fail(httpError(502)),
      fail(httpError(502)),
      fail(httpError(502)),
      succeed('ok'),
    );
    const scheduler = testScheduler(
      clock,
      { backoff: { ...backoff, jitter: 'full' } },
      { random: () => draws.shift() ?? 0 },
    );
    await clock.settle(scheduler.run('read', 'e', attempt));
    expect(gaps()).toEqual([50, 50, 360]);
  });

  it('gives up after maxAttempts, rethrowing the last error', async () => {
    const clock = new FakeClock();
    const last = httpError(504);
    const { attempt, sentAt } = scripted(
      clock,
      fail(httpError(500)),
      fail(httpError(502)),
      fail(last),
      succeed('never'),
    );
    const run = testScheduler(clock, { backoff: { ...backoff, maxAttempts: 3 } }).run('read', 'e', attempt);
    await expect(clock.settle(run)).rejects.toBe(last);
    expect(sentAt).toHaveLength(3);
  });

  it('tries exactly once when maxAttempts is 1', async () => {
    const clock = new FakeClock();
    const { attempt, sentAt } = scripted(clock, fail(httpError(503)));
    const run = testScheduler(clock, { backoff: { ...backoff, maxAttempts: 1 } }).run('read', 'e', attempt);
    await expect(clock.settle(run)).rejects.toMatchObject({ code: 503 });
    expect(sentAt).toHaveLength(1);
  });

  it.each([['ECONNRESET'], ['ETIMEDOUT'], ['ECONNREFUSED'], ['UND_ERR_SOCKET'], ['EPIPE']])(
    'retries the network error %s',
    async (code) => {
      const clock = new FakeClock();
      const { attempt } = scripted(clock, fail(networkError(code)), succeed('ok'));
      await expect(clock.settle(testScheduler(clock).run('read', 'e', attempt))).resolves.toBe('ok');
    },
  );

  it("retries a bare 'socket hang up'", async () => {
    const clock = new FakeClock();
    const { attempt } = scripted(clock, fail(new Error('socket hang up')), succeed('ok'));
    await expect(clock.settle(testScheduler(clock).run('read', 'e', attempt))).resolves.toBe('ok');
  });

  it('does not retry a transient failure of a request marked not idempotent', async () => {
    const clock = new FakeClock();
    const reset = networkError('ECONNRESET');
    const { attempt, sentAt } = scripted(clock, fail(reset), succeed('duplicate'));
    const run = testScheduler(clock).run('write', 'tasks.create', attempt, { idempotent: false });
    await expect(clock.settle(run)).rejects.toBe(reset);
    expect(sentAt).toHaveLength(1);
  });

  it('still retries a refused (429) request marked not idempotent', async () => {
    const clock = new FakeClock();
    const { attempt } = scripted(clock, fail(httpError(429)), succeed('created'));
    const run = testScheduler(clock).run('write', 'tasks.create', attempt, { idempotent: false });
    await expect(clock.settle(run)).resolves.toBe('created');
  });
});

describe('Retry-After', () => {
  it('waits the seconds it gives instead of the backoff', async () => {
    const clock = new FakeClock();
    const { attempt, gaps } = scripted(clock, fail(httpError(503, { 'Retry-After': '3' })), succeed('ok'));
    await clock.settle(testScheduler(clock, { backoff }).run('read', 'e', attempt));
    expect(gaps()).toEqual([3_000]);
  });

  it('waits until the HTTP date it gives', async () => {
    const clock = new FakeClock();
    const until = new Date(START + 7_000).toUTCString();
    const { attempt, sentAt } = scripted(
      clock,
      fail(httpError(503, { 'retry-after': until })),
      succeed('ok'),
    );
    await clock.settle(testScheduler(clock, { backoff }).run('read', 'e', attempt));
    expect(sentAt[1]).toBe(START + 7_000);
  });

  it('is honoured even beyond backoff.maxMs', async () => {
    const clock = new FakeClock();
    const { attempt, gaps } = scripted(clock, fail(httpError(503, { 'Retry-After': '120' })), succeed('ok'));
    await clock.settle(testScheduler(clock, { backoff }).run('read', 'e', attempt));
    expect(gaps()).toEqual([120_000]);
  });

  it("wins over a classifier's shorter afterMs", async () => {
    const clock = new FakeClock();
    const { attempt, gaps } = scripted(clock, fail(httpError(503, { 'Retry-After': '2' })), succeed('ok'));
    const scheduler = testScheduler(clock, { classify: () => ({ kind: 'retry', afterMs: 500 }) });
    await clock.settle(scheduler.run('read', 'e', attempt));
    expect(gaps()).toEqual([2_000]);
  });

  it("lets a classifier's afterMs replace the backoff when there is no header", async () => {
    const clock = new FakeClock();
    const { attempt, gaps } = scripted(clock, fail(httpError(503)), succeed('ok'));
    const scheduler = testScheduler(clock, { classify: () => ({ kind: 'retry', afterMs: 750 }) });
    await clock.settle(scheduler.run('read', 'e', attempt));
    expect(gaps()).toEqual([750]);
  });
});
