import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConnectorConfigError } from '../../src/connector/connector-errors.js';

/** Where production orgs log in; sandboxes use https://test.salesforce.com, My Domain orgs their own host. */
export const DEFAULT_LOGIN_URL = 'https://login.salesforce.com';

/**
 * How leadscore gets a Salesforce session. Secrets come only from the environment; URLs may come from the
 * deployment config. JWT bearer is the recommended flow for a server (no secret that expires, no user
 * interaction); username-password is a documented fallback for orgs that still allow it.
 */
export type SalesforceCredentials =
  /** A session id obtained elsewhere; it cannot be renewed, so a run ends when it expires. */
  | { kind?: 'access_token'; instanceUrl: string; accessToken: string }
  | {
      kind: 'jwt';
      loginUrl: string;
      instanceUrl?: string;
      clientId: string;
      username: string;
      privateKey: string;
    }
  | {
      kind: 'client_credentials';
      loginUrl: string;
      instanceUrl?: string;
      clientId: string;
      clientSecret: string;
    }
  | {
      kind: 'refresh_token';
      loginUrl: string;
      instanceUrl?: string;
      clientId: string;
      clientSecret?: string;
      refreshToken: string;
    }
  | {
      kind: 'password';
      loginUrl: string;
      instanceUrl?: string;
      clientId: string;
      clientSecret: string;
      username: string;
      /** The password with the user's security token appended, as the password grant expects. */
      password: string;
    };

export type SalesforceAuthKind = NonNullable<SalesforceCredentials['kind']>;
export const SALESFORCE_AUTH_KINDS = [
  'jwt',
  'client_credentials',
  'refresh_token',
  'access_token',
  'password',
] as const satisfies readonly SalesforceAuthKind[];

/** URLs the deployment config gives (connectors.salesforce.baseUrl and settings.loginUrl). */
export interface SalesforceUrls {
  loginUrl?: string;
  instanceUrl?: string;
}

const httpUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  });

/** Which variables each flow needs; the first flow whose variables are all set is used, in this order. */
const FLOW_VARIABLES: Record<SalesforceAuthKind, readonly string[]> = {
  jwt: ['SALESFORCE_CLIENT_ID', 'SALESFORCE_USERNAME', 'SALESFORCE_PRIVATE_KEY'],
  refresh_token: ['SALESFORCE_CLIENT_ID', 'SALESFORCE_REFRESH_TOKEN'],
  password: [
    'SALESFORCE_CLIENT_ID',
    'SALESFORCE_CLIENT_SECRET',
    'SALESFORCE_USERNAME',
    'SALESFORCE_PASSWORD',
  ],
  client_credentials: ['SALESFORCE_CLIENT_ID', 'SALESFORCE_CLIENT_SECRET'],
  access_token: ['SALESFORCE_ACCESS_TOKEN'],
};

/**
 * The credentials the environment holds. SALESFORCE_AUTH (jwt, client_credentials, refresh_token,
 * access_token, password) picks a flow; without it the first complete set wins in the order JWT bearer,
 * refresh token, username-password, client credentials, access token. SALESFORCE_PRIVATE_KEY may hold the
 * PEM itself or SALESFORCE_PRIVATE_KEY_FILE its path. Messages name variables, never their values.
 */
