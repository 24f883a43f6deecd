import type { TokenAuthority } from '../auth/token-authority.js';
import type { CrmStore } from '../data/crm-store.js';
import type { Route } from '../../../sandbox-kit/router.js';

export interface HandlerContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  store: CrmStore;
  tokens: TokenAuthority;
  /** http://127.0.0.1:PORT, for paging links. */
  baseUrl: string;
  now: () => Date;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
}

export type Handler = (ctx: HandlerContext) => HandlerResult;

export interface ApiRoute extends Route<Handler> {
  /** False only for the OAuth token endpoint. */
  auth: boolean;
  /** CRM search: its own per-second limit, and no rate limit headers. */
  search?: boolean;
}
