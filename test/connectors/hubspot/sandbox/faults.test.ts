import { afterEach, describe, expect, it } from '@jest/globals';
import type { FaultOptions, HubSpotSandbox } from '../../../../connectors/hubspot/sandbox/index.js';
import { get, start } from './sandbox-fixture.js';

const CONTACTS = '/crm/v3/objects/contacts?limit=1';
let sandbox: HubSpotSandbox | undefined;

afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

async function withFaults(faults: FaultOptions, seed = 7): Promise<HubSpotSandbox> {
  sandbox = await start({ contacts: 3, seed, faults, limits: { perTenSeconds: 10_000 } });
  return sandbox;
}

async function statuses(s: HubSpotSandbox, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await get(s, CONTACTS)).status);
  return out;
}

describe('injected faults', () => {
  it('answers every call with 429 TEN_SECONDLY_ROLLING at rate 1', async () => {
    const s = await withFaults({ tooManyRequests: 1 });
    const reply = await get(s, CONTACTS);
    expect(reply.status).toBe(429);
    expect(reply.body).toMatchObject({ policyName: 'TEN_SECONDLY_ROLLING', errorType: 'RATE_LIMIT' });
    expect(await statuses(s, 3)).toEqual([429, 429, 429]);
    expect(s.stats().tooManyRequests).toBe(4);
  });

  it('injects nothing at rate 0', async () => {
    const s = await withFaults({ tooManyRequests: 0, serverErrors: 0, locked: 0, dropConnection: 0 });
    expect(await statuses(s, 5)).toEqual([200, 200, 200, 200, 200]);
  });

  it('answers with the configured 5xx statuses in HubSpot’s error shape', async () => {
    const s = await withFaults({ serverErrors: 1, serverErrorStatuses: [502, 503] });
    const replies = await Promise.all([0, 1, 2, 3, 4, 5].map(() => get(s, CONTACTS)));
    for (const reply of replies) {
      expect([502, 503]).toContain(reply.status);
      expect(reply.body).toMatchObject({
        status: 'error',
        message: expect.any(String),
        correlationId: expect.any(String),
      });
    }
  });

  it('answers 423 Locked at rate 1', async () => {
    const s = await withFaults({ locked: 1 });
    expect((await get(s, CONTACTS)).status).toBe(423);
  });

  it('destroys the connection without a response at rate 1', async () => {
    const s = await withFaults({ dropConnection: 1 });
    await expect(get(s, CONTACTS)).rejects.toThrow();
    expect(s.stats().dropped).toBe(1);
  });

  it('delays responses by the configured latency', async () => {
    const s = await withFaults({ latency: { minMs: 80, maxMs: 80 } });
    const started = Date.now();
    expect((await get(s, CONTACTS)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('changes faults at runtime with setFaults', async () => {
    const s = await withFaults({});
    expect((await get(s, CONTACTS)).status).toBe(200);
    s.setFaults({ serverErrors: 1, serverErrorStatuses: [500] });
    expect((await get(s, CONTACTS)).status).toBe(500);
    s.setFaults({});
    expect((await get(s, CONTACTS)).status).toBe(200);
  });

  it('draws the same faults for the same seed', async () => {
    const faults: FaultOptions = { tooManyRequests: 0.3, serverErrors: 0.3 };
    const first = await statuses(await withFaults(faults, 11), 30);
    await sandbox?.stop();
    const second = await statuses(await withFaults(faults, 11), 30);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
  });

  it('rejects a rate outside 0..1', async () => {
    const s = await withFaults({});
    expect(() => s.setFaults({ locked: 2 })).toThrow(expect.objectContaining({ code: 'SANDBOX_OPTIONS' }));
  });
});
