import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_LOGIN_URL,
  salesforceCredentialsFromEnv,
  salesforceSecrets,
} from '../../../connectors/salesforce/salesforce-credentials.js';

const PEM = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----';
const JWT_ENV = {
  SALESFORCE_CLIENT_ID: 'consumer-key',
  SALESFORCE_USERNAME: 'integration@example.com',
  SALESFORCE_PRIVATE_KEY: PEM,
};

describe('salesforceCredentialsFromEnv', () => {
  it('picks JWT bearer when its three variables are set, logging in at login.salesforce.com', () => {
    expect(salesforceCredentialsFromEnv(JWT_ENV)).toEqual({
      kind: 'jwt',
      loginUrl: DEFAULT_LOGIN_URL,
      clientId: 'consumer-key',
      username: 'integration@example.com',
      privateKey: PEM,
    });
  });

  it('prefers JWT bearer over a refresh token when both are complete', () => {
    const env = { ...JWT_ENV, SALESFORCE_REFRESH_TOKEN: 'refresh' };
    expect(salesforceCredentialsFromEnv(env).kind).toBe('jwt');
  });

  it('reads the private key from SALESFORCE_PRIVATE_KEY_FILE', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sf-key-')), 'server.key');
    writeFileSync(file, PEM);
    const env = { ...JWT_ENV, SALESFORCE_PRIVATE_KEY: '', SALESFORCE_PRIVATE_KEY_FILE: file };
    const credentials = salesforceCredentialsFromEnv(env);
    expect(credentials).toMatchObject({ kind: 'jwt', privateKey: PEM });
  });

  it('turns escaped \\n in a one-line key variable into line breaks', () => {
    const env = { ...JWT_ENV, SALESFORCE_PRIVATE_KEY: PEM.replace(/\n/g, '\\n') };
    expect(salesforceCredentialsFromEnv(env)).toMatchObject({ privateKey: PEM });
  });

  it('uses the refresh token flow with an optional client secret', () => {
    const env = { SALESFORCE_CLIENT_ID: 'id', SALESFORCE_REFRESH_TOKEN: 'rt' };
    expect(salesforceCredentialsFromEnv(env)).toEqual({
      kind: 'refresh_token',
      loginUrl: DEFAULT_LOGIN_URL,
      clientId: 'id',
      refreshToken: 'rt',
    });
  });

  it('uses client credentials for a client id and secret alone, at the configured My Domain', () => {
    const env = { SALESFORCE_CLIENT_ID: 'id', SALESFORCE_CLIENT_SECRET: 's' };
    const urls = { loginUrl: 'https://acme.my.salesforce.com/' };
    expect(salesforceCredentialsFromEnv(env, urls)).toEqual({
      kind: 'client_credentials',
      loginUrl: 'https://acme.my.salesforce.com',
      clientId: 'id',
      clientSecret: 's',
    });
  });

  it('appends the security token to the password of the username-password fallback', () => {
    const env = {
      SALESFORCE_AUTH: 'password',
      SALESFORCE_CLIENT_ID: 'id',
      SALESFORCE_CLIENT_SECRET: 's',
      SALESFORCE_USERNAME: 'u',
      SALESFORCE_PASSWORD: 'pw',
      SALESFORCE_SECURITY_TOKEN: 'tok',
    };
    expect(salesforceCredentialsFromEnv(env)).toMatchObject({ kind: 'password', password: 'pwtok' });
  });

  it('needs an instance URL beside a bare access token', () => {
    expect(() => salesforceCredentialsFromEnv({ SALESFORCE_ACCESS_TOKEN: 't' })).toThrow(
      /SALESFORCE_ACCESS_TOKEN needs the org’s URL/,
    );
    expect(
      salesforceCredentialsFromEnv(
        { SALESFORCE_ACCESS_TOKEN: 't' },
        { instanceUrl: 'https://a.my.salesforce.com' },
      ),
    ).toEqual({ kind: 'access_token', instanceUrl: 'https://a.my.salesforce.com', accessToken: 't' });
  });

  it('names the missing variables of a chosen flow without showing any value', () => {
    const env = { SALESFORCE_AUTH: 'jwt', SALESFORCE_CLIENT_ID: 'secret-client-id' };
    expect(() => salesforceCredentialsFromEnv(env)).toThrow(
      'salesforce: SALESFORCE_AUTH=jwt needs SALESFORCE_USERNAME, SALESFORCE_PRIVATE_KEY',
    );
  });

  it('refuses an unknown SALESFORCE_AUTH', () => {
    expect(() => salesforceCredentialsFromEnv({ SALESFORCE_AUTH: 'saml' })).toThrow(/must be one of jwt/);
  });

  it('explains every flow when nothing is set', () => {
    expect(() => salesforceCredentialsFromEnv({})).toThrow(/no credentials: set SALESFORCE_CLIENT_ID/);
  });

  it('refuses a login URL that is not http(s)', () => {
    expect(() => salesforceCredentialsFromEnv(JWT_ENV, { loginUrl: 'ftp://x' })).toThrow(
      /loginUrl is not a URL/,
    );
  });

  it('lists the secrets of each flow for the log redactor', () => {
    expect(salesforceSecrets(salesforceCredentialsFromEnv(JWT_ENV))).toEqual([PEM]);
    expect(salesforceSecrets({ instanceUrl: 'https://x', accessToken: 'tok' })).toEqual(['tok']);
  });
});
