import { createHmac, randomBytes, type KeyObject } from 'node:crypto';
import { ApiError } from '../http/api-error.js';
import { INVALID_SESSION } from '../http/error-bodies.js';
import { KEY_PREFIXES, makeId } from '../ids.js';
import { checkAssertion } from './jwt.js';

export const ORG_ID = makeId(KEY_PREFIXES.Organization, 1);
export const INTEGRATION_USER_ID = makeId(KEY_PREFIXES.User, 1);

export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  username: string;
  /** The integration user's password with its security token appended (the password grant). */
  password: string;
  jwtPublicKey?: KeyObject;
  jwtAudiences: readonly string[];
  accessTokenTtlSeconds: number;
}

/** The token endpoint's success body (Salesforce's documented fields; `refresh_token` is never re-issued). */
export interface TokenResponse {
  access_token: string;
  instance_url: string;
  id: string;
  token_type: 'Bearer';
  issued_at: string;
  signature: string;
  scope: string;
}

type Form = Record<string, string | undefined>;

const oauthError = (error: string, description: string) =>
  new ApiError(400, { error, error_description: description });

/** Issues and checks sessions: access tokens look like `<org id>!<random>`, as Salesforce session ids do. */
export class TokenAuthority {
  private readonly sessions = new Map<string, number>();

  constructor(
    private readonly config: OAuthConfig,
    private readonly now: () => Date,
    private readonly instanceUrl: () => string,
  ) {}

  /** A new session, as any successful grant makes. */
  issue(): TokenResponse {
    const issuedAt = this.now().getTime();
    const token = `${ORG_ID.slice(0, 15)}!${randomBytes(48).toString('base64url')}`;
    this.sessions.set(token, issuedAt + this.config.accessTokenTtlSeconds * 1000);
    const id = `${this.instanceUrl()}/id/${ORG_ID}/${INTEGRATION_USER_ID}`;
    // The signature is documented as a Base64 HMAC-SHA256 of the id URL and issued_at, keyed with the consumer secret.
    const signature = createHmac('sha256', this.config.clientSecret)
      .update(id + String(issuedAt))
      .digest('base64');
    return {
      access_token: token,
      instance_url: this.instanceUrl(),
      id,
      token_type: 'Bearer',
      issued_at: String(issuedAt),
      signature,
      scope: 'api refresh_token',
    };
  }

  /** Throws 401 INVALID_SESSION_ID for a missing, unknown or expired bearer token. */
  authenticate(header: string | undefined): void {
    const match = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header ?? '');
    const expiresAt = match?.[1] ? this.sessions.get(match[1]) : undefined;
    if (expiresAt === undefined || expiresAt <= this.now().getTime())
      throw new ApiError(401, INVALID_SESSION);
  }

  /** Ends a session (as the revoke endpoint or a session timeout would). */
  revoke(token: string): void {
    this.sessions.delete(token);
  }

  /** POST /services/oauth2/token with form fields (client credentials may also come as HTTP Basic). */
  grant(form: Form, basic: { id: string; secret: string } | undefined): TokenResponse {
    const clientId = form.client_id ?? basic?.id;
    const clientSecret = form.client_secret ?? basic?.secret;
    switch (form.grant_type) {
      case undefined:
      case '':
        throw oauthError('invalid_request', 'grant type not supported');
      case 'client_credentials':
        this.checkClient(clientId, clientSecret, true);
        return this.issue();
      case 'refresh_token':
        this.checkClient(clientId, clientSecret, false);
        if (form.refresh_token !== this.config.refreshToken) {
          throw oauthError('invalid_grant', 'expired access/refresh token');
        }
        return this.issue();
      case 'password':
        this.checkClient(clientId, clientSecret, true);
        if (form.username !== this.config.username || form.password !== this.config.password) {
          throw oauthError('invalid_grant', 'authentication failure');
        }
        return this.issue();
      case 'urn:ietf:params:oauth:grant-type:jwt-bearer':
        return this.jwtBearer(form.assertion);
      default:
        throw oauthError('unsupported_grant_type', 'grant type not supported');
    }
  }

  private checkClient(id: string | undefined, secret: string | undefined, secretRequired: boolean): void {
    if (id !== this.config.clientId) throw oauthError('invalid_client_id', 'client identifier invalid');
    if ((secretRequired || secret !== undefined) && secret !== this.config.clientSecret) {
      throw oauthError('invalid_client', 'invalid client credentials');
    }
  }

  private jwtBearer(assertion: string | undefined): TokenResponse {
    const key = this.config.jwtPublicKey;
    if (!key) throw oauthError('invalid_grant', 'invalid assertion');
    const problem = checkAssertion(assertion ?? '', {
      publicKey: key,
      clientId: this.config.clientId,
      username: this.config.username,
      audiences: [...this.config.jwtAudiences, this.instanceUrl()],
      nowMs: this.now().getTime(),
    });
    if (problem) throw oauthError('invalid_grant', problem);
    return this.issue();
  }
}
