import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { SyncMetrics } from '../../../src/ops/metrics.js';
import { OpsServerError, startOpsServer } from '../../../src/ops/ops-server.js';
import type { HealthReport, OpsServer } from '../../../src/ops/ops-server.js';

const healthy = async (): Promise<HealthReport> => ({ ok: true, detail: { lastRun: 'ok' } });
const started: OpsServer[] = [];

async function start(health: () => Promise<HealthReport> = healthy, metrics = new SyncMetrics()) {
  const server = await startOpsServer({ port: 0, metrics, health, secrets: ['hunter22'] });
  started.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

/** Resolves once something can listen on the port again. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('ops server', () => {
  it('listens on 127.0.0.1 by default, on a free port when given 0', async () => {
    const server = await start();
    expect(server.address).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(server.port).toBe(server.address.port);
    expect(server.port).toBeGreaterThan(0);
  });
  it('gives the URL it can be reached at', async () => {
    const server = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });
  it('answers /healthz with 200 and the detail when healthy', async () => {
    const response = await fetch(`${(await start()).url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ status: 'ok', lastRun: 'ok' });
  });
  it('answers /healthz with 503 when not healthy', async () => {
    const server = await start(async () => ({ ok: false, detail: { lastRun: 'failed' } }));
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unhealthy', lastRun: 'failed' });
  });
  it('answers /healthz with 503 when the health check itself fails', async () => {
    const server = await start(async () => {
      throw new Error('state store locked');
    });
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'error', error: 'state store locked' });
  });
  it('redacts secrets from the health detail', async () => {
    const server = await start(async () => ({ ok: false, detail: { error: 'login hunter22', token: 'x' } }));
    const body = await (await fetch(`${server.url}/healthz`)).text();
    expect(body).not.toContain('hunter22');
    expect(JSON.parse(body)).toMatchObject({ error: 'login [REDACTED]', token: '[REDACTED]' });
  });
  it('serves the metrics in Prometheus text format', async () => {
    const metrics = new SyncMetrics();
    const server = await start(healthy, metrics);
    metrics.recordRun('hubspot', 'incremental', {
      ...{ read: 12, scored: 12, written: 3, failed: 0, handedOff: 1, apiCalls: 4, rateLimited: 0 },
      ...{ durationMs: 1_500, ok: true, finishedAt: 0 },
    });
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(await response.text()).toContain('leadscore_records_read_total{connector="hubspot"} 12');
  });
  it('ignores a query string', async () =>
    expect((await fetch(`${(await start()).url}/healthz?verbose=1`)).status).toBe(200));
  it('answers 404 for any other path', async () =>
    expect((await fetch(`${(await start()).url}/`)).status).toBe(404));
  it('answers 405 with Allow: GET for other methods', async () => {
    const response = await fetch(`${(await start()).url}/metrics`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
  it('frees the port on close', async () => {
    const server = await start();
    await fetch(`${server.url}/healthz`);
    await server.close();
    expect(await portIsFree(server.port)).toBe(true);
  });
  it('can be closed twice', async () => {
    const server = await start();
    await server.close();
    await expect(server.close()).resolves.toBeUndefined();
  });
  it('fails with OpsServerError when the port is taken', async () => {
    const first = await start();
    await expect(
      startOpsServer({ port: first.port, metrics: new SyncMetrics(), health: healthy }),
    ).rejects.toThrow(OpsServerError);
  });
});
