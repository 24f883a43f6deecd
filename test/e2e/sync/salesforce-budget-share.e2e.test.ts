import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { CONNECTORS } from '../../../connectors/registry.js';
import { startSalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { RunRecord, StoredCursor } from '../../../src/state/index.js';
import { runCapturedWith } from '../../unit/cli/run-captured.js';
import type { CliRun } from '../../unit/cli/run-captured.js';
import { inState, useSalesforceEnv, writeSalesforceDeployment } from './salesforce-final-state.js';
import type { SalesforceDeployment } from './salesforce-final-state.js';

/**
 * A full sync with budgetShare 0.5 against an org with a small daily API allocation spends half of what the
 * org had left and stops cleanly (exit 3) with its checkpoint kept; once the org's day rolls over, the next
 * run goes on from there — its saved query locator long expired — and every record ends up scored.
 */

const LEADS = 1000;
const CONTACTS = 200;
/**
 * Setup takes some 30 requests and a full sync of these records some 95 (four activity queries a page):
 * half of what is left after setup (about 65) does not do, half of a new day's allocation (80) does for
 * the rest.
 */
const DAILY = 160;
const NOW_ISO = '2026-06-15T12:00:00.000Z';
let clock = new Date(NOW_ISO);

let sandbox: SalesforceSandbox;
let deployment: SalesforceDeployment;
let restoreEnv: () => void;
let stopped: CliRun;
let stoppedRun: RunRecord | undefined;
let keptCursor: StoredCursor | undefined;
let usedBySetup: number;

const sync = () =>
  runCapturedWith(CONNECTORS, 'sync', '--full', '--config', deployment.file, '--now', NOW_ISO);
const lastRun = () =>
  inState(deployment.stateFile, async (state) => (await state.runs.lastRuns('salesforce', 1))[0]);
/** What a full read returns: unconverted Leads and every Contact. */
const readable = () => [
  ...sandbox.store.list('Lead').filter((l) => l.IsConverted !== true),
  ...sandbox.store.list('Contact'),
];

beforeAll(async () => {
  sandbox = await startSalesforceSandbox({
    leads: LEADS,
    contacts: CONTACTS,
    seed: 5,
    limits: { dailyApiRequests: DAILY },
    now: () => clock,
  });
  restoreEnv = useSalesforceEnv(sandbox);
  deployment = writeSalesforceDeployment({ url: sandbox.url, budgetShare: 0.5 });
  const setup = await runCapturedWith(CONNECTORS, 'setup', '--config', deployment.file);
  if (setup.code !== 0) throw new Error(`setup failed: ${setup.stderr}`);
  usedBySetup = sandbox.stats().apiUsage.used;
  stopped = await sync();
  stoppedRun = await lastRun();
  keptCursor = await inState(deployment.stateFile, (state) => state.cursors.get('salesforce', 'full'));
}, 60_000);

afterAll(async () => {
  restoreEnv?.();
  await sandbox?.stop();
  if (deployment) rmSync(deployment.dir, { recursive: true, force: true });
});

describe('a full sync that spends its share of the daily API allocation', () => {
  it('stops with exit code 3 once half of what the org had left is spent, and says so', () => {
    expect(stopped.code).toBe(3);
    const said =
      /^leadscore: Salesforce: stopped after spending 50 % of the org's remaining daily API allocation \((\d+) of (\d+)\) — configurable \(budget share, default 50 %\); the next run resumes from the last checkpoint\.$/m.exec(
        stopped.stderr,
      );
    const [spent, remainingAtStart] = [Number(said?.[1]), Number(said?.[2])];
    // The start is what the run's first answer reported left: setup's requests and that one spent.
    expect(remainingAtStart).toBe(DAILY - usedBySetup - 1);
    expect(spent).toBe(Math.floor(remainingAtStart / 2));
    // The other half is left for the org's other integrations, bar the few requests already in flight.
    expect(sandbox.stats().apiUsage.used).toBeLessThan(DAILY - remainingAtStart * 0.4);
  });

  it('is recorded as stopped_daily_limit after some of the records, and keeps its full cursor', () => {
    expect(stoppedRun?.status).toBe('stopped_daily_limit');
    expect(stoppedRun?.counts?.read).toBeGreaterThan(0);
    expect(stoppedRun?.counts?.read).toBeLessThan(readable().length);
    expect(keptCursor?.cursor).toMatchObject({
      kind: 'full',
      nextRecordsUrl: expect.any(String),
      afterStamp: expect.any(Number),
      afterId: expect.any(String),
      done: false,
    });
  });

  it('resumes from the kept cursor once the org’s day rolls over, and every record ends up scored', async () => {
    clock = new Date('2026-06-16T00:00:01.000Z');

    const resumed = await sync();

    expect(resumed.code).toBe(0);
    const run = await lastRun();
    expect(run?.status).toBe('ok');
    // Its locator long expired, the read went on after the cursor's keyset: it wrote only what the first run
    // had not, and read again, unchanged, just the records whose SystemModstamp the first run's writes moved on.
    const firstWritten = stoppedRun?.counts?.written ?? 0;
    expect(run?.counts?.written).toBe(readable().length - firstWritten);
    expect(run?.counts?.unchanged).toBe(firstWritten);
    const unscored = readable().filter(
      (r) =>
        typeof r.LeadScore_Score__c !== 'number' ||
        !String(r.LeadScore_Scored_At__c).startsWith('2026-06-15T12:00:00'),
    );
    expect(unscored.map((r) => r.Id)).toEqual([]);
  });
});
