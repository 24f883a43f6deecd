import { generateKeyPairSync, createSign } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { SalesforceSandbox } from '../../../../connectors/salesforce/sandbox/index.js';
import { API, call, fakeClock, start, token } from './sandbox-fixture.js';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PUBLIC_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();

let sandbox: SalesforceSandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

function jwt(claims: Record<string, unknown>, key = privateKey): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${part({ alg: 'RS256' })}.${part(claims)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key).toString('base64url');
  return `${input}.${signature}`;
}

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

describe('POST /services/oauth2/token', () => {
  it('issues a session for client_credentials, shaped like Salesforce’s answer', async () => {
    sandbox = await start({ leads: 1, contacts: 0 });
    const { clientId, clientSecret } = sandbox.oauth;
    const reply = await token(sandbox, {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      access_token: expect.stringMatching(/^00D[0-9A-Za-z]{12}!/),
      instance_url: sandbox.url,
      id: expect.stringMatching(new RegExp(`^${sandbox.url}/id/00D[0-9A-Za-z]{15}/005[0-9A-Za-z]{15}$`)),
      token_type: 'Bearer',
      issued_at: expect.stringMatching(/^\d{13}$/),
      signature: expect.any(String),
    });
    const api = await call(sandbox, 'GET', `${API}/query?q=SELECT+Id+FROM+Lead`, {
      token: reply.body.access_token,
    });
    expect(api.status).toBe(200);
    const bad = await token(sandbox, {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: 'invalid_client', error_description: 'invalid client credentials' });
  });

  it('refreshes with refresh_token, and refuses an unknown one as invalid_grant', async () => {
    sandbox = await start({ leads: 1, contacts: 0 });
    const { clientId, refreshToken } = sandbox.oauth;
    const ok = await token(sandbox, {
      grant_type: 'refresh_token',
      client_id: clientId,
      refresh_token: refreshToken,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.refresh_token).toBeUndefined();
    const bad = await token(sandbox, {
      grant_type: 'refresh_token',
      client_id: clientId,
      refresh_token: 'nope',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: 'invalid_grant', error_description: 'expired access/refresh token' });
  });

  it('verifies the JWT bearer assertion: RS256 signature, iss, sub, aud and exp', async () => {
    const clock = fakeClock();
    sandbox = await start({ leads: 1, contacts: 0, now: clock.now, oauth: { jwtPublicKey: PUBLIC_PEM } });
    const exp = Math.floor(clock.now().getTime() / 1000) + 180;
    const good = {
      iss: sandbox.oauth.clientId,
      sub: sandbox.oauth.username,
      aud: 'https://login.salesforce.com',
      exp,
    };
    const ok = await token(sandbox, { grant_type: JWT_GRANT, assertion: jwt(good) });
    expect(ok.status).toBe(200);
    expect(ok.body.token_type).toBe('Bearer');

    const refused = async (assertion: string) => {
      const reply = await token(sandbox as SalesforceSandbox, { grant_type: JWT_GRANT, assertion });
      expect(reply.status).toBe(400);
      expect(reply.body.error).toBe('invalid_grant');
      return reply.body.error_description as string;
    };
    expect(await refused(jwt(good, other.privateKey))).toBe('invalid assertion');
    expect(await refused(jwt({ ...good, aud: 'https://evil.example' }))).toBe('audience is invalid');
    expect(await refused(jwt({ ...good, iss: 'someone-else' }))).toBe('invalid client credentials');
    expect(await refused(jwt({ ...good, sub: 'nobody@example.com' }))).toMatch(/approved/);
    clock.advance(181_000);
    expect(await refused(jwt(good))).toBe('expired authorization code');
  });

  it('refuses the JWT grant when no public key is configured', async () => {
    sandbox = await start({ leads: 1, contacts: 0 });
    const reply = await token(sandbox, { grant_type: JWT_GRANT, assertion: 'a.b.c' });
    expect(reply.body).toEqual({ error: 'invalid_grant', error_description: 'invalid assertion' });
  });

  it('answers 401 INVALID_SESSION_ID for a missing, unknown, revoked or expired session', async () => {
    const clock = fakeClock();
    sandbox = await start({ leads: 1, contacts: 0, now: clock.now, oauth: { accessTokenTtlSeconds: 60 } });
    const path = `${API}/sobjects/Lead/describe`;
    const expected = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }];
    expect((await call(sandbox, 'GET', path, { token: null })).body).toEqual(expected);
    const unknown = await call(sandbox, 'GET', path, { token: '00D000000000000!nope' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(expected);
    const revoked = sandbox.issueAccessToken();
    sandbox.revokeAccessToken(revoked);
    expect((await call(sandbox, 'GET', path, { token: revoked })).status).toBe(401);
    expect((await call(sandbox, 'GET', path)).status).toBe(200);
    clock.advance(61_000);
    expect((await call(sandbox, 'GET', path)).status).toBe(401);
  });
});
