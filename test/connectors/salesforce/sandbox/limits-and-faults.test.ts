import { afterEach, describe, expect, it } from '@jest/globals';
import type { FaultOptions, SalesforceSandbox } from '../../../../connectors/salesforce/sandbox/index.js';
import { API, call, connect, fakeClock, soql, start } from './sandbox-fixture.js';

const Q = 'SELECT Id FROM Lead LIMIT 1';
let sandbox: SalesforceSandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

async function withFaults(faults: FaultOptions, seed = 7) {
  sandbox = await start({ leads: 3, contacts: 0, seed, faults });
  return sandbox;
}

describe('daily API allocation', () => {
  it('reports Sforce-Limit-Info: api-usage=N/M on every API response', async () => {
    sandbox = await start({ leads: 3, contacts: 0, limits: { dailyApiRequests: 5000 } });
    expect((await soql(sandbox, Q)).headers.get('sforce-limit-info')).toBe('api-usage=1/5000');
    expect((await soql(sandbox, 'SELECT Nope FROM Lead')).headers.get('sforce-limit-info')).toBe(
      'api-usage=2/5000',
    );
    const describe = await call(sandbox, 'GET', `${API}/sobjects/Lead/describe`);
    expect(describe.headers.get('sforce-limit-info')).toBe('api-usage=3/5000');
  });

  it('answers 403 REQUEST_LIMIT_EXCEEDED once the allocation is used up, until the next day', async () => {
    const clock = fakeClock();
    sandbox = await start({
      leads: 3,
      contacts: 0,
      now: clock.now,
      limits: { dailyApiRequests: 2 },
      oauth: { accessTokenTtlSeconds: 3 * 86_400 },
    });
    expect((await soql(sandbox, Q)).status).toBe(200);
    expect((await soql(sandbox, Q)).status).toBe(200);
    const over = await soql(sandbox, Q);
    expect(over.status).toBe(403);
    expect(over.body).toEqual([
      { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
    ]);
    expect(over.headers.get('sforce-limit-info')).toBe('api-usage=2/2');
    await expect(connect(sandbox).query(Q)).rejects.toMatchObject({ errorCode: 'REQUEST_LIMIT_EXCEEDED' });
    expect(sandbox.stats().requestLimitExceeded).toBe(2);
    clock.advance(24 * 3_600_000);
    expect((await soql(sandbox, Q)).status).toBe(200);
  });
});

describe('injected faults', () => {
  it('answers REQUEST_LIMIT_EXCEEDED at rate 1', async () => {
    const s = await withFaults({ requestLimitExceeded: 1 });
    const reply = await soql(s, Q);
    expect(reply.status).toBe(403);
    expect(reply.body[0].errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
  });

  it('answers the configured 5xx statuses with an error array', async () => {
    const s = await withFaults({ serverErrors: 1, serverErrorStatuses: [503] });
    const reply = await soql(s, Q);
    expect(reply.status).toBe(503);
    expect(reply.body).toEqual([{ message: 'Server Unavailable', errorCode: 'SERVER_UNAVAILABLE' }]);
  });

  it('destroys the connection without a response at rate 1', async () => {
    const s = await withFaults({ dropConnection: 1 });
    await expect(soql(s, Q)).rejects.toThrow();
    expect(s.stats().dropped).toBe(1);
  });

  it('delays responses by the configured latency', async () => {
    const s = await withFaults({ latency: { minMs: 80, maxMs: 80 } });
    const started = Date.now();
    expect((await soql(s, Q)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('changes faults at runtime and draws the same sequence for the same seed', async () => {
    const faults: FaultOptions = { serverErrors: 0.4, requestLimitExceeded: 0.2 };
    const run = async () => {
      const s = await withFaults(faults, 11);
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await soql(s, Q)).status);
      s.setFaults({});
      expect((await soql(s, Q)).status).toBe(200);
      await s.stop();
      return out;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
  });
});

describe('call stats', () => {
  it('counts calls per endpoint template and statuses', async () => {
    sandbox = await start({ leads: 3, contacts: 0 });
    await soql(sandbox, Q);
    await soql(sandbox, Q);
    await call(sandbox, 'GET', `${API}/sobjects/Lead/describe`);
    await call(sandbox, 'GET', '/nowhere');
    const stats = sandbox.stats();
    expect(stats.calls).toEqual({
      'GET /services/data/{version}/query': 2,
      'GET /services/data/{version}/sobjects/{sobject}/describe': 1,
      'GET (unmatched)': 1,
    });
    expect(stats.statuses).toEqual({ 200: 3, 404: 1 });
    expect(stats.apiUsage).toEqual({ used: 3, daily: 100_000 });
    sandbox.resetStats();
    expect(sandbox.stats().total).toBe(0);
  });
});
