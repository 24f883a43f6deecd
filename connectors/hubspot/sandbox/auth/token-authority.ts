import { randomBytes } from 'node:crypto';
import { ApiError } from '../http/api-error.js';
import { errorBody } from '../http/error-bodies.js';

export interface OAuthApp {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** Lifetime of issued access tokens; HubSpot's documented example is 1800 seconds. */
  accessTokenTtlSeconds: number;
}

export interface Caller {
  token: string;
  kind: 'private-app' | 'oauth';
  /** The app whose rate limits the call spends: one private app, or the OAuth app. */
  appKey: string;
}

export interface TokenResponse {
  token_type: 'bearer';
  refresh_token: string;
  access_token: string;
  expires_in: number;
}

/**
 * Wording of HubSpot's 401 for missing or unknown credentials (category INVALID_AUTHENTICATION), as in
 * https://developers.hubspot.com/changelog/improvements-to-authentication-errors-for-v3-endpoints-in-developer-preview-program
 * and live responses.
 */
const NOT_FOUND_MESSAGE =
  'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';

/** Accepts the private-app token and OAuth access tokens it issued, until they expire. */
export class TokenAuthority {
  private readonly issued = new Map<string, number>();
  private sequence = 0;

  constructor(
    private readonly privateAppToken: string,
    private readonly oauth: OAuthApp,
    private readonly now: () => Date,
  ) {}

  authenticate(authorization: string | undefined): Caller {
    const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
    if (token && token === this.privateAppToken) {
      return { token, kind: 'private-app', appKey: 'private-app' };
    }
    const expiresAt = token ? this.issued.get(token) : undefined;
    if (!token || expiresAt === undefined) {
      throw new ApiError(401, errorBody('INVALID_AUTHENTICATION', NOT_FOUND_MESSAGE));
    }
    const nowMs = this.now().getTime();
    if (nowMs >= expiresAt) {
      throw new ApiError(
        401,
        errorBody(
          'EXPIRED_AUTHENTICATION',
          `The OAuth token used to make this call expired ${ago(nowMs - expiresAt)} ago.`,
          {
            context: { 'expire time': [new Date(expiresAt).toISOString()] },
          },
        ),
      );
    }
    return { token, kind: 'oauth', appKey: `oauth:${this.oauth.clientId}` };
  }

  /** POST /oauth/v1/token with grant_type=refresh_token. HubSpot answers with the same refresh token. */
  refresh(form: Record<string, string | undefined>): TokenResponse {
    if (form.grant_type !== 'refresh_token')
      tokenError('BAD_GRANT_TYPE', 'missing or unsupported grant_type');
    if (form.client_id !== this.oauth.clientId) tokenError('BAD_CLIENT_ID', 'missing or invalid client id');
    if (form.client_secret !== this.oauth.clientSecret) {
      tokenError('BAD_CLIENT_SECRET', 'missing or invalid client secret');
    }
    if (form.refresh_token !== this.oauth.refreshToken) {
      tokenError('BAD_REFRESH_TOKEN', 'missing or unknown refresh token');
    }
    return { token_type: 'bearer', refresh_token: this.oauth.refreshToken, ...this.issue() };
  }

  /** An access token valid for the configured lifetime, as the token endpoint would issue it. */
  issue(): { access_token: string; expires_in: number } {
    const access_token = `CN-sandbox-${++this.sequence}-${randomBytes(12).toString('hex')}`;
    this.issued.set(access_token, this.now().getTime() + this.oauth.accessTokenTtlSeconds * 1000);
    return { access_token, expires_in: this.oauth.accessTokenTtlSeconds };
  }
}

/** The token endpoint's own error shape: `status` names the problem (e.g. BAD_REFRESH_TOKEN). */
function tokenError(status: string, message: string): never {
  const body = errorBody('', message, { status });
  delete body.category;
  throw new ApiError(400, body);
}

function ago(ms: number): string {
  const seconds = Math.max(1, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} second(s)`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} minute(s)`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} hour(s)`;
  return `${Math.floor(seconds / 86_400)} day(s)`;
}
