import type { IncomingHttpHeaders } from 'node:http';
import type { TokenAuthority } from '../auth/token-authority.js';
import type { IngestJobs } from '../bulk/ingest-jobs.js';
import type { OrgStore } from '../data/org-store.js';
import type { Route } from '../../../sandbox-kit/router.js';
import type { QueryCursors } from '../soql/query-cursors.js';

export interface HandlerContext {
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  store: OrgStore;
  tokens: TokenAuthority;
  cursors: QueryCursors;
  /** Bulk API 2.0 ingest jobs. */
  bulk: IngestJobs;
  /** The version segment as asked, e.g. `v59.0` (empty for the OAuth endpoint). */
  apiVersion: string;
  now: () => Date;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
}

export type Handler = (ctx: HandlerContext) => HandlerResult;

export interface ApiRoute extends Route<Handler> {
  /** False only for the OAuth token endpoint: no session, no API usage, no `Sforce-Limit-Info`. */
  api: boolean;
}
