import { Client } from '@hubspot/api-client';
import type { RequestScheduler } from '../../src/http/request-scheduler.js';
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
    options: { search?: boolean; idempotent?: boolean } = {},
  ): Promise<T> {
    const requestClass = options.search ? HUBSPOT_REQUEST_CLASS.search : HUBSPOT_REQUEST_CLASS.standard;
    const response = await this.scheduler.run(
      requestClass,
      endpoint,
      async () => send(await this.clientWithToken()),
      {
        headersOf: (r) => r.headers,
        idempotent: options.idempotent ?? true,
      },
    );
    return response.data;
  }

  /** For the scheduler's `refreshAuth`: a 401 gets one new OAuth token, then the request once more. */
  async refreshAuth(): Promise<void> {
    await this.tokens.refresh();
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
