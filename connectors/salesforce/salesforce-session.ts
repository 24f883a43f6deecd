import { z } from 'zod';
import { ConnectorAuthError } from '../../src/connector/connector-errors.js';
import { jwtBearerAssertion } from './jwt-assertion.js';
import type { SalesforceCredentials } from './salesforce-credentials.js';

/** What every API call needs: the org's host and a session id. */
export interface SalesforceSessionInfo {
  instanceUrl: string;
  accessToken: string;
}

export interface SalesforceSessionDeps {
  fetch?: typeof fetch;
  now?: () => number;
}

/** The token endpoint's success body (help.salesforce.com: OAuth 2.0 … Flow, "Salesforce Grants a New Access Token"). */
const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  instance_url: z.string().url(),
  token_type: z.string().optional(),
  issued_at: z.string().optional(),
});
const tokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

const TOKEN_PATH = '/services/oauth2/token';
const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/**
 * A Salesforce session that renews itself. The first call obtains one by the configured OAuth flow;
 * after a 401 INVALID_SESSION_ID the scheduler asks for a new one (`refresh`), once per failed request.
 * Salesforce's token answer has no expiry (the org's session timeout decides), so renewal is on demand.
 * Concurrent callers share one grant. Errors name the flow and Salesforce's error code, never a secret.
 */
export class SalesforceSession {
  private info: SalesforceSessionInfo | undefined;
  private pending: Promise<SalesforceSessionInfo> | undefined;
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;

  constructor(
    private readonly credentials: SalesforceCredentials,
    deps: SalesforceSessionDeps = {},
  ) {
    this.fetchFn = deps.fetch ?? fetch;
    this.now = deps.now ?? Date.now;
    if (credentials.kind === undefined || credentials.kind === 'access_token') {
      this.info = { instanceUrl: credentials.instanceUrl, accessToken: credentials.accessToken };
    }
  }

  /** An access token alone cannot be renewed. */
  get canRefresh(): boolean {
    return this.credentials.kind !== undefined && this.credentials.kind !== 'access_token';
  }

  /** The session, obtained on first use. */
  ensure(): Promise<SalesforceSessionInfo> {
    if (this.info) return Promise.resolve(this.info);
    return this.grant();
  }

  /** A new session after Salesforce rejected the current one. */
  refresh(): Promise<SalesforceSessionInfo> {
    if (!this.canRefresh) {
      return Promise.reject(
        new ConnectorAuthError(
          'salesforce',
          'Salesforce rejected the session (INVALID_SESSION_ID) and an access token cannot be renewed; ' +
            'use the JWT bearer, client credentials or refresh token flow for unattended runs',
        ),
      );
    }
    this.info = undefined;
    return this.grant();
  }

  private grant(): Promise<SalesforceSessionInfo> {
    this.pending ??= this.requestToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async requestToken(): Promise<SalesforceSessionInfo> {
    const credentials = this.credentials;
    if (!isGrant(credentials)) return this.ensure();
    const form = new URLSearchParams(this.form());
    let response: Response;
    try {
      response = await this.fetchFn(`${credentials.loginUrl}${TOKEN_PATH}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: form.toString(),
      });
    } catch (error) {
      const cause = error instanceof Error ? error.message : String(error);
      throw new ConnectorAuthError(
        'salesforce',
        `${credentials.kind} grant: cannot reach ${credentials.loginUrl}${TOKEN_PATH} (${cause})`,
      );
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const parsed = tokenErrorSchema.safeParse(body);
      const reason = parsed.success
        ? `${parsed.data.error}${parsed.data.error_description ? `: ${parsed.data.error_description}` : ''}`
        : `HTTP ${response.status}`;
      throw new ConnectorAuthError(
        'salesforce',
        `${credentials.kind} grant refused by ${credentials.loginUrl} (${reason}); check ${hintFor(credentials.kind)}`,
      );
    }
    const token = tokenResponseSchema.safeParse(body);
    if (!token.success) {
      throw new ConnectorAuthError(
        'salesforce',
        `${credentials.kind} grant: the token answer has no access_token/instance_url`,
      );
    }
    this.info = {
      // A configured instance URL (a proxy, the sandbox) wins over the one in the answer.
      instanceUrl: (credentials.instanceUrl ?? token.data.instance_url).replace(/\/+$/, ''),
      accessToken: token.data.access_token,
    };
    return this.info;
  }

  private form(): Record<string, string> {
    const c = this.credentials;
    switch (c.kind) {
      case 'jwt':
        return {
          grant_type: JWT_GRANT,
          assertion: jwtBearerAssertion(c.privateKey, {
            clientId: c.clientId,
            username: c.username,
            audience: c.loginUrl,
            nowMs: this.now(),
          }),
        };
      case 'client_credentials':
        return { grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret };
      case 'refresh_token':
        return {
          grant_type: 'refresh_token',
          client_id: c.clientId,
          ...(c.clientSecret ? { client_secret: c.clientSecret } : {}),
          refresh_token: c.refreshToken,
        };
      case 'password':
        return {
          grant_type: 'password',
          client_id: c.clientId,
          client_secret: c.clientSecret,
          username: c.username,
          password: c.password,
        };
      default:
        return {};
    }
  }
}

type GrantCredentials = Exclude<SalesforceCredentials, { accessToken: string }>;

function isGrant(credentials: SalesforceCredentials): credentials is GrantCredentials {
  return credentials.kind !== undefined && credentials.kind !== 'access_token';
}

function hintFor(kind: NonNullable<SalesforceCredentials['kind']>): string {
  switch (kind) {
    case 'jwt':
      return 'SALESFORCE_CLIENT_ID, SALESFORCE_USERNAME, the private key, the certificate on the connected app and that the user is pre-authorized';
    case 'client_credentials':
      return 'SALESFORCE_CLIENT_ID, SALESFORCE_CLIENT_SECRET, the run-as user of the connected app and that loginUrl is the org’s My Domain';
    case 'refresh_token':
      return 'SALESFORCE_CLIENT_ID and SALESFORCE_REFRESH_TOKEN (revoked or expired by the refresh token policy?)';
    case 'password':
      return 'SALESFORCE_USERNAME, SALESFORCE_PASSWORD, SALESFORCE_SECURITY_TOKEN and the connected app';
    case 'access_token':
      return 'SALESFORCE_ACCESS_TOKEN';
  }
}
