import type { IncomingMessage } from 'node:http';
import { matchRoute } from './router.js';
import type { Route, RouteMatch } from './router.js';

/** What every sandbox decides about a request before the CRM's own checks: latency and dropped connections. */
export interface TransportFault {
  delayMs: number;
  drop: boolean;
}

export interface AdmitDeps<R extends Route<unknown>, F extends TransportFault> {
  routes: readonly R[];
  stats: { count(key: string): void; dropped(): void };
  faults: { decide(): F };
  /** Aborted on stop(), so that injected latency does not outlive the server. */
  stopping: AbortSignal;
}

export interface Admitted<R, F> {
  method: string;
  url: URL;
  match: RouteMatch<R> | undefined;
  fault: F;
}

/**
 * The start of every sandbox request: match the route, count it, then injected latency or a dropped
 * connection. Undefined when the connection was dropped (nothing more is to be sent).
 */
export async function admitRequest<R extends Route<unknown>, F extends TransportFault>(
  req: IncomingMessage,
  deps: AdmitDeps<R, F>,
): Promise<Admitted<R, F> | undefined> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const match = matchRoute(deps.routes, method, url.pathname);
  deps.stats.count(match ? `${method} ${match.route.template}` : `${method} (unmatched)`);
  const fault = deps.faults.decide();
  if (fault.delayMs > 0) await sleep(fault.delayMs, deps.stopping);
  if (fault.drop) {
    deps.stats.dropped();
    req.socket.destroy();
    return undefined;
  }
  return { method, url, match, fault };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
