import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiRoute } from '../api/handler-types.js';
import type { TokenAuthority } from '../auth/token-authority.js';
import type { CallStats } from '../call-stats.js';
import type { OrgStore } from '../data/org-store.js';
import { faultBody } from '../faults/fault-bodies.js';
import type { FaultInjector } from '../faults/fault-injector.js';
import type { ApiUsage } from '../limits/api-usage.js';
import type { IngestJobs } from '../bulk/ingest-jobs.js';
import type { QueryCursors } from '../soql/query-cursors.js';
import { ApiError } from './api-error.js';
import { NOT_FOUND, restError } from './error-bodies.js';
import { parseBody, readRawBody, sendJson } from './http-io.js';
import { admitRequest } from '../../../sandbox-kit/admit-request.js';

export interface PipelineDeps {
  routes: readonly ApiRoute[];
  store: OrgStore;
  tokens: TokenAuthority;
  usage: ApiUsage;
  cursors: QueryCursors;
  bulk: IngestJobs;
  faults: FaultInjector;
  stats: CallStats;
  now: () => Date;
  /** Aborted on stop(), so that injected latency does not outlive the server. */
  stopping: AbortSignal;
}

/** `vXX.X` from 50.0 up; anything else is an unknown resource. */
const isSupportedVersion = (v: string | undefined) => /^v\d+\.\d$/.test(v ?? '') && Number(v?.slice(1)) >= 50;

/**
 * One request: count it; injected latency or a dropped connection; unknown path or version (404); session (401);
 * daily allocation (403); injected 403/5xx; then the endpoint. API answers carry `Sforce-Limit-Info`.
 */
export async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: PipelineDeps,
): Promise<void> {
  const admitted = await admitRequest(req, deps);
  if (!admitted) return;
  const { url, match, fault } = admitted;

  let status = 500;
  let body: unknown;
  let limitHeader = false;
  try {
    const raw = await readRawBody(req);
    if (!match) throw new ApiError(404, NOT_FOUND);
    const apiVersion = match.params.version ?? '';
    if (match.route.api) {
      if (!isSupportedVersion(apiVersion)) throw new ApiError(404, NOT_FOUND);
      deps.tokens.authenticate(req.headers.authorization);
      limitHeader = true;
      deps.usage.admit();
    }
    if (fault.status) throw new ApiError(fault.status, faultBody(fault.status, fault.concurrent));
    const result = match.route.handler({
      params: match.params,
      query: url.searchParams,
      headers: req.headers,
      body: parseBody(raw, req.headers['content-type']),
      store: deps.store,
      tokens: deps.tokens,
      cursors: deps.cursors,
      bulk: deps.bulk,
      apiVersion,
      now: deps.now,
    });
    status = result.status;
    body = result.body;
  } catch (error) {
    if (error instanceof ApiError) {
      status = error.status;
      body = error.body;
    } else {
      status = 500;
      body = restError('UNKNOWN_EXCEPTION', error instanceof Error ? error.message : String(error));
    }
  }
  if (res.destroyed || deps.stopping.aborted) return;
  const errorCode = Array.isArray(body)
    ? (body[0] as { errorCode?: string } | undefined)?.errorCode
    : undefined;
  deps.stats.answered(status, errorCode);
  sendJson(res, status, body, limitHeader ? deps.usage.header() : {});
}
