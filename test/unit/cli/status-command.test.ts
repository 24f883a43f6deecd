import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONNECTORS } from '../../../connectors/registry.js';
import { connectorStatus } from '../../../src/cli/connector-status.js';
import { loadDeploymentFromText } from '../../../src/config/load-deployment.js';
import { SqliteStateStore } from '../../../src/state/index.js';
import type { LockOwner } from '../../../src/state/index.js';
import { runCapturedWith } from './run-captured.js';
import type { CliRun } from './run-captured.js';

const MODEL = fileURLToPath(new URL('../../../config/scoring.yaml', import.meta.url));
const WORKER: LockOwner = { id: 'worker-1:4242:run', pid: 4242, host: 'worker-1' };
const deploymentText = (stateFile: string) => `
model: ${MODEL}
state:
  file: '${stateFile}'
connectors:
  hubspot:
    timezone: Europe/Berlin
    schedules:
      incremental: '*/15 * * * *'
      full: '0 3 * * *'
`;

let dir: string;
let config: string;
let table: CliRun;
let json: CliRun;
const savedToken = process.env.HUBSPOT_ACCESS_TOKEN;

async function populate(file: string): Promise<void> {
  const state = SqliteStateStore.open({ file });
  const full = await state.runs.start('hubspot', 'full');
  await state.runs.finish(full, {
    status: 'ok',
    counts: { read: 2000, scored: 2000, written: 1950, unchanged: 50, failed: 3, handedOff: 12 },
    apiCalls: 104,
  });
  const incremental = await state.runs.start('hubspot', 'incremental');
  await state.runs.finish(incremental, {
    status: 'failed',
    counts: { read: 0, scored: 0, written: 0, unchanged: 0, failed: 0, handedOff: 0 },
    apiCalls: 1,
    error: 'hubspot: the access token was rejected (401)',
  });
  await state.cursors.set('hubspot', 'incremental', {
    kind: 'incremental',
    since: 1768467600000,
    after: null,
    highWater: 1768468500000,
    afterId: null,
    done: true,
  });
  await state.deadLetters.add('hubspot', '101', 'Property values were not valid', 'VALIDATION_ERROR');
  for (let i = 0; i < 5; i++)
    await state.deadLetters.add('hubspot', '102', 'INVALID_EMAIL', 'VALIDATION_ERROR');
  await state.locks.acquire('hubspot', WORKER, 3_600_000);
  await state.close();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'leadscore-status-'));
  config = join(dir, 'leadscore.yaml');
  writeFileSync(config, deploymentText('state.sqlite'));
  await populate(join(dir, 'state.sqlite'));
  delete process.env.HUBSPOT_ACCESS_TOKEN;
  table = await runCapturedWith(CONNECTORS, 'status', '--config', config, '--log-format', 'text');
  json = await runCapturedWith(CONNECTORS, 'status', '--config', config, '--format', 'json');
});
afterAll(() => {
  if (savedToken !== undefined) process.env.HUBSPOT_ACCESS_TOKEN = savedToken;
  rmSync(dir, { recursive: true, force: true });
});

