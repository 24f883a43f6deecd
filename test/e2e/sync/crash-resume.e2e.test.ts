import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { CONNECTORS } from '../../../connectors/registry.js';
import { startHubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { HubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import { createPrng } from '../../../connectors/sandbox-kit/prng.js';
import { SqliteStateStore } from '../../../src/state/index.js';
import type { RunRecord } from '../../../src/state/index.js';
import { runCapturedWith } from '../../unit/cli/run-captured.js';
import {
  differences,
  mqlIds,
  repoRoot,
  setUpDeployments,
  sortedIds,
  syncedState,
  tasksPerContact,
  writeDeployment,
} from './final-state.js';

/**
 * `leadscore sync --full` as a real process, killed with SIGKILL five times mid-run and then left to finish,
 * must leave the portal exactly as one uninterrupted run does: same properties on every contact, and one
 * owner task per MQL — none lost, none doubled.
 */

const CONTACTS = 5000;
const SEED = 11;
const NOW_ISO = '2026-06-15T12:00:00.000Z';
const NOW = new Date(NOW_ISO);
const KILLS = 5;
const BATCH_UPDATE = 'POST /crm/v3/objects/contacts/batch/update';
const CREATE_TASKS = 'POST /crm/v3/objects/tasks/batch/create';
/** A killed process's lock is taken over once it expires: 10 s (the least allowed), and the next run waits. */
const LOCK_TTL_SECONDS = 10;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

let crashed: HubSpotSandbox;
let reference: HubSpotSandbox;
let deployment: ReturnType<typeof writeDeployment>;
let referenceDeployment: ReturnType<typeof writeDeployment>;
let killedRuns: Exit[];
let lastRun: Exit;
let runs: RunRecord[];
const savedToken = process.env.HUBSPOT_ACCESS_TOKEN;
const output: string[] = [];
const children: ChildProcess[] = [];

/** `leadscore sync --full` of the crashed portal's deployment, as a child process. */
function startSync() {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'sync',
      '--full',
      '--config',
      deployment.file,
      '--now',
      NOW_ISO,
      '--log-format',
      'json',
      '--wait',
      String(LOCK_TTL_SECONDS * 3),
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, HUBSPOT_ACCESS_TOKEN: crashed.privateAppToken },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolve) =>
    child.on('exit', (code, signal) => resolve((exit = { code, signal }))),
  );
  return { child, exited, hasExited: () => exit !== undefined };
}

const calls = (endpoint: string) => crashed.stats().calls[endpoint] ?? 0;

/** Polls until `done`, or fails with the child's output when the run ends first or nothing happens. */
async function until(done: () => boolean, hasExited: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!done()) {
    if (hasExited() || Date.now() > deadline)
      throw new Error(`the run ${hasExited() ? 'ended' : 'stalled'} before ${what}:\n${output.join('')}`);
    await sleep(2);
  }
}

beforeAll(async () => {
  const options = { contacts: CONTACTS, seed: SEED, limits: { perTenSeconds: 1_000_000 }, now: () => NOW };
  [crashed, reference] = await Promise.all([startHubSpotSandbox(options), startHubSpotSandbox(options)]);
  deployment = writeDeployment({ baseUrl: crashed.url, lockTtlSeconds: LOCK_TTL_SECONDS });
  referenceDeployment = writeDeployment({ baseUrl: reference.url });
  process.env.HUBSPOT_ACCESS_TOKEN = reference.privateAppToken;
  await setUpDeployments(
    (...args) => runCapturedWith(CONNECTORS, ...args),
    [deployment.file, referenceDeployment.file],
  );

  // The reference: one uninterrupted run, in this process while the other portal's runs get killed.
  const referenceRun = runCapturedWith(
    CONNECTORS,
    'sync',
    '--full',
    '--config',
    referenceDeployment.file,
    '--now',
    NOW_ISO,
  );

  // Each run is killed after a random number of its batch updates (scores, or a handoff's lifecycle stage
  // and lead status: so the kill lands mid-run, past its lock wait and well before the end), either a
  // random 0–150 ms later, or as soon as HubSpot has a batch of its owner tasks to create: between the
  // CRM doing a handoff and the ledger hearing of it.
  const prng = createPrng(SEED);
  killedRuns = [];
  for (let kill = 1; kill <= KILLS; kill++) {
    const run = startSync();
    const updates = prng.int(2, 12);
    const target = calls(BATCH_UPDATE) + updates;
    await until(() => calls(BATCH_UPDATE) >= target, run.hasExited, `${updates} batch updates`);
    if (kill % 2 === 0) {
      const tasks = calls(CREATE_TASKS);
      await until(() => calls(CREATE_TASKS) > tasks, run.hasExited, 'creating a batch of owner tasks');
    } else {
      await sleep(prng.int(0, 150));
    }
    run.child.kill('SIGKILL');
    killedRuns.push(await run.exited);
  }
  const last = startSync();
  lastRun = await last.exited;
  if (lastRun.code !== 0) throw new Error(`the last run failed (exit ${lastRun.code}):\n${output.join('')}`);

  const referenceResult = await referenceRun;
  if (referenceResult.code !== 0) throw new Error(`the reference run failed: ${referenceResult.stderr}`);
  const state = await SqliteStateStore.open({ file: deployment.stateFile });
  runs = await state.runs.lastRuns('hubspot', 10);
  await state.close();
}, 240_000);

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (savedToken === undefined) delete process.env.HUBSPOT_ACCESS_TOKEN;
  else process.env.HUBSPOT_ACCESS_TOKEN = savedToken;
  await Promise.all([crashed?.stop(), reference?.stop()]);
  for (const d of [deployment, referenceDeployment]) if (d) rmSync(d.dir, { recursive: true, force: true });
});

describe('a full sync killed with SIGKILL five times, then run to the end', () => {
  it('was killed mid-run each time, and the last run resumed from a checkpoint and finished', () => {
    expect(killedRuns).toEqual(Array.from({ length: KILLS }, () => ({ code: null, signal: 'SIGKILL' })));
    expect(lastRun).toEqual({ code: 0, signal: null });
    expect(runs.map((r) => r.status)).toEqual(['ok', ...Array.from({ length: KILLS }, () => 'interrupted')]);
    expect(runs[0]?.counts?.read).toBeLessThan(CONTACTS);
  });

  it('leaves every contact with the same score properties, lifecycle stage and lead status as one uninterrupted run', () => {
    const diff = differences(syncedState(crashed), syncedState(reference));
    expect(diff).toEqual({ count: 0, first: [] });
  });

  it('hands every MQL off exactly once: one owner task per MQL contact, the same contacts as the uninterrupted run', () => {
    const tasks = tasksPerContact(crashed);
    expect([...tasks].filter(([, count]) => count > 1)).toEqual([]);
    expect(sortedIds(tasks.keys())).toEqual(mqlIds(crashed));
    expect(sortedIds(tasks.keys())).toEqual(sortedIds(tasksPerContact(reference).keys()));
    expect(mqlIds(reference).length).toBeGreaterThan(0);
  });
});
