import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { rmSync } from 'node:fs';
import { startSalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { RunRecord } from '../../../src/state/index.js';
import type { CliRun } from '../../unit/cli/run-captured.js';
import { instantClock, setUpDeployments } from './final-state.js';
import {
  inState,
  itEndsLikeTheReference,
  leftToRetry,
  useSalesforceEnv,
  writeSalesforceDeployment,
} from './salesforce-final-state.js';
import type { SalesforceDeployment } from './salesforce-final-state.js';

// The scheduler's waits (backoff after a 5xx or a dropped connection, after a concurrent-limit 403) pass at
// once: the runs make the same decisions in seconds instead of minutes.
jest.unstable_mockModule('../../../src/http/clock.js', () => ({ systemClock: instantClock() }));
const { CONNECTORS } = await import('../../../connectors/registry.js');
const { runCapturedWith } = await import('../../unit/cli/run-captured.js');

/**
 * A full sync through the CLI of an org that answers 10 % of API requests with a 5xx, 5 % with the
 * transient concurrent-request 403 and drops 2 % of connections, rerun until nothing is left to retry
 * (records whose write or handoff failed are dead letters; a handoff call that got no answer is looked for
 * or reported, then done again), ends exactly where one run against a healthy org does. It takes two runs:
 * the org's faults come before it does anything, so no call in doubt had taken effect.
 */

const LEADS = 1250;
const CONTACTS = 250;
const SEED = 29;
const NOW_ISO = '2026-06-15T12:00:00.000Z';
const NOW = new Date(NOW_ISO);
const FAULTS = { serverErrors: 0.1, concurrentRequestLimit: 0.05, dropConnection: 0.02, seed: 13 };
/** More than enough: a run retries what the one before left (failed writes, handoffs in doubt) first. */
const MAX_RUNS = 8;

let reference: SalesforceSandbox;
let faulty: SalesforceSandbox;
let referenceDeployment: SalesforceDeployment;
let deployment: SalesforceDeployment;
let restoreEnv: () => void;
let referenceRun: CliRun;
const runs: CliRun[] = [];
let records: RunRecord[];

const sync = (file: string) =>
  runCapturedWith(CONNECTORS, 'sync', '--full', '--config', file, '--now', NOW_ISO);

beforeAll(async () => {
  const options = { leads: LEADS, contacts: CONTACTS, seed: SEED, now: () => NOW };
  [reference, faulty] = await Promise.all([startSalesforceSandbox(options), startSalesforceSandbox(options)]);
  restoreEnv = useSalesforceEnv(faulty);
  referenceDeployment = writeSalesforceDeployment({ url: reference.url });
  deployment = writeSalesforceDeployment({ url: faulty.url });
  await setUpDeployments(
    (...args) => runCapturedWith(CONNECTORS, ...args),
    [referenceDeployment.file, deployment.file],
  );
  referenceRun = await sync(referenceDeployment.file);

  faulty.setFaults(FAULTS);
  faulty.resetStats();
  do runs.push(await sync(deployment.file));
  while (runs.length < MAX_RUNS && (runs.at(-1)?.code !== 0 || (await leftToRetry(deployment.stateFile))));
  records = await inState(deployment.stateFile, (state) => state.runs.lastRuns('salesforce', MAX_RUNS));
}, 240_000);

afterAll(async () => {
  restoreEnv?.();
  await Promise.all([reference?.stop(), faulty?.stop()]);
  for (const d of [referenceDeployment, deployment]) if (d) rmSync(d.dir, { recursive: true, force: true });
});

describe('a full sync under 10 % 5xx, 5 % concurrent-limit 403s and 2 % dropped connections', () => {
  it('meets every kind of fault on the way', () => {
    const stats = faulty.stats();
    expect(stats.dropped).toBeGreaterThan(0);
    expect(stats.requestLimitExceeded).toBeGreaterThan(0);
    expect([500, 502, 503].some((status) => (stats.statuses[status] ?? 0) > 0)).toBe(true);
  });

  it('needs a few runs, the last of which finishes with nothing left to retry', async () => {
    expect(referenceRun.code).toBe(0);
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.length).toBeLessThan(MAX_RUNS);
    expect(runs.at(-1)?.code).toBe(0);
    expect(records[0]?.status).toBe('ok');
    expect(await leftToRetry(deployment.stateFile)).toBe(false);
  });

  itEndsLikeTheReference(() => ({ actual: faulty, reference }), 'the healthy org');
});