describe('leadscore status', () => {
  it('needs no CRM credentials', () => {
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
  });

  it('names the process holding the lock', () => {
    expect(table.stdout).toContain('a run of hubspot is already in progress by PID 4242 on host worker-1');
  });

  it('lists the last runs newest first, with counts, API calls and the error', () => {
    const incremental = table.stdout.indexOf('incremental  failed');
    const full = table.stdout.indexOf('full         ok');
    expect(incremental).toBeGreaterThan(0);
    expect(full).toBeGreaterThan(incremental);
    expect(table.stdout).toMatch(/full +ok .* 2,000 +1,950 +3 +12 +104/);
    expect(table.stdout).toContain('error: hubspot: the access token was rejected (401)');
  });

  it('shows each cursor with when it moved and its keys', () => {
    expect(table.stdout).toMatch(
      /incremental +updated \d{4}-\d\d-\d\dT[\d:]+Z {2}kind=incremental since=1768467600000 after=null/,
    );
  });

  it('counts the dead letters and tells what to do about a given-up one', () => {
    expect(table.stdout).toContain('Dead letters: 1 due (retried on the next run), 1 given up');
    expect(table.stdout).toMatch(/101 +due +1 attempt, last .*: Property values were not valid/);
    expect(table.stdout).toContain(
      'given up after 5 attempts — fix the record, then `leadscore resync --connector hubspot --ids 102`',
    );
  });

  it('shows the next runs of each schedule with the wall clock of the connector', () => {
    expect(table.stdout).toContain('Next scheduled runs (Europe/Berlin):');
    expect(table.stdout).toMatch(
      /incremental +\*\/15 \* \* \* \* +\S+:(00|15|30|45):00Z \(\S+ \d\d:(00|15|30|45)\)/,
    );
    expect(table.stdout).toMatch(/full +0 3 \* \* \* +\S+Z \(\S+ 03:00\)/);
  });

  it('prints one JSON object with every part', () => {
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { connectors: Record<string, unknown>[] };
    expect(report.connectors).toHaveLength(1);
    const hubspot = report.connectors[0]!;
    expect(hubspot).toMatchObject({
      connector: 'hubspot',
      enabled: true,
      lock: { owner: { pid: 4242, host: 'worker-1' }, expired: false },
      runs: [
        { kind: 'incremental', status: 'failed', error: 'hubspot: the access token was rejected (401)' },
        { kind: 'full', status: 'ok', apiCalls: 104, counts: { read: 2000, written: 1950 } },
      ],
      cursors: [{ stream: 'incremental', cursor: { since: 1768467600000, done: true } }],
      deadLetters: { due: 1, givenUp: 1 },
    });
    const schedules = hubspot.schedules as { kind: string; cron: string; next: string[] }[];
    expect(schedules.map((s) => [s.kind, s.cron, s.next.length])).toEqual([
      ['incremental', '*/15 * * * *', 3],
      ['full', '0 3 * * *', 3],
    ]);
  });

  it('leaves the lock to its holder', async () => {
    const state = SqliteStateStore.open({ file: join(dir, 'state.sqlite') });
    const holder = await state.locks.holder('hubspot');
    await state.close();
    expect(holder?.owner).toEqual(WORKER);
  });

  it('says "no runs yet" on a state file without runs', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'leadscore-status-'));
    try {
      const file = join(fresh, 'leadscore.yaml');
      writeFileSync(file, deploymentText('state.sqlite'));
      const run = await runCapturedWith(CONNECTORS, 'status', '--config', file);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Last runs: no runs yet');
      expect(run.stdout).toContain('Sync: none running');
      expect(run.stdout).toContain('Dead letters: 0 due (retried on the next run), 0 given up');
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('exits with 2 for a connector that is not configured', async () => {
    const run = await runCapturedWith(CONNECTORS, 'status', '--config', config, '--connector', 'pipedrive');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"pipedrive" is not configured');
  });
});

describe('connectorStatus', () => {
  it('computes the next runs from the given now in the connector timezone', async () => {
    const deployment = loadDeploymentFromText(deploymentText(':memory:'), join(tmpdir(), 'x.yaml'), {});
    const state = SqliteStateStore.open({ file: ':memory:' });
    const status = await connectorStatus(
      state,
      'hubspot',
      deployment.connectors.hubspot!,
      new Date('2026-01-15T09:07:30Z'),
    );
    await state.close();
    expect(status.schedules.map((s) => s.next.map((d) => d.toISOString()))).toEqual([
      ['2026-01-15T09:15:00.000Z', '2026-01-15T09:30:00.000Z', '2026-01-15T09:45:00.000Z'],
      ['2026-01-16T02:00:00.000Z', '2026-01-17T02:00:00.000Z', '2026-01-18T02:00:00.000Z'],
    ]);
  });

  it('shows no next runs for a disabled connector', async () => {
    const text = deploymentText(':memory:').replace('timezone:', 'enabled: false\n    timezone:');
    const deployment = loadDeploymentFromText(text, join(tmpdir(), 'x.yaml'), {});
    const state = SqliteStateStore.open({ file: ':memory:' });
    const status = await connectorStatus(state, 'hubspot', deployment.connectors.hubspot!, new Date());
    await state.close();
    expect(status.enabled).toBe(false);
    expect(status.schedules.every((s) => s.next.length === 0)).toBe(true);
  });
});
