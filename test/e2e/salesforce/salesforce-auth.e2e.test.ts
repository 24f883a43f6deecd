import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SalesforceApi } from '../../../connectors/salesforce/salesforce-api.js';
import { salesforceCredentialsFromEnv } from '../../../connectors/salesforce/salesforce-credentials.js';
import type { SalesforceCredentials } from '../../../connectors/salesforce/salesforce-credentials.js';
import { salesforcePolicy } from '../../../connectors/salesforce/salesforce-policy.js';
import { SalesforceSession } from '../../../connectors/salesforce/salesforce-session.js';
import { startSalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import { RequestScheduler } from '../../../src/http/request-scheduler.js';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

let sandbox: SalesforceSandbox;

beforeAll(async () => {
  sandbox = await startSalesforceSandbox({
    leads: 5,
    contacts: 0,
    oauth: { jwtPublicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
  });
});
afterAll(() => sandbox.stop());

/** An API client as the adapter builds it: one session, the scheduler renewing it after a 401. */
function client(credentials: SalesforceCredentials) {
  const session = new SalesforceSession(credentials);
  let api: SalesforceApi | undefined = undefined;
  const scheduler = new RequestScheduler({
    policy: salesforcePolicy({ concurrency: 2 }),
    ...(session.canRefresh ? { refreshAuth: () => api!.refreshSession() } : {}),
  });
  api = new SalesforceApi(scheduler, { session });
  return { api, scheduler };
}

const countLeads = (api: SalesforceApi) =>
  api.query('SELECT Id FROM Lead', 200).then((page) => page.records.length);

function envFor(flow: string): NodeJS.ProcessEnv {
  const { clientId, clientSecret, refreshToken, username, password } = sandbox.oauth;
  const common = { SALESFORCE_LOGIN_URL: sandbox.url, SALESFORCE_CLIENT_ID: clientId };
  switch (flow) {
    case 'jwt':
      return { ...common, SALESFORCE_USERNAME: username, SALESFORCE_PRIVATE_KEY: PRIVATE_PEM };
    case 'client_credentials':
      return { ...common, SALESFORCE_CLIENT_SECRET: clientSecret };
    case 'refresh_token':
      return { ...common, SALESFORCE_REFRESH_TOKEN: refreshToken };
    default:
      return {
        ...common,
        SALESFORCE_AUTH: 'password',
        SALESFORCE_CLIENT_SECRET: clientSecret,
        SALESFORCE_USERNAME: username,
        SALESFORCE_PASSWORD: password,
      };
  }
}

describe('Salesforce sessions from the environment', () => {
  it.each(['jwt', 'client_credentials', 'refresh_token', 'password'])(
    'the %s flow gets a session from the token endpoint and queries with it',
    async (flow) => {
      const credentials = salesforceCredentialsFromEnv(envFor(flow));
      expect(credentials.kind).toBe(flow);
      const { api } = client(credentials);
      await expect(countLeads(api)).resolves.toBe(5);
    },
  );

  it('an expired session is renewed once and the request succeeds, counted as an auth retry', async () => {
    const { api, scheduler } = client(salesforceCredentialsFromEnv(envFor('jwt')));
    await countLeads(api);
    sandbox.revokeAccessToken(api.conn.accessToken!);
    await expect(countLeads(api)).resolves.toBe(5);
    expect(scheduler.metrics().retries.auth).toBe(1);
  });

  it('a revoked access token that cannot be renewed fails with a message naming no secret', async () => {
    const token = sandbox.issueAccessToken();
    const { api } = client({ instanceUrl: sandbox.url, accessToken: token });
    sandbox.revokeAccessToken(token);
    const failure = (await countLeads(api).then(
      () => undefined,
      (error: unknown) => error,
    )) as Error;
    expect(failure).toMatchObject({ code: 'CONNECTOR_AUTH' });
    expect(failure.message).toMatch(/INVALID_SESSION_ID/);
    expect(failure.message).not.toContain(token);
  });

  it('a refused grant names the flow and Salesforce’s error, not the secret', async () => {
    const env = { ...envFor('client_credentials'), SALESFORCE_CLIENT_SECRET: 'wrong-secret-value' };
    const { api } = client(salesforceCredentialsFromEnv(env));
    const failure = (await countLeads(api).then(
      () => undefined,
      (error: unknown) => error,
    )) as Error;
    expect(failure.message).toMatch(/client_credentials grant refused .*invalid_client/);
    expect(failure.message).not.toContain('wrong-secret-value');
  });
});
