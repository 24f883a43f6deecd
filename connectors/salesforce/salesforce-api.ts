import jsforce from 'jsforce';
import type { Connection } from 'jsforce';
import { ConnectorAuthError, ConnectorRequestError } from '../../src/connector/connector-errors.js';
import { describeFailure } from '../../src/http/describe-failure.js';
import type { RequestScheduler } from '../../src/http/request-scheduler.js';
import { LeadscoreError } from '../../src/util/errors.js';
import { flowResultsFromError } from './flow-results.js';
import type { BudgetShareGuard } from './budget-share-guard.js';
import { SalesforceSession } from './salesforce-session.js';
import type { SalesforceSessionInfo } from './salesforce-session.js';
import { DEFAULT_SALESFORCE_API_VERSION } from './salesforce-version.js';

export { DEFAULT_SALESFORCE_API_VERSION };
/** Salesforce has one request class: every call counts against the same daily allocation. */
export const SALESFORCE_REQUEST_CLASS = 'api';
/** Records per query batch Salesforce documents (200 to 2,000, 2,000 by default). */
export const DEFAULT_QUERY_BATCH_SIZE = 2000;

/** A query answer: one batch, and where the next one is. */
export interface SalesforceQueryPage {
  done: boolean;
  totalSize: number;
  records: SalesforceRow[];
  nextRecordsUrl?: string;
}

/** A record as the REST API returns it: `attributes`, then field values (JSON types, relationships nested). */
export type SalesforceRow = Record<string, unknown>;

/** The answer of one sObject Collections item, in request order. */
export interface SalesforceSaveResult {
  id?: string;
  success: boolean;
  errors: { statusCode: string; message: string; fields?: string[] }[];
}

export type SalesforceApiOptions = (
  | { session: SalesforceSession }
  /** A fixed session (tests, a token obtained elsewhere). */
  | { instanceUrl: string; accessToken: string }
) & {
  /** e.g. '62.0'. */
  version?: string;
  /** Turns the scheduler's daily stop into the guard's own "share spent" error once it tripped. */
  budgetGuard?: Pick<BudgetShareGuard, 'explain'>;
};

/**
 * Every Salesforce call goes through here: each jsforce call is one `run` of the shared scheduler
 * (concurrency, retries, daily allocation), and the `Sforce-Limit-Info` jsforce keeps on the connection
 * after a response is fed back to it. jsforce's own HTTP retries are switched off for this connection, so
 * nothing stacks on top of the scheduler.
 */
export class SalesforceApi {
  readonly conn: Connection;
  private readonly session: SalesforceSession;
  private readonly budgetGuard: Pick<BudgetShareGuard, 'explain'> | undefined;

  constructor(
    private readonly scheduler: RequestScheduler,
    options: SalesforceApiOptions,
  ) {
    this.session =
      'session' in options
        ? options.session
        : new SalesforceSession({ instanceUrl: options.instanceUrl, accessToken: options.accessToken });
    this.budgetGuard = options.budgetGuard;
    this.conn = new jsforce.Connection({ version: options.version ?? DEFAULT_SALESFORCE_API_VERSION });
    // Query and queryMore call conn.request without options; an empty `methods` list makes jsforce's fetch
    // wrapper retry nothing (not 5xx, not 429, not network errors): the scheduler decides.
    const request = this.conn.request.bind(this.conn);
    this.conn.request = ((req: Parameters<Connection['request']>[0], opts?: object) =>
      request(req, { ...opts, retry: { methods: [] } })) as Connection['request'];
  }

  /** One jsforce call as one scheduler run; errors come back as connector errors with Salesforce's words. */
  async call<T>(
    endpoint: string,
    send: (conn: Connection) => Promise<T>,
    options: { idempotent?: boolean; priority?: number } = {},
  ): Promise<T> {
    try {
      await this.establish();
      return await this.scheduler.run(
        SALESFORCE_REQUEST_CLASS,
        endpoint,
        async () => {
          try {
            return await send(this.conn);
          } finally {
            this.observeLimitInfo();
          }
        },
        { idempotent: options.idempotent ?? true, priority: options.priority ?? 0 },
      );
    } catch (error) {
      throw asConnectorError(this.budgetGuard?.explain(error) ?? error, endpoint);
    }
  }

