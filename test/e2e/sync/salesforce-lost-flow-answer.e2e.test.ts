import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { CONNECTORS } from '../../../connectors/registry.js';
import { startSalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import { runCapturedWith } from '../../unit/cli/run-captured.js';
import type { CliRun } from '../../unit/cli/run-captured.js';
import { setUpDeployments } from './final-state.js';
import { startLossyProxy } from './lossy-proxy.js';
import type { LossyProxy } from './lossy-proxy.js';
import {
  flowsPerKey,
  handoffSummary,
  mqlRecordIds,
  useSalesforceEnv,
  writeSalesforceDeployment,
} from './salesforce-final-state.js';
import type { SalesforceDeployment } from './salesforce-final-state.js';

/**
 * The org runs the MQL handoff flow, and its answer never reaches leadscore — twice. With the flow's
 * confirmation field (the flow writes the transition key to the record), the next run reads the record,
 * sees the key and does not run the flow again: one interview per MQL, none lost, none doubled.
 */

const NOW_ISO = '2026-06-15T12:00:00.000Z';
const NOW = new Date(NOW_ISO);
const FLOW_PATH = /\/actions\/custom\/flow\/LeadScore_MQL_Handoff$/;
const CONFIRM = 'LeadScore_Handoff_Key__c';

let sandbox: SalesforceSandbox;
let proxy: LossyProxy;
let deployment: SalesforceDeployment;
let restoreEnv: () => void;
const runs: CliRun[] = [];

const sync = () =>
  runCapturedWith(CONNECTORS, 'sync', '--full', '--config', deployment.file, '--now', NOW_ISO);

beforeAll(async () => {
  sandbox = await startSalesforceSandbox({ leads: 400, contacts: 100, seed: 5, now: () => NOW });
  restoreEnv = useSalesforceEnv(sandbox);
  let flows = 0;
  proxy = await startLossyProxy(
    sandbox.url,
    (method, path) => method === 'POST' && FLOW_PATH.test(path) && [1, 3].includes(++flows),
  );
  deployment = writeSalesforceDeployment({ url: proxy.url, flowConfirmField: CONFIRM });
  await setUpDeployments((...args) => runCapturedWith(CONNECTORS, ...args), [deployment.file]);
  runs.push(await sync());
  runs.push(await sync());
}, 120_000);

afterAll(async () => {
  restoreEnv?.();
  await proxy?.stop();
  await sandbox?.stop();
  if (deployment) rmSync(deployment.dir, { recursive: true, force: true });
});

describe('flow invocations whose answers were lost, with a confirmation field', () => {
  it('lost two answers of the first run, which then left those handoffs to check', () => {
    expect(proxy.lost).toHaveLength(2);
    expect(runs[0]!.code).toBe(0);
    expect(runs[0]!.stdout).toMatch(/failed 2\b/);
  });

  it('setup created the confirmation field the flow writes', () => {
    expect(sandbox.store.schema.find('Lead')?.fields.some((f) => f.name === CONFIRM)).toBe(true);
  });

  it('runs the flow exactly once per MQL transition: the second run found the two keys and ran nothing again', () => {
    const flows = handoffSummary(flowsPerKey(sandbox));
    expect(flows.repeated).toEqual([]);
    expect(flows.records).toEqual(mqlRecordIds(sandbox));
    expect(runs[1]!.code).toBe(0);
    expect(runs[1]!.stdout).toMatch(/failed 0\b/);
  });

  it('leaves every MQL with its own transition key in the confirmation field', () => {
    for (const id of mqlRecordIds(sandbox)) {
      const record = sandbox.store.get(id);
      expect(String(record?.[CONFIRM] ?? '')).toContain(id);
    }
  });
});
