import { Client } from '@hubspot/api-client';
import { ConnectorAuthError, ConnectorRequestError } from '../../src/connector/connector-errors.js';
import { describeFailure } from '../../src/http/describe-failure.js';
import type { RequestScheduler } from '../../src/http/request-scheduler.js';
import { LeadscoreError } from '../../src/util/errors.js';
import { HUBSPOT_REQUEST_CLASS } from './hubspot-policy.js';
import type { HubSpotTokenSource } from './hubspot-token-source.js';

/** What the SDK's `…WithHttpInfo` methods return: the parsed body plus the response headers. */
interface WithHeaders<T> {
  data: T;
  headers: Record<string, string>;
}

/**
 * Every HubSpot call goes through here: the shared scheduler (limits, retries, pacing from the
 * X-HubSpot-RateLimit-* headers) and a client that always carries the current access token.
 * The SDK's own retries and limiter stay off (no numberOfApiCallRetries, no limiterOptions),
 * so nothing stacks on top of the scheduler.
 */
export class HubSpotApi {
  private client: Client | undefined;
  private clientToken: string | undefined;

  constructor(
    private readonly tokens: HubSpotTokenSource,
    private readonly scheduler: RequestScheduler,
    private readonly baseUrl: string,
  ) {}

  /** A call whose `…WithHttpInfo` response feeds the budget headers to the scheduler. */
  async call<T>(
    endpoint: string,
    send: (client: Client) => Promise<WithHeaders<T>>,
    options: { search?: boolean; idempotent?: boolean; priority?: number } = {},
  ): Promise<T> {
    const requestClass = options.search ? HUBSPOT_REQUEST_CLASS.search : HUBSPOT_REQUEST_CLASS.standard;
    try {
      const response = await this.scheduler.run(
        requestClass,
        endpoint,
        async () => send(await this.clientWithToken()),
        {
          headersOf: (r) => r.headers,
          idempotent: options.idempotent ?? true,
          priority: options.priority ?? 0,
        },
      );
      return response.data;
    } catch (error) {
      throw this.asConnectorError(error, endpoint, requestClass);
    }
  }

  /**
   * The SDK's ApiException quotes response headers and bodies in its message; callers get HubSpot's
   * status, category and message instead. Network errors pass through with their codes.
   */
  private asConnectorError(error: unknown, endpoint: string, requestClass: string): unknown {
    if (error instanceof LeadscoreError) return error;
    const failure = describeFailure(error, { requestClass, endpoint, attempt: 1 });
    if (failure.status === undefined) return error;
    if (failure.status === 401 || failure.status === 403) {
      const what = this.tokens.canRefresh
        ? 'the OAuth app (HUBSPOT_CLIENT_ID, HUBSPOT_REFRESH_TOKEN) and its scopes'
        : "HUBSPOT_ACCESS_TOKEN and the private app's scopes";
      const refused = failure.status === 401 ? 'rejected the credentials' : 'refused access (403)';
      return new ConnectorAuthError('hubspot', `HubSpot ${refused} on ${endpoint}; check ${what}`);
    }
    const body = (typeof failure.body === 'object' && failure.body !== null ? failure.body : {}) as {
      category?: unknown;
      message?: unknown;
    };
    return new ConnectorRequestError(
      'hubspot',
      endpoint,
      failure.status,
      typeof body.category === 'string' ? body.category : undefined,
      typeof body.message === 'string' ? body.message : `HTTP ${failure.status}`,
    );
  }

  private async clientWithToken(): Promise<Client> {
    const token = await this.tokens.token();
    if (!this.client || token !== this.clientToken) {
      this.client = new Client({ accessToken: token, basePath: this.baseUrl, numberOfApiCallRetries: 0 });
      this.clientToken = token;
    }
    return this.client;
  }
}
