import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LeadscoreError } from '../util/errors.js';
import type { Logger } from './logger.js';
import type { SyncMetrics } from './metrics.js';
import { redact, secretValuesFromEnv } from './redact.js';

export interface HealthReport {
  ok: boolean;
  /** Merged into the `/healthz` body (last run, lock holder, ...); redacted before it is sent. */
  detail: Record<string, unknown>;
}

export interface OpsServerOptions {
  /** Default 127.0.0.1: metrics and health are for the local agent or a sidecar, not the network. */
  host?: string;
  /** 0 picks any free port. */
  port: number;
  metrics: SyncMetrics;
  health: () => Promise<HealthReport>;
  /** Secret values to scrub from health details; default those of `process.env`. */
  secrets?: readonly string[];
  /** Where failures while answering a request are reported. */
  logger?: Logger;
}

export interface OpsServer {
  url: string;
  port: number;
  /** Where it actually listens, as `server.address()` reports it. */
  address: AddressInfo;
  /** Stops listening and drops idle keep-alive connections; resolves once the port is free. */
  close(): Promise<void>;
}

/** The ops server could not listen (port taken, address not available, ...). */
export class OpsServerError extends LeadscoreError {
  constructor(message: string) {
    super('OPS_SERVER_LISTEN', message);
  }
}

/** `GET /healthz` (200 or 503, JSON) and `GET /metrics` (Prometheus text) over plain node:http. */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const host = options.host ?? '127.0.0.1';
  const secrets = options.secrets ?? secretValuesFromEnv(process.env);
  const server = createServer((request, response) => {
    route(request, response, options, secrets).catch((error: unknown) => {
      options.logger?.warn('ops server request failed', { path: request.url, error });
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else response.destroy();
    });
  });
  const address = await listen(server, host, options.port);
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    address,
    close: () => close(server),
  };
}

async function route(
  request: IncomingMessage,
  response: ServerResponse,
  options: OpsServerOptions,
  secrets: readonly string[],
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (path !== '/healthz' && path !== '/metrics') {
    send(response, 404, 'text/plain; charset=utf-8', 'not found\n');
    return;
  }
  if (request.method !== 'GET') {
    response.setHeader('Allow', 'GET');
    send(response, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    return;
  }
  if (path === '/metrics') {
    send(response, 200, options.metrics.contentType, await options.metrics.text());
    return;
  }
  const { status, body } = await healthBody(options.health, secrets);
  send(response, status, 'application/json; charset=utf-8', `${JSON.stringify(body)}\n`);
}

async function healthBody(
  health: OpsServerOptions['health'],
  secrets: readonly string[],
): Promise<{ status: number; body: Record<string, unknown> }> {
  let report: HealthReport;
  try {
    report = await health();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 503, body: { status: 'error', error: redact(message, secrets) } };
  }
  const status = report.ok ? 'ok' : 'unhealthy';
  // `status` first for readers, and ours even if the detail has one.
  const body: Record<string, unknown> = { status, ...(redact(report.detail, secrets) as object) };
  body.status = status;
  return { status: report.ok ? 200 : 503, body };
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(new OpsServerError(`cannot listen on ${host}:${port}: ${error.code ?? error.message}`));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

function close(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
