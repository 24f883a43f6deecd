import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { CONNECTORS } from '../../../connectors/registry.js';
import { startSalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import { createPrng } from '../../../connectors/sandbox-kit/prng.js';
import type { RunRecord } from '../../../src/state/index.js';
import { runCapturedWith } from '../../unit/cli/run-captured.js';
import { repoRoot, setUpDeployments } from './final-state.js';
import { startGateProxy } from './gate-proxy.js';
import type { GateProxy, GatedRequest, GateVerdict } from './gate-proxy.js';
import {
  inState,
  itEndsLikeTheReference,
  leftToRetry,
  salesforceEnv,
  useSalesforceEnv,
  writeSalesforceDeployment,
} from './salesforce-final-state.js';
import type { SalesforceDeployment } from './salesforce-final-state.js';

/**
 * `leadscore sync --full` as a real process against the sandbox org (in this process, behind a proxy that
 * sees every request), killed with SIGKILL five times at seeded points and then run to the end, must leave
 * the org exactly as one uninterrupted run does: the same score fields and lead statuses, one owner Task and
 * one flow interview per MQL transition — none lost, none doubled.
 *
 * The kills land either on a score write (which the org then carries out or never receives), or in a
 * handoff after the org created the page's owner Tasks and ran its flows, before leadscore heard of either.
 * The resuming run finds the Tasks by their transition line and the flows by the key each wrote to the
 * record's confirmation field (settings.handoff.flow.confirmField), and repeats neither.
 */

const LEADS = 2500;
const CONTACTS = 500;
const SEED = 11;
const NOW_ISO = '2026-06-15T12:00:00.000Z';
const NOW = new Date(NOW_ISO);
const KILLS = 5;
/** A killed process's lock is taken over once it expires: 10 s (the least allowed), and the next run waits. */
const LOCK_TTL_SECONDS = 10;
/** Runs after the kills, at most: dead letters and handoffs in doubt are retried at the start of each. */
const MAX_FINAL_RUNS = 4;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Where to kill: on the nth score write of the run, or in the handoff of the page after it. */
type KillPlan = { at: 'write'; writes: number; delivered: boolean } | { at: 'handoff'; writes: number };

interface Killing {
  plan: KillPlan;
  child: ChildProcess;
  writes: number;
  /** Set once the planned write went by: the next handoff's flows run and its Tasks are created, answers lost. */
  armed: boolean;
  flowsLost: number;
  killed: () => void;
}

let crashed: SalesforceSandbox;
let reference: SalesforceSandbox;
let proxy: GateProxy;
let deployment: SalesforceDeployment;
let referenceDeployment: SalesforceDeployment;
let restoreEnv: () => void;
let plans: KillPlan[];
let killedRuns: Exit[];
let finalRuns: Exit[];
let runs: RunRecord[];
/** Owner Tasks the org created for a killed process, which never heard of them. */
let unansweredTasks = 0;
/** Flow calls the org ran whose answers the killed process never got. */
let unansweredFlows = 0;
const output: string[] = [];
const children: ChildProcess[] = [];
let killing: Killing | undefined;
/** Between a kill and the next run: whatever the dead process still had on the way is lost. */
let dead = false;

const isScoreWrite = (r: GatedRequest) =>
  r.method === 'PATCH' && r.path.endsWith('/composite/sobjects') && r.body.includes('LeadScore_Score__c');
const isFlowCall = (r: GatedRequest) => r.method === 'POST' && r.path.includes('/actions/custom/flow/');
const tasksCreatedBy = (r: GatedRequest) =>
  r.method === 'POST' && r.path.endsWith('/composite/sobjects')
    ? r.body.split('"type":"Task"').length - 1
    : 0;

function kill(k: Killing): void {
  k.child.kill('SIGKILL');
  dead = true;
  killing = undefined;
  k.killed();
}

async function gate(request: GatedRequest): Promise<GateVerdict> {
  const k = killing;
  if (dead) return 'drop';
  if (!k) return 'forward';
  if (isScoreWrite(request)) {
    k.writes++;
    if (k.writes !== k.plan.writes) return 'forward';
    if (k.plan.at === 'handoff') {
      k.armed = true;
      return 'forward';
    }
    kill(k);
    return k.plan.delivered ? 'lose-answer' : 'drop';
  }
  if (!k.armed) return 'forward';
  if (isFlowCall(request)) {
    k.flowsLost++;
    unansweredFlows++;
    return 'lose-answer';
  }
  const tasks = tasksCreatedBy(request);
  if (tasks === 0) return 'forward';
  // The flow calls go out beside the Task batch: wait for them (run, answers lost) before the kill, never for ever.
  for (let waited = 0; k.flowsLost < tasks && waited < 2_000; waited += 10) await sleep(10);
  unansweredTasks += tasks;
  kill(k);
  return 'lose-answer';
}

/** `leadscore sync --full` of the crashed org's deployment, as a child process. */
function startSync(plan?: KillPlan) {
  dead = false;
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
    { cwd: repoRoot, env: { ...process.env, ...salesforceEnv(crashed) }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const exited = new Promise<Exit>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const killed = new Promise<void>((resolve) => {
    if (plan) killing = { plan, child, writes: 0, armed: false, flowsLost: 0, killed: resolve };
  });
  return { exited, killed };
}

beforeAll(async () => {
  const options = { leads: LEADS, contacts: CONTACTS, seed: SEED, now: () => NOW };
  [crashed, reference] = await Promise.all([
    startSalesforceSandbox(options),
    startSalesforceSandbox(options),
  ]);
  proxy = await startGateProxy(crashed.url, gate);
  restoreEnv = useSalesforceEnv(reference);
  const flowConfirmField = 'LeadScore_Handoff_Key__c';
  deployment = writeSalesforceDeployment({
    url: proxy.url,
    lockTtlSeconds: LOCK_TTL_SECONDS,
    flowConfirmField,
  });
  referenceDeployment = writeSalesforceDeployment({ url: reference.url, flowConfirmField });
  await setUpDeployments(
    (...args) => runCapturedWith(CONNECTORS, ...args),
    [deployment.file, referenceDeployment.file],
  );

  // The reference: one uninterrupted run, in this process while the other org's runs get killed.
  const referenceRun = runCapturedWith(
    CONNECTORS,
    'sync',
    '--full',
    '--config',
    referenceDeployment.file,
    '--now',
    NOW_ISO,
  );

  // Each run is killed on its first or second score write (a page or two on: well before the full read
  // ends), which the org carries out or not in turn, or in the handoff of the page after that write.
  const prng = createPrng(SEED);
  plans = Array.from({ length: KILLS }, (_, i): KillPlan => {
    const writes = prng.int(1, 2);
    return i % 2 === 1 ? { at: 'handoff', writes } : { at: 'write', writes, delivered: i % 4 === 0 };
  });
  killedRuns = [];
  for (const plan of plans) {
    const run = startSync(plan);
    const outcome = await Promise.race([run.killed.then(() => 'killed'), run.exited.then(() => 'ended')]);
    if (outcome !== 'killed') throw new Error(`the run ended before its kill point:\n${output.join('')}`);
    killedRuns.push(await run.exited);
  }
  finalRuns = [];
  do finalRuns.push(await startSync().exited);
  while (
    finalRuns.length < MAX_FINAL_RUNS &&
    (finalRuns.at(-1)?.code !== 0 || (await leftToRetry(deployment.stateFile)))
  );

  const referenceResult = await referenceRun;
  if (referenceResult.code !== 0) throw new Error(`the reference run failed: ${referenceResult.stderr}`);
  runs = await inState(deployment.stateFile, (state) => state.runs.lastRuns('salesforce', 20));
}, 300_000);

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  restoreEnv?.();
  await proxy?.stop();
  await Promise.all([crashed?.stop(), reference?.stop()]);
  for (const d of [deployment, referenceDeployment]) if (d) rmSync(d.dir, { recursive: true, force: true });
});

describe('a full sync killed with SIGKILL five times, then run to the end', () => {
  it('was killed mid-run each time, and the runs after resumed from checkpoints and finished', () => {
    expect(killedRuns).toEqual(plans.map(() => ({ code: null, signal: 'SIGKILL' })));
    expect(finalRuns.at(-1)).toEqual({ code: 0, signal: null });
    expect(finalRuns.length).toBeLessThan(MAX_FINAL_RUNS);
    expect(runs.map((r) => r.status)).toEqual([
      ...finalRuns.map(() => 'ok'),
      ...plans.map(() => 'interrupted'),
    ]);
  });

  it('was killed twice after the org created owner Tasks and ran flows that the process never heard of', () => {
    expect(plans.filter((p) => p.at === 'handoff')).toHaveLength(2);
    expect(unansweredTasks).toBeGreaterThan(0);
    expect(unansweredFlows).toBeGreaterThan(0);
  });

  itEndsLikeTheReference(() => ({ actual: crashed, reference }), 'one uninterrupted run');
});
