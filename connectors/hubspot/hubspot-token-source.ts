import { Client } from '@hubspot/api-client';
import { ConnectorAuthError } from '../../src/connector/connector-errors.js';
import type { HubSpotCredentials } from './hubspot-credentials.js';

/** Refresh this long before expiry, so that a page of requests never starts with a token about to lapse. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Hands out a valid access token: the private-app token as is, or an OAuth access token refreshed
 * before it expires and on demand after a 401. Concurrent callers share one refresh.
 */
export class HubSpotTokenSource {
  private accessToken: string | undefined;
  private expiresAt = 0;
  private refreshing: Promise<string> | undefined;

  constructor(
    private readonly credentials: HubSpotCredentials,
    private readonly baseUrl: string,
    private readonly now: () => number = Date.now,
  ) {
    if (credentials.kind === 'private-app') this.accessToken = credentials.accessToken;
  }

  get canRefresh(): boolean {
    return this.credentials.kind === 'oauth';
  }

  async token(): Promise<string> {
    if (this.credentials.kind === 'private-app') return this.credentials.accessToken;
    if (this.accessToken && this.now() < this.expiresAt - REFRESH_MARGIN_MS) return this.accessToken;
    return this.refresh();
  }

  /** Forces a new OAuth access token (after a 401); a private-app token cannot be refreshed. */
  refresh(): Promise<string> {
    const credentials = this.credentials;
    if (credentials.kind === 'private-app') {
      return Promise.reject(
        new ConnectorAuthError(
          'hubspot',
          'the private-app token was rejected (401); check HUBSPOT_ACCESS_TOKEN and its scopes',
        ),
      );
    }
    this.refreshing ??= (async () => {
      try {
        const client = new Client({ basePath: this.baseUrl, numberOfApiCallRetries: 0 });
        const response = await client.oauth.tokensApi.create(
          'refresh_token',
          undefined,
          undefined,
          credentials.clientId,
          credentials.clientSecret,
          credentials.refreshToken,
        );
        this.accessToken = response.accessToken;
        this.expiresAt = this.now() + response.expiresIn * 1000;
        if (response.refreshToken) credentials.refreshToken = response.refreshToken;
        return response.accessToken;
      } catch (error) {
        const status = (error as { code?: number }).code;
        throw new ConnectorAuthError(
          'hubspot',
          `OAuth token refresh failed${status ? ` (HTTP ${status})` : ''}; check the OAuth app and HUBSPOT_REFRESH_TOKEN`,
        );
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }
}