  /** The first batch of a query; `autoFetch: false`, so jsforce never follows (or cuts off at maxFetch) itself. */
  query(soql: string, batchSize = DEFAULT_QUERY_BATCH_SIZE, priority = 0): Promise<SalesforceQueryPage> {
    return this.call(
      'GET /query',
      async (conn) =>
        (await conn.query<SalesforceRow>(soql, {
          autoFetch: false,
          maxFetch: Number.MAX_SAFE_INTEGER,
          headers: { 'Sforce-Query-Options': `batchSize=${batchSize}` },
        })) as SalesforceQueryPage,
      { priority },
    );
  }

  /** The batch at a query's `nextRecordsUrl`. */
  queryMore(nextRecordsUrl: string, priority = 0): Promise<SalesforceQueryPage> {
    return this.call(
      'GET /query/{locator}',
      async (conn) =>
        (await conn.queryMore<SalesforceRow>(nextRecordsUrl, {
          autoFetch: false,
          maxFetch: Number.MAX_SAFE_INTEGER,
        } as Parameters<Connection['queryMore']>[1])) as SalesforceQueryPage,
      { priority },
    );
  }

  /** PATCH /composite/sobjects with the headers given (Sforce-Auto-Assign); one SaveResult per record. */
  updateCollection(
    records: Record<string, unknown>[],
    headers: Record<string, string>,
  ): Promise<SalesforceSaveResult[]> {
    return this.call('PATCH /composite/sobjects', (conn) =>
      conn.request<SalesforceSaveResult[]>({
        method: 'PATCH',
        url: '/composite/sobjects',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ allOrNone: false, records }),
      }),
    );
  }

  /** POST /composite/sobjects (`allOrNone: false`): one SaveResult per record, in order. Not idempotent. */
  createCollection(records: Record<string, unknown>[]): Promise<unknown> {
    return this.call(
      'POST /composite/sobjects',
      (conn) =>
        conn.request<unknown>({
          method: 'POST',
          url: '/composite/sobjects',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ allOrNone: false, records }),
        }),
      { idempotent: false },
    );
  }

  /** POST /actions/custom/flow/{name}: one result per input, also when Salesforce answers 400. Not idempotent. */
  invokeFlow(name: string, inputs: Record<string, unknown>[]): Promise<unknown> {
    return this.call(
      'POST /actions/custom/flow/{flowApiName}',
      (conn) =>
        conn
          .request<unknown>({
            method: 'POST',
            url: `/actions/custom/flow/${encodeURIComponent(name)}`,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ inputs }),
          })
          .catch(flowResultsFromError),
      { idempotent: false },
    );
  }

  /** For the scheduler's `refreshAuth`: a new session after a 401, used by the retried request. */
  async refreshSession(): Promise<void> {
    this.use(await this.session.refresh());
  }

  private async establish(): Promise<void> {
    if (!this.conn.accessToken) this.use(await this.session.ensure());
  }

  private use(info: SalesforceSessionInfo): void {
    this.conn.accessToken = info.accessToken;
    this.conn.instanceUrl = info.instanceUrl;
  }

  /** jsforce reads `Sforce-Limit-Info` into conn.limitInfo on every response; the scheduler paces on it. */
  private observeLimitInfo(): void {
    const usage = this.conn.limitInfo?.apiUsage;
    if (usage === undefined) return;
    this.scheduler.observe({ 'sforce-limit-info': `api-usage=${usage.used}/${usage.limit}` });
  }
}

/** jsforce errors carry Salesforce's errorCode and message; callers get those, never headers or tokens. */
function asConnectorError(error: unknown, endpoint: string): unknown {
  if (error instanceof LeadscoreError) return error;
  const failure = describeFailure(error, {
    requestClass: SALESFORCE_REQUEST_CLASS,
    endpoint,
    attempt: 1,
  });
  if (failure.status === undefined && failure.errorCode === undefined) return error;
  if (failure.status === 401 || failure.errorCode === 'INVALID_SESSION_ID') {
    return new ConnectorAuthError(
      'salesforce',
      `Salesforce rejected the session on ${endpoint} (INVALID_SESSION_ID); check the SALESFORCE_* credentials and the instance URL`,
    );
  }
  const message =
    error instanceof Error && error.message ? error.message : `HTTP ${failure.status ?? 'error'}`;
  return new ConnectorRequestError('salesforce', endpoint, failure.status, failure.errorCode, message);
}
