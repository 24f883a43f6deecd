import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { CONNECTORS } from '../../../connectors/registry.js';
import { startHubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { HubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import { SqliteStateStore } from '../../../src/state/index.js';
import type { RunRecord, StoredCursor } from '../../../src/state/index.js';
import { runCapturedWith } from '../../unit/cli/run-captured.js';
import type { CliRun } from '../../unit/cli/run-captured.js';
import { writeDeployment } from './final-state.js';

/**
 * The portal's daily allocation runs out halfway through a full sync: the run stops cleanly (exit 3) with
 * its checkpoint kept, and once the allocation refills at midnight (UTC in the sandbox) the next run goes on
 * from there.
 */

const CONTACTS = 1000;
/** Enough for setup (12 calls) and about two thirds of a full sync of these 1,000 contacts (some 140 calls). */
const DAILY = 110;
const NOW_ISO = '2026-06-15T12:00:00.000Z';
let clock = new Date(NOW_ISO);

let sandbox: HubSpotSandbox;
let deployment: ReturnType<typeof writeDeployment>;
let stopped: CliRun;
let stoppedRun: RunRecord | undefined;
let keptCursor: StoredCursor | undefined;
const savedToken = process.env.HUBSPOT_ACCESS_TOKEN;

const sync = () =>
  runCapturedWith(CONNECTORS, 'sync', '--full', '--config', deployment.file, '--now', NOW_ISO);

async function inState<T>(read: (state: SqliteStateStore) => Promise<T>): Promise<T> {
  const state = await SqliteStateStore.open({ file: deployment.stateFile });
  try {
    return await read(state);
  } finally {
    await state.close();
  }
}

beforeAll(async () => {
  sandbox = await startHubSpotSandbox({
    contacts: CONTACTS,
    seed: 5,
    limits: { perTenSeconds: 1_000_000, daily: DAILY },
    now: () => clock,
  });
  deployment = writeDeployment({ baseUrl: sandbox.url });
  process.env.HUBSPOT_ACCESS_TOKEN = sandbox.privateAppToken;
  const setup = await runCapturedWith(CONNECTORS, 'setup', '--config', deployment.file);
  if (setup.code !== 0) throw new Error(`setup failed: ${setup.stderr}`);
  stopped = await sync();
  [stoppedRun, keptCursor] = await inState(async (state) => [
    (await state.runs.lastRuns('hubspot', 1))[0],
    await state.cursors.get('hubspot', 'full'),
  ]);
}, 60_000);

afterAll(async () => {
  if (savedToken === undefined) delete process.env.HUBSPOT_ACCESS_TOKEN;
  else process.env.HUBSPOT_ACCESS_TOKEN = savedToken;
  await sandbox?.stop();
  if (deployment) rmSync(deployment.dir, { recursive: true, force: true });
});

describe('a full sync that runs out of the daily API allocation', () => {
  it('stops with exit code 3 and says the daily limit was reached', () => {
    expect(stopped.code).toBe(3);
    expect(stopped.stderr).toMatch(/leadscore: HubSpot daily API limit reached/);
  });

  it('is recorded as stopped_daily_limit after some of the contacts, and keeps its full cursor', () => {
    expect(stoppedRun?.status).toBe('stopped_daily_limit');
    expect(stoppedRun?.counts?.read).toBeGreaterThan(0);
    expect(stoppedRun?.counts?.read).toBeLessThan(CONTACTS);
    expect(keptCursor?.cursor).toMatchObject({ kind: 'full', after: expect.any(String), done: false });
  });

  it('resumes from the kept cursor once the allocation refills at midnight, and every contact ends up scored', async () => {
    clock = new Date('2026-06-16T00:00:01.000Z');

    const resumed = await sync();

    expect(resumed.code).toBe(0);
    const run = await inState(async (state) => (await state.runs.lastRuns('hubspot', 1))[0]);
    expect(run?.status).toBe('ok');
    expect(run?.counts?.read).toBeLessThan(CONTACTS);
    const unscored = sandbox.store
      .listContacts()
      .filter((c) => !c.properties.leadscore_score || c.properties.leadscore_scored_at !== NOW_ISO);
    expect(unscored.map((c) => c.id)).toEqual([]);
  });
});
