import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiRoute } from '../api/handler-types.js';
import type { TokenAuthority, Caller } from '../auth/token-authority.js';
import type { CallStats } from '../call-stats.js';
import type { CrmStore } from '../data/crm-store.js';
import { faultBody } from '../faults/fault-bodies.js';
import type { FaultInjector } from '../faults/fault-injector.js';
import type { RateLimiter } from '../limits/rate-limiter.js';
import { ApiError } from './api-error.js';
import { errorBody, notFoundBody } from './error-bodies.js';
import { parseBody, readRawBody, sendJson } from './http-io.js';
import { admitRequest } from '../../../sandbox-kit/admit-request.js';

export interface PipelineDeps {
  routes: readonly ApiRoute[];
  store: CrmStore;
  tokens: TokenAuthority;
  limiter: RateLimiter;
  faults: FaultInjector;
  stats: CallStats;
  baseUrl: () => string;
  now: () => Date;
  /** Aborted on stop(), so that injected latency does not outlive the server. */
  stopping: AbortSignal;
}

/**
 * One request, in HubSpot's order: count it; injected latency or a dropped connection; unknown path (404);
 * authentication (401); rate limits (429); injected 429/423/5xx; then the endpoint itself.
 */
export async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: PipelineDeps,
): Promise<void> {
  const admitted = await admitRequest(req, deps);
  if (!admitted) return;
  const { url, match, fault } = admitted;

  let headers: Record<string, string> = {};
  let status = 500;
  let body: unknown;
  try {
    const raw = await readRawBody(req);
    if (!match) throw new ApiError(404, notFoundBody());
    const caller: Caller | undefined = match.route.auth
      ? deps.tokens.authenticate(req.headers.authorization)
      : undefined;
    if (caller) {
      const verdict = deps.limiter.admit(caller, match.route.search === true);
      headers = verdict.headers;
      if (!verdict.ok) throw new ApiError(429, verdict.body);
    }
    if (fault.status) throw new ApiError(fault.status, faultBody(fault.status));
    const result = match.route.handler({
      params: match.params,
      query: url.searchParams,
      body: parseBody(raw, req.headers['content-type']),
      store: deps.store,
      tokens: deps.tokens,
      baseUrl: deps.baseUrl(),
      now: deps.now,
    });
    status = result.status;
    body = result.body;
  } catch (error) {
    if (error instanceof ApiError) {
      status = error.status;
      body = error.body;
      headers = { ...headers, ...error.headers };
    } else {
      status = 500;
      body = errorBody('INTERNAL_ERROR', error instanceof Error ? error.message : String(error));
    }
  }
  if (res.destroyed || deps.stopping.aborted) return;
  deps.stats.answered(status);
  // Live responses carry x-hubspot-correlation-id (response headers quoted in HubSpot/hubspot-api-ruby#181).
  const correlationId = (body as { correlationId?: unknown } | undefined)?.correlationId;
  headers['X-HubSpot-Correlation-Id'] = typeof correlationId === 'string' ? correlationId : randomUUID();
  sendJson(res, status, body, headers);
}
