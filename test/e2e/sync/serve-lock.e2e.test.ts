import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubSpotAdapter } from '../../../connectors/hubspot/hubspot-adapter.js';
import { loadMapping } from '../../../src/mapping/load-mapping.js';
import { startHubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { HubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import { SqliteStateStore } from '../../../src/state/index.js';
import { root } from './sync-harness.js';

const SERVE_FOR_MS = 9_000;
let sandbox: HubSpotSandbox;
let dir: string;

interface Served {
  child: ChildProcess;
  stderr: string[];
  stdout: string[];
  exit: Promise<number | null>;
}

function serve(config: string): Served {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      root('src/cli/main.ts'),
      'serve',
      '--config',
      config,
      '--port',
      '0',
      '--log-format',
      'json',
    ],
    {
      cwd: root(''),
      env: { ...process.env, HUBSPOT_ACCESS_TOKEN: sandbox.privateAppToken, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const stdout: string[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => stdout.push(chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stderr, stdout, exit };
}

const logLines = (served: Served) =>
  served.stderr
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { message: string; runId?: number });

beforeAll(async () => {
  // Every request takes 5–25 ms: a run lasts long enough for the two processes' schedules to collide.
  sandbox = await startHubSpotSandbox({
    contacts: 150,
    seed: 3,
    limits: { perTenSeconds: 5000 },
    faults: { latency: { minMs: 5, maxMs: 25 } },
  });
  await new HubSpotAdapter({
    baseUrl: sandbox.url,
    mapping: await loadMapping(root('mappings/hubspot.yaml')),
    credentials: { kind: 'private-app', accessToken: sandbox.privateAppToken },
    onProblem: () => {},
  }).provision();
  dir = mkdtempSync(join(tmpdir(), 'leadscore-serve-'));
});
afterAll(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('leadscore serve', () => {
  it('two serve processes on one state file never sync the same connector at the same time, each serving /healthz and /metrics', async () => {
    const config = join(dir, 'leadscore.yaml');
    writeFileSync(
      config,
      [
        `model: ${root('config/scoring.yaml')}`,
        `state: { file: ${join(dir, 'state.sqlite')}, lockTtlSeconds: 10 }`,
        'connectors:',
        '  hubspot:',
        `    baseUrl: ${sandbox.url}`,
        "    schedules: { incremental: '* * * * * *', full: '*/3 * * * * *' }",
        '    settings: { limits: { perTenSeconds: 5000 }, handoff: { owner_task: {} } }',
      ].join('\n'),
    );
    const first = serve(config);
    const second = serve(config);
    await new Promise((resolve) => setTimeout(resolve, SERVE_FOR_MS));
    const opsUrl = /metrics (http:\/\/127\.0\.0\.1:\d+)\/metrics/.exec(first.stdout.join(''))?.[1];
    expect(opsUrl).toBeDefined();
    const health = await fetch(`${opsUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', connectors: { hubspot: expect.any(Object) } });
    const metrics = await (await fetch(`${opsUrl}/metrics`)).text();
    expect(metrics).toContain('leadscore_api_calls_total{connector="hubspot"}');
    first.child.kill('SIGTERM');
    second.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(await second.exit).toBe(0);

    const state = await SqliteStateStore.open({ file: join(dir, 'state.sqlite') });
    const runs = (await state.runs.lastRuns('hubspot', 1000)).sort((a, b) => a.id - b.id);
    await state.close();
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (const run of runs) expect(['ok', 'interrupted']).toContain(run.status);
    for (let i = 1; i < runs.length; i++) {
      const previous = runs[i - 1]!;
      expect(previous.finishedAt).toBeDefined();
      expect(runs[i]!.startedAt.getTime()).toBeGreaterThanOrEqual(previous.finishedAt!.getTime());
    }
    const finished = (s: Served) => logLines(s).filter((l) => l.message === 'run finished').length;
    const skipped = [first, second]
      .flatMap(logLines)
      .filter((l) => l.message.includes('another process is syncing'));
    expect(finished(first) + finished(second)).toBe(runs.length);
    expect(skipped.length).toBeGreaterThan(0);
    // Every MQL got its task once, whichever process handed it off.
    const tasks = sandbox.store.listTasks().flatMap((t) => t.contactIds);
    expect(new Set(tasks).size).toBe(tasks.length);
  }, 60_000);
});
