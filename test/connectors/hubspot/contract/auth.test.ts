import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { ConnectorAuthError } from '../../../../src/connector/connector-errors.js';
import type { Mapping } from '../../../../src/mapping/mapping-schema.js';
import {
  BASE_URL,
  RequestLog,
  SECRETS,
  buildAdapter,
  collect,
  expectNoSecrets,
  fixture,
  guardNetwork,
  loadHubSpotMapping,
  oauthApp,
  privateApp,
  rejectionOf,
} from './contract-harness.js';

guardNetwork({ beforeAll, afterEach, afterAll });

const LIST = '/crm/v3/objects/contacts';
const TOKEN = '/oauth/v1/token';

let mapping: Mapping;
beforeAll(async () => {
  mapping = await loadHubSpotMapping();
});

/** oauth-token.json with the access token `access_token`. */
const tokenResponse = (accessToken: string) => ({
  ...fixture('oauth-token.json'),
  access_token: accessToken,
});

describe('private-app token', () => {
  it('a 401 is a ConnectorAuthError that names HUBSPOT_ACCESS_TOKEN, never the token, and is not retried', async () => {
    const log = new RequestLog();
    const scope = nock(BASE_URL)
      .get(LIST)
      .query(true)
      .reply(log.reply(() => [401, fixture('error-401.json')]));

    const { adapter } = buildAdapter(mapping, privateApp);
    const error = await rejectionOf(collect(adapter.read({ kind: 'full' })));
    scope.done();

    expect(error).toBeInstanceOf(ConnectorAuthError);
    expect(error).toMatchObject({ code: 'CONNECTOR_AUTH' });
    expect(error.message).toContain('HUBSPOT_ACCESS_TOKEN');
    expectNoSecrets(error);
    expect(log.sent).toHaveLength(1);
    expect(log.sent[0]!.headers.authorization).toBe(`Bearer ${SECRETS.privateAppToken}`);
  });

  it('check() with a rejected token fails the same way', async () => {
    const scope = nock(BASE_URL)
      .get('/crm/v3/properties/contacts')
      .query(true)
      .reply(401, fixture('error-401.json'));

    const { adapter } = buildAdapter(mapping, privateApp);
    const error = await rejectionOf(adapter.check());
    scope.done();
    expect(error).toBeInstanceOf(ConnectorAuthError);
    expect(error.message).toContain('HUBSPOT_ACCESS_TOKEN');
    expectNoSecrets(error);
  });
});

describe('OAuth app', () => {
  it('a 401 gets one refresh (POST /oauth/v1/token, grant_type=refresh_token), then the request succeeds', async () => {
    const log = new RequestLog();
    const scope = nock(BASE_URL)
      // The first call of a run has no access token yet: one is fetched with the refresh token.
      .post(TOKEN)
      .reply(log.reply(() => [200, tokenResponse('access-1')]))
      .get(LIST)
      .query(true)
      .matchHeader('authorization', 'Bearer access-1')
      .reply(log.reply(() => [401, fixture('error-401-expired.json')]))
      // HubSpot says the token expired: exactly one refresh ...
      .post(TOKEN)
      .reply(log.reply(() => [200, tokenResponse('access-2')]))
      // ... and the request once more, with the new token.
      .get(LIST)
      .query(true)
      .matchHeader('authorization', 'Bearer access-2')
      .reply(log.reply(() => [200, fixture('contacts-list-page-2.json')]));

    const { adapter } = buildAdapter(mapping, oauthApp());
    const { leads } = await collect(adapter.read({ kind: 'full' }));
    scope.done();

    expect(leads.map((l) => l.ref.id)).toEqual(['103']);
    expect(log.sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      `POST ${TOKEN}`,
      `GET ${LIST}`,
      `POST ${TOKEN}`,
      `GET ${LIST}`,
    ]);
    for (const refresh of log.to('POST', TOKEN)) {
      expect(refresh.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
      expect(refresh.headers.authorization).toBeUndefined();
      expect(Object.fromEntries(new URLSearchParams(refresh.body))).toEqual({
        grant_type: 'refresh_token',
        client_id: SECRETS.clientId,
        client_secret: SECRETS.clientSecret,
        refresh_token: SECRETS.refreshToken,
      });
    }
    expect(adapter.metrics().retries.auth).toBe(1);
  });

  it('a 401 again after the refresh is a ConnectorAuthError, with no second refresh and no secret', async () => {
    const log = new RequestLog();
    const scope = nock(BASE_URL)
      .post(TOKEN)
      .reply(log.reply(() => [200, tokenResponse('access-1')]))
      .get(LIST)
      .query(true)
      .reply(log.reply(() => [401, fixture('error-401-expired.json')]))
      .post(TOKEN)
      .reply(log.reply(() => [200, tokenResponse('access-2')]))
      .get(LIST)
      .query(true)
      .reply(log.reply(() => [401, fixture('error-401.json')]));

    const { adapter } = buildAdapter(mapping, oauthApp());
    const error = await rejectionOf(collect(adapter.read({ kind: 'full' })));
    scope.done();

    expect(log.to('POST', TOKEN)).toHaveLength(2);
    expectNoSecrets(error);
    // ConnectorAuthError: "The CRM refused our credentials or permissions, after a refresh where one was possible."
    expect(error).toBeInstanceOf(ConnectorAuthError);
  });

  it('a refresh the token endpoint rejects (400 BAD_REFRESH_TOKEN) is a ConnectorAuthError without secrets', async () => {
    const log = new RequestLog();
    const scope = nock(BASE_URL)
      .post(TOKEN)
      .reply(log.reply(() => [400, fixture('oauth-error-400-bad-refresh-token.json')]));

    const { adapter } = buildAdapter(mapping, oauthApp());
    const error = await rejectionOf(collect(adapter.read({ kind: 'full' })));
    scope.done();

    expect(error).toBeInstanceOf(ConnectorAuthError);
    expect(error.message).toContain('HUBSPOT_REFRESH_TOKEN');
    expectNoSecrets(error);
    expect(log.sent).toHaveLength(1);
  });
});
