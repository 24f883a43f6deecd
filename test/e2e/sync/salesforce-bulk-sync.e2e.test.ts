import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { CONNECTORS } from '../../../connectors/registry.js';
import { startSalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import { runCapturedWith } from '../../unit/cli/run-captured.js';
import type { CliRun } from '../../unit/cli/run-captured.js';
import {
  itEndsLikeTheReference,
  useSalesforceEnv,
  writeSalesforceDeployment,
} from './salesforce-final-state.js';
import { setUpDeployments } from './final-state.js';
import type { SalesforceDeployment } from './salesforce-final-state.js';

/**
 * A full sync through the CLI of an org whose Lead read holds more records than the bulk threshold writes
 * its Leads' scores through Bulk API 2.0 jobs — the pipeline gathers pages until a job's worth — and ends
 * exactly where the same sync through sObject Collections does. Contacts, fewer than the threshold, still
 * go through collections.
 */

const LEADS = 1250;
const CONTACTS = 250;
const SEED = 31;
const NOW_ISO = '2026-06-15T12:00:00.000Z';
const NOW = new Date(NOW_ISO);
/** Pages of 200: a job every 3 pages (600 updates), up to 6 pages when fewer records change. */
const THRESHOLD = 500;
const INGEST = '/services/data/{version}/jobs/ingest';
const COLLECTIONS = 'PATCH /services/data/{version}/composite/sobjects';

let reference: SalesforceSandbox;
let bulk: SalesforceSandbox;
let referenceDeployment: SalesforceDeployment;
let bulkDeployment: SalesforceDeployment;
let restoreEnv: () => void;
let referenceRun: CliRun;
let bulkRun: CliRun;
let rerun: CliRun;
let referenceCalls: Record<string, number>;
let bulkCalls: Record<string, number>;
let rerunCalls: Record<string, number>;

const sync = (file: string) =>
  runCapturedWith(CONNECTORS, 'sync', '--full', '--config', file, '--now', NOW_ISO);

beforeAll(async () => {
  const options = { leads: LEADS, contacts: CONTACTS, seed: SEED, now: () => NOW };
  [reference, bulk] = await Promise.all([startSalesforceSandbox(options), startSalesforceSandbox(options)]);
  restoreEnv = useSalesforceEnv(bulk);
  referenceDeployment = writeSalesforceDeployment({ url: reference.url });
  bulkDeployment = writeSalesforceDeployment({
    url: bulk.url,
    bulk: { threshold: THRESHOLD, pollIntervalMs: 100 },
  });
  await setUpDeployments(
    (...args) => runCapturedWith(CONNECTORS, ...args),
    [referenceDeployment.file, bulkDeployment.file],
  );
  reference.resetStats();
  referenceRun = await sync(referenceDeployment.file);
  referenceCalls = reference.stats().calls;
  bulk.resetStats();
  bulkRun = await sync(bulkDeployment.file);
  bulkCalls = bulk.stats().calls;
  bulk.resetStats();
  rerun = await sync(bulkDeployment.file);
  rerunCalls = bulk.stats().calls;
}, 240_000);

afterAll(async () => {
  restoreEnv?.();
  await Promise.all([reference?.stop(), bulk?.stop()]);
  for (const d of [referenceDeployment, bulkDeployment])
    if (d) rmSync(d.dir, { recursive: true, force: true });
});

const unconvertedLeads = () => bulk.store.list('Lead').filter((lead) => lead.IsConverted !== true).length;

describe('a full sync of a read larger than the bulk threshold', () => {
  it('ends with exit code 0, like the sync through collections', () => {
    expect(referenceRun.code).toBe(0);
    expect(bulkRun.code).toBe(0);
  });

  it("writes the Leads' scores as update jobs of at least the threshold, the last one with what is left", () => {
    const leads = unconvertedLeads();
    const jobs = bulkCalls[`POST ${INGEST}`] ?? 0;
    expect(leads).toBeGreaterThan(2 * THRESHOLD);
    // 600 per job (three pages of 200), every Lead new: ⌊leads / 600⌋ full jobs, the rest in one more.
    const full = Math.floor(leads / 600);
    const rest = leads - full * 600;
    expect(jobs).toBe(full + (rest >= THRESHOLD ? 1 : 0));
    expect(bulkCalls[`PUT ${INGEST}/{jobId}/batches`]).toBe(jobs);
    expect(bulkCalls[`GET ${INGEST}/{jobId}/successfulResults`]).toBe(jobs);
  });

  it('writes through collections only what no job carries: the Contacts, the last Leads, lead statuses', () => {
    const leads = unconvertedLeads();
    const rest = leads - Math.floor(leads / 600) * 600;
    const contactCalls = Math.ceil(CONTACTS / 200);
    // The handoff's lead status writes are the same in both runs: what the reference made beyond its scores.
    const statusCalls = (referenceCalls[COLLECTIONS] ?? 0) - Math.ceil(leads / 200) - contactCalls;
    expect(statusCalls).toBeGreaterThanOrEqual(0);
    const leadCalls = rest >= THRESHOLD ? 0 : Math.ceil(rest / 200);
    expect(bulkCalls[COLLECTIONS]).toBe(contactCalls + leadCalls + statusCalls);
  });

  itEndsLikeTheReference(() => ({ actual: bulk, reference }), 'the sync through collections');

  it('writes nothing on a second full run: no job, no score write', () => {
    expect(rerun.code).toBe(0);
    expect(rerunCalls[`POST ${INGEST}`]).toBeUndefined();
    expect(rerunCalls[COLLECTIONS]).toBeUndefined();
    expect(rerun.stdout).toMatch(/written 0\b/);
  });
});
