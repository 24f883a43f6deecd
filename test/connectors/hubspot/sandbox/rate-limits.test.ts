import { afterEach, describe, expect, it } from '@jest/globals';
import type { HubSpotSandbox, SandboxOptions } from '../../../../connectors/hubspot/sandbox/index.js';
import { fakeClock, get, start } from './sandbox-fixture.js';

const CONTACTS = '/crm/v3/objects/contacts?limit=1';
let sandbox: HubSpotSandbox | undefined;

afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

async function limited(options: SandboxOptions): Promise<HubSpotSandbox> {
  sandbox = await start({ contacts: 3, ...options });
  return sandbox;
}

const rateHeaders = (headers: Headers) =>
  Object.fromEntries([...headers].filter(([name]) => name.startsWith('x-hubspot-ratelimit')));

describe('rate limit headers', () => {
  it('sends the X-HubSpot-RateLimit-* headers with what is left of the window and the day', async () => {
    const s = await limited({ now: fakeClock().now, limits: { perTenSeconds: 190, daily: 650_000 } });
    await get(s, CONTACTS);
    const reply = await get(s, CONTACTS);
    expect(rateHeaders(reply.headers)).toEqual({
      'x-hubspot-ratelimit-daily': '650000',
      'x-hubspot-ratelimit-daily-remaining': '649998',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-max': '190',
      'x-hubspot-ratelimit-remaining': '188',
      'x-hubspot-ratelimit-secondly': '19',
      'x-hubspot-ratelimit-secondly-remaining': '17',
    });
  });

  it('leaves the daily headers out of OAuth-authenticated calls', async () => {
    const s = await limited({});
    const reply = await get(s, CONTACTS, s.issueAccessToken());
    expect(reply.status).toBe(200);
    expect(Object.keys(rateHeaders(reply.headers)).sort()).toEqual([
      'x-hubspot-ratelimit-interval-milliseconds',
      'x-hubspot-ratelimit-max',
      'x-hubspot-ratelimit-remaining',
      'x-hubspot-ratelimit-secondly',
      'x-hubspot-ratelimit-secondly-remaining',
    ]);
  });
});

describe('the ten-second limit', () => {
  it('answers the call past the limit with 429 TEN_SECONDLY_ROLLING and Remaining 0', async () => {
    const s = await limited({ now: fakeClock().now, limits: { perTenSeconds: 5 } });
    for (let i = 0; i < 5; i++) expect((await get(s, CONTACTS)).status).toBe(200);
    const reply = await get(s, CONTACTS);
    expect(reply.status).toBe(429);
    expect(reply.body).toEqual({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      correlationId: expect.any(String),
      policyName: 'TEN_SECONDLY_ROLLING',
      requestId: expect.any(String),
    });
    expect(reply.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
  });

  it('admits calls again once the oldest ones leave the rolling window', async () => {
    const clock = fakeClock();
    const s = await limited({ now: clock.now, limits: { perTenSeconds: 2 } });
    await get(s, CONTACTS);
    clock.advance(6_000);
    await get(s, CONTACTS);
    expect((await get(s, CONTACTS)).status).toBe(429);
    clock.advance(4_001);
    expect((await get(s, CONTACTS)).status).toBe(200);
  });

  it('counts the 429s it sends', async () => {
    const s = await limited({ now: fakeClock().now, limits: { perTenSeconds: 1 } });
    for (let i = 0; i < 4; i++) await get(s, CONTACTS);
    expect(s.stats().tooManyRequests).toBe(3);
  });
});

describe('the daily limit', () => {
  it('answers past the daily limit with 429 DAILY until midnight', async () => {
    const clock = fakeClock('2026-06-15T23:59:00.000Z');
    const s = await limited({ now: clock.now, limits: { daily: 2 } });
    await get(s, CONTACTS);
    await get(s, CONTACTS);
    const reply = await get(s, CONTACTS);
    expect(reply.status).toBe(429);
    expect(reply.body).toMatchObject({ message: 'You have reached your daily limit.', policyName: 'DAILY' });
    expect(reply.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('0');
    clock.advance(61_000);
    expect((await get(s, CONTACTS)).status).toBe(200);
  });

  it('does not apply to OAuth apps', async () => {
    const s = await limited({ now: fakeClock().now, limits: { daily: 1 } });
    const token = s.issueAccessToken();
    for (let i = 0; i < 3; i++) expect((await get(s, CONTACTS, token)).status).toBe(200);
  });
});
