import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HubSpotSandbox } from '../../../../connectors/hubspot/sandbox/index.js';
import { fakeClock, get, start } from './sandbox-fixture.js';

const clock = fakeClock();
let sandbox: HubSpotSandbox;

beforeAll(async () => {
  sandbox = await start({
    contacts: 5,
    now: clock.now,
    oauth: {
      clientId: 'app-1',
      clientSecret: 's3cret',
      refreshToken: 'refresh-1',
      accessTokenTtlSeconds: 60,
    },
  });
});
afterAll(() => sandbox.stop());

function refresh(form: Record<string, string>) {
  return fetch(`${sandbox.url}/oauth/v1/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}
const goodForm = {
  grant_type: 'refresh_token',
  client_id: 'app-1',
  client_secret: 's3cret',
  refresh_token: 'refresh-1',
};

describe('authentication', () => {
  it('answers a request without a token with 401 INVALID_AUTHENTICATION', async () => {
    const reply = await get(sandbox, '/crm/v3/objects/contacts', null);
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({
      status: 'error',
      message: expect.stringMatching(/^Authentication credentials not found\./),
      correlationId: expect.any(String),
      category: 'INVALID_AUTHENTICATION',
    });
  });

  it('answers an unknown token with 401 INVALID_AUTHENTICATION', async () => {
    const reply = await get(sandbox, '/crm/v3/objects/contacts', 'pat-na1-not-a-real-token');
    expect(reply.status).toBe(401);
    expect(reply.body.category).toBe('INVALID_AUTHENTICATION');
  });

  it('accepts the configured private-app token', async () => {
    expect((await get(sandbox, '/crm/v3/objects/contacts')).status).toBe(200);
  });
});

describe('OAuth', () => {
  it('refreshes a token: access_token, the same refresh_token, expires_in and token_type bearer', async () => {
    const res = await refresh(goodForm);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      token_type: 'bearer',
      refresh_token: 'refresh-1',
      access_token: expect.any(String),
      expires_in: 60,
    });
  });

  it('accepts an issued access token until it expires', async () => {
    const { access_token } = (await (await refresh(goodForm)).json()) as { access_token: string };
    clock.advance(59_000);
    expect((await get(sandbox, '/crm/v3/objects/contacts', access_token)).status).toBe(200);
  });

  it('answers an expired access token with 401 EXPIRED_AUTHENTICATION and the expire time', async () => {
    const { access_token } = (await (await refresh(goodForm)).json()) as { access_token: string };
    clock.advance(75_000);
    const reply = await get(sandbox, '/crm/v3/objects/contacts', access_token);
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({
      status: 'error',
      category: 'EXPIRED_AUTHENTICATION',
      message: 'The OAuth token used to make this call expired 15 second(s) ago.',
      context: { 'expire time': [expect.stringMatching(/Z$/)] },
    });
  });

  it('rejects an unknown refresh token with 400 BAD_REFRESH_TOKEN', async () => {
    const res = await refresh({ ...goodForm, refresh_token: 'stale' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ status: 'BAD_REFRESH_TOKEN', message: expect.any(String) });
  });

  it('rejects a wrong client secret with 400 BAD_CLIENT_SECRET', async () => {
    const res = await refresh({ ...goodForm, client_secret: 'nope' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ status: 'BAD_CLIENT_SECRET' });
  });
});
