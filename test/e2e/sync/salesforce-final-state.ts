import { expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import { SqliteStateStore } from '../../../src/state/index.js';
import { differences, repoRoot } from './final-state.js';

/** Helpers for the Salesforce sync e2e tests: the org's end state, compared with a reference org's. */

/** The fields setup creates on Lead and Contact, with the shipped mapping's default API names. */
export const SCORE_FIELDS = [
  'LeadScore_Score__c',
  'LeadScore_Fit__c',
  'LeadScore_Engagement__c',
  'LeadScore_Grade__c',
  'LeadScore_MQL_Status__c',
  'LeadScore_Reasons__c',
  'LeadScore_Model__c',
  'LeadScore_Scored_At__c',
  'LeadScore_Predictive__c',
] as const;

/** What a sync leaves on a Lead or Contact: the score fields, and a Lead's Status (the handoff sets it). */
export const SYNCED_FIELDS = [...SCORE_FIELDS, 'Status'] as const;

export type RecordState = Partial<Record<(typeof SYNCED_FIELDS)[number], unknown>>;

const SYNCED_OBJECTS = ['Lead', 'Contact'] as const;

/** Every Lead's and Contact's synced fields, by id. */
export function syncedOrgState(sandbox: SalesforceSandbox): Map<string, RecordState> {
  const state = new Map<string, RecordState>();
  for (const type of SYNCED_OBJECTS)
    for (const record of sandbox.store.list(type))
      state.set(String(record.Id), Object.fromEntries(SYNCED_FIELDS.map((f) => [f, record[f]])));
  return state;
}

/** Ids of the Leads and Contacts whose MQL status field says mql, sorted. */
export function mqlRecordIds(sandbox: SalesforceSandbox): string[] {
  return SYNCED_OBJECTS.flatMap((type) => sandbox.store.list(type))
    .filter((r) => r.LeadScore_MQL_Status__c === 'mql')
    .map((r) => String(r.Id))
    .sort();
}

const TRANSITION_LINE = /leadscore transition (\S+)/;

/** Owner tasks a handoff created, counted by the transition key their Description names. */
export function tasksPerKey(sandbox: SalesforceSandbox): Map<string, number> {
  const counts = new Map<string, number>();
  for (const task of sandbox.store.list('Task')) {
    const key = TRANSITION_LINE.exec(String(task.Description ?? ''))?.[1];
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Successful flow interviews, counted by the transition key they were given (the flow's transitionKey input). */
export function flowsPerKey(sandbox: SalesforceSandbox): Map<string, number> {
  const counts = new Map<string, number>();
  for (const run of sandbox.store.automation.flowInvocations()) {
    const key = String(run.inputs.transitionKey);
    if (run.isSuccess) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The record id in a transition key (`salesforce:Lead:00Q…:mql:1:model`). */
export const recordOfKey = (key: string): string => key.split(':')[2] ?? '';

/** Keys handed off more than once (by `counts`), and the record ids handed off, sorted. */
export function handoffSummary(counts: Map<string, number>): { repeated: string[]; records: string[] } {
  return {
    repeated: [...counts].filter(([, n]) => n > 1).map(([key]) => key),
    records: [...counts.keys()].map(recordOfKey).sort(),
  };
}

export interface SalesforceDeployment {
  file: string;
  stateFile: string;
  dir: string;
}

/**
 * A deployment file for one Salesforce connector against `url` (the sandbox, or a proxy in front of it:
 * both the login host and the instance), Leads and Contacts, handoff lead status + owner task + flow, with
 * its own state file in a fresh temporary folder.
 */
export function writeSalesforceDeployment(options: {
  url: string;
  lockTtlSeconds?: number;
  budgetShare?: number;
  /** Records per query batch: 200 (the least) makes a full sync of a small org several pages. */
  queryBatchSize?: number;
  /** Bulk API 2.0 from this many updates (the default 10,000 otherwise), polled every `pollIntervalMs`. */
  bulk?: { threshold: number; pollIntervalMs: number };
  /** The flow's confirmation field (settings.handoff.flow.confirmField); none by default. */
  flowConfirmField?: string;
}): SalesforceDeployment {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-sf-sync-e2e-'));
  const stateFile = join(dir, 'state.sqlite');
  const file = join(dir, 'leadscore.yaml');
  writeFileSync(
    file,
    [
      `model: ${JSON.stringify(join(repoRoot, 'config', 'scoring.yaml'))}`,
      'state:',
      `  file: ${JSON.stringify(stateFile)}`,
      `  lockTtlSeconds: ${options.lockTtlSeconds ?? 120}`,
      'connectors:',
      '  salesforce:',
      `    baseUrl: ${JSON.stringify(options.url)}`,
      '    salesFeedback:',
      '      accepted: { leadStatus: [Working - Contacted, Closed - Converted], lifecycleStage: [] }',
      '      rejected: { leadStatus: [Closed - Not Converted], lifecycleStage: [] }',
      '    settings:',
      `      loginUrl: ${JSON.stringify(options.url)}`,
      '      objects: { lead: { enabled: true }, contact: { enabled: true } }',
      `      queryBatchSize: ${options.queryBatchSize ?? 200}`,
      `      budgetShare: ${options.budgetShare ?? 1}`,
      ...(options.bulk
        ? [
            `      bulk: { threshold: ${options.bulk.threshold}, pollIntervalMs: ${options.bulk.pollIntervalMs} }`,
          ]
        : []),
      '      handoff:',
      '        lead_status:',
      '          value: Open - Not Contacted',
      '          preserve: [Working - Contacted, Closed - Converted, Closed - Not Converted]',
      '        owner_task: {}',
      '        flow:',
      '          name: LeadScore_MQL_Handoff',
      '          inputs: { recordId: recordId, score: score, grade: grade, transitionKey: transitionKey }',
      ...(options.flowConfirmField ? [`          confirmField: ${options.flowConfirmField}`] : []),
      '',
    ].join('\n'),
  );
  return { file, stateFile, dir };
}

const ENV_NAMES = ['SALESFORCE_AUTH', 'SALESFORCE_CLIENT_ID', 'SALESFORCE_CLIENT_SECRET'] as const;

/** The sandbox's client-credentials variables, as the sandbox launcher sets them. */
export function salesforceEnv(sandbox: SalesforceSandbox): Record<(typeof ENV_NAMES)[number], string> {
  return {
    SALESFORCE_AUTH: 'client_credentials',
    SALESFORCE_CLIENT_ID: sandbox.oauth.clientId,
    SALESFORCE_CLIENT_SECRET: sandbox.oauth.clientSecret,
  };
}

/** Sets the sandbox's variables in this process (for in-process CLI runs); returns what puts them back. */
export function useSalesforceEnv(sandbox: SalesforceSandbox): () => void {
  const saved = ENV_NAMES.map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, salesforceEnv(sandbox));
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/** Reads the deployment's state store, closing it after. */
export async function inState<T>(
  stateFile: string,
  read: (state: SqliteStateStore) => Promise<T>,
): Promise<T> {
  const state = await SqliteStateStore.open({ file: stateFile });
  try {
    return await read(state);
  } finally {
    await state.close();
  }
}

/** Whether the state store has something for a next run: a dead letter due, or a handoff in doubt. */
export const leftToRetry = (stateFile: string): Promise<boolean> =>
  inState(stateFile, async (state) => {
    const due = await state.deadLetters.due('salesforce');
    const inDoubt = await state.handoffs.startedButUnconfirmed('salesforce:');
    return due.length + inDoubt.length > 0;
  });

/**
 * The end-state specification every Salesforce pipeline e2e test shares: after its runs, the org under
 * test equals `reference` (the same records synced one plain way) field for field, and each MQL transition
 * got exactly one owner Task and one flow interview, for the same records. `orgs` is read when the tests run.
 */
export function itEndsLikeTheReference(
  orgs: () => { actual: SalesforceSandbox; reference: SalesforceSandbox },
  referenceName: string,
): void {
  it(`leaves every Lead and Contact with the same score fields and lead status as ${referenceName}`, () => {
    const { actual, reference } = orgs();
    expect(differences(syncedOrgState(actual), syncedOrgState(reference))).toEqual({
      count: 0,
      first: [],
    });
    expect(mqlRecordIds(reference).length).toBeGreaterThan(0);
  });

  it(`creates exactly one owner Task per MQL transition, for the same records as ${referenceName}`, () => {
    const { actual, reference } = orgs();
    const tasks = handoffSummary(tasksPerKey(actual));
    expect(tasks.repeated).toEqual([]);
    expect(tasks.records).toEqual(mqlRecordIds(actual));
    expect(tasks.records).toEqual(handoffSummary(tasksPerKey(reference)).records);
  });

  it(`runs the flow exactly once per MQL transition, for the same records as ${referenceName}`, () => {
    const { actual, reference } = orgs();
    const flows = handoffSummary(flowsPerKey(actual));
    expect(flows.repeated).toEqual([]);
    expect(flows.records).toEqual(mqlRecordIds(actual));
    expect(flows.records).toEqual(handoffSummary(flowsPerKey(reference)).records);
  });
}