export function salesforceCredentialsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  urls: SalesforceUrls = {},
): SalesforceCredentials {
  const value = (name: string) => env[name]?.trim() || undefined;
  const vars: Record<string, string | undefined> = {};
  for (const name of new Set(Object.values(FLOW_VARIABLES).flat())) vars[name] = value(name);
  vars.SALESFORCE_PRIVATE_KEY ??= privateKeyFromFile(value('SALESFORCE_PRIVATE_KEY_FILE'));

  const chosen = value('SALESFORCE_AUTH');
  if (chosen !== undefined && !(SALESFORCE_AUTH_KINDS as readonly string[]).includes(chosen)) {
    throw new ConnectorConfigError(
      'salesforce',
      `SALESFORCE_AUTH must be one of ${SALESFORCE_AUTH_KINDS.join(', ')}`,
    );
  }
  const complete = (kind: SalesforceAuthKind) => FLOW_VARIABLES[kind].every((name) => vars[name]);
  const kind = (chosen as SalesforceAuthKind | undefined) ?? SALESFORCE_AUTH_KINDS.find(complete);
  if (kind === undefined) {
    throw new ConnectorConfigError(
      'salesforce',
      'no credentials: set SALESFORCE_CLIENT_ID, SALESFORCE_USERNAME and SALESFORCE_PRIVATE_KEY (JWT bearer, ' +
        'recommended), or SALESFORCE_CLIENT_ID and SALESFORCE_REFRESH_TOKEN, or SALESFORCE_CLIENT_ID and ' +
        'SALESFORCE_CLIENT_SECRET (client credentials), or SALESFORCE_ACCESS_TOKEN with SALESFORCE_INSTANCE_URL',
    );
  }
  const missing = FLOW_VARIABLES[kind].filter((name) => !vars[name]);
  if (missing.length > 0) {
    throw new ConnectorConfigError('salesforce', `SALESFORCE_AUTH=${kind} needs ${missing.join(', ')}`);
  }
  const loginUrl = checkedUrl(
    'loginUrl',
    urls.loginUrl ?? value('SALESFORCE_LOGIN_URL') ?? DEFAULT_LOGIN_URL,
  );
  const instanceUrlText = urls.instanceUrl ?? value('SALESFORCE_INSTANCE_URL');
  const instanceUrl = instanceUrlText === undefined ? undefined : checkedUrl('instanceUrl', instanceUrlText);
  const get = (name: string) => vars[name]!;
  const located = { loginUrl, ...(instanceUrl === undefined ? {} : { instanceUrl }) };
  switch (kind) {
    case 'jwt':
      return {
        kind,
        ...located,
        clientId: get('SALESFORCE_CLIENT_ID'),
        username: get('SALESFORCE_USERNAME'),
        privateKey: get('SALESFORCE_PRIVATE_KEY').replace(/\\n/g, '\n'),
      };
    case 'refresh_token':
      return {
        kind,
        ...located,
        clientId: get('SALESFORCE_CLIENT_ID'),
        ...(vars.SALESFORCE_CLIENT_SECRET ? { clientSecret: vars.SALESFORCE_CLIENT_SECRET } : {}),
        refreshToken: get('SALESFORCE_REFRESH_TOKEN'),
      };
    case 'password':
      return {
        kind,
        ...located,
        clientId: get('SALESFORCE_CLIENT_ID'),
        clientSecret: get('SALESFORCE_CLIENT_SECRET'),
        username: get('SALESFORCE_USERNAME'),
        password: get('SALESFORCE_PASSWORD') + (value('SALESFORCE_SECURITY_TOKEN') ?? ''),
      };
    case 'client_credentials':
      return {
        kind,
        ...located,
        clientId: get('SALESFORCE_CLIENT_ID'),
        clientSecret: get('SALESFORCE_CLIENT_SECRET'),
      };
    case 'access_token':
      if (instanceUrl === undefined) {
        throw new ConnectorConfigError(
          'salesforce',
          'SALESFORCE_ACCESS_TOKEN needs the org’s URL: set SALESFORCE_INSTANCE_URL or connectors.salesforce.baseUrl',
        );
      }
      return { kind, instanceUrl, accessToken: get('SALESFORCE_ACCESS_TOKEN') };
  }
}

function checkedUrl(name: string, value: string): string {
  const url = httpUrl.safeParse(value);
  if (!url.success) {
    throw new ConnectorConfigError(
      'salesforce',
      `${name} is not a URL like https://yourorg.my.salesforce.com`,
    );
  }
  return url.data.replace(/\/+$/, '');
}

function privateKeyFromFile(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConnectorConfigError(
      'salesforce',
      `SALESFORCE_PRIVATE_KEY_FILE ${path}: cannot read it (${code})`,
    );
  }
}

/** Every secret the credentials hold, for the log redactor. */
export function salesforceSecrets(credentials: SalesforceCredentials): string[] {
  switch (credentials.kind) {
    case undefined:
    case 'access_token':
      return [credentials.accessToken];
    case 'jwt':
      return [credentials.privateKey];
    case 'client_credentials':
      return [credentials.clientSecret];
    case 'refresh_token':
      return [credentials.refreshToken, ...(credentials.clientSecret ? [credentials.clientSecret] : [])];
    case 'password':
      return [credentials.clientSecret, credentials.password];
  }
}
