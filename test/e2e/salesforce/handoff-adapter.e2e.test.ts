import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { parseSalesforceHandoffConfig } from '../../../connectors/salesforce/handoff-config.js';
import type { SalesforceHandoffConfigInput } from '../../../connectors/salesforce/handoff-config.js';
import { SalesforceAdapter } from '../../../connectors/salesforce/salesforce-adapter.js';
import { startSalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox, SObjectRecord } from '../../../connectors/salesforce/sandbox/index.js';
import type { ScoreUpdate } from '../../../src/connector/crm-adapter.js';
import { loadMapping } from '../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../src/mapping/mapping-schema.js';
import { silentLogger } from '../../../src/ops/logger.js';
import { SqliteStateStore } from '../../../src/state/index.js';
import { handOff, unconfirmedByKey } from '../../../src/sync/handoff-step.js';
import { FLOW, NOW, handoffTasksOf, recordPool, request, transition } from './handoff-fixture.js';
import { addLeadScoreFields } from './sandbox-lead-fields.js';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
let sandbox: SalesforceSandbox;
let mapping: Mapping;
let takeLead: () => SObjectRecord;

function adapter(handoff?: SalesforceHandoffConfigInput): SalesforceAdapter {
  return new SalesforceAdapter({
    credentials: { instanceUrl: sandbox.instanceUrl, accessToken: sandbox.accessToken },
    mapping,
    ...(handoff ? { handoff: parseSalesforceHandoffConfig(handoff) } : {}),
    onProblem: () => {},
  });
}

const scoreUpdate = (lead: SObjectRecord): ScoreUpdate => ({
  ref: { crm: 'salesforce', object: 'Lead', id: String(lead.Id) },
  values: {
    score: 87,
    fit: 50,
    engagement: 37,
    grade: 'A',
    status: 'mql',
    reasons: '+30 Demo or quote request',
    model: 'b2b-default@3',
    scoredAt: NOW,
  },
});

/** What one piece of work did to the org: the assignment headers it sent and the leads a rule assigned. */
async function observe(work: () => Promise<unknown>) {
  const calls = sandbox.store.collectionUpdates().length;
  const assigned = sandbox.store.automation.assignments().length;
  await work();
  return {
    headers: sandbox.store
      .collectionUpdates()
      .slice(calls)
      .map((c) => c.autoAssignHeader),
    assigned: sandbox.store.automation
      .assignments()
      .slice(assigned)
      .map((a) => a.leadId),
  };
}

beforeAll(async () => {
  sandbox = await startSalesforceSandbox({ leads: 100, contacts: 10, now: () => NOW });
  addLeadScoreFields(sandbox);
  mapping = await loadMapping(root('mappings/salesforce.yaml'));
  takeLead = recordPool(sandbox, 'Lead');
});
afterAll(async () => {
  await sandbox.stop();
});

describe('the Salesforce adapter and the org’s lead assignment rule', () => {
  it('switches on exactly the configured handoff actions, in the order they run', () => {
    expect(adapter().handoffActions).toEqual([]);
    expect(
      adapter({ webhook: { url: 'https://hooks.example.com/x' }, owner_task: {}, assignment: {} })
        .handoffActions,
    ).toEqual(['assignment', 'owner_task', 'webhook']);
    expect(adapter({ lead_status: { enabled: false }, flow: { name: FLOW } }).handoffActions).toEqual([
      'flow',
    ]);
  });

  it('score writes carry Sforce-Auto-Assign: FALSE and never reassign a lead', async () => {
    const leads = [takeLead(), takeLead()];

    const seen = await observe(() => adapter({ assignment: {} }).write(leads.map(scoreUpdate)));

    expect(seen).toEqual({ headers: ['FALSE'], assigned: [] });
    expect(leads.map((l) => sandbox.store.get(String(l.Id))?.OwnerId)).toEqual(leads.map((l) => l.OwnerId));
  });

  it('a handoff without the assignment action never runs the rule', async () => {
    const lead = takeLead();
    const config = { lead_status: {}, owner_task: {}, flow: { name: FLOW } };

    const seen = await observe(() =>
      adapter(config).handoff([request(lead, ['lead_status', 'owner_task', 'flow'])]),
    );

    expect(seen).toEqual({ headers: ['FALSE'], assigned: [] });
    expect(sandbox.store.get(String(lead.Id))?.OwnerId).toBe(lead.OwnerId);
  });

  it('a handoff with the assignment action runs the rule on that lead only', async () => {
    const [lead, other] = [takeLead(), takeLead()];

    const seen = await observe(() =>
      adapter({ lead_status: {}, assignment: {} }).handoff([
        request(lead!, ['lead_status', 'assignment']),
        request(other!, ['lead_status']),
      ]),
    );

    expect(seen).toEqual({ headers: ['FALSE', 'TRUE'], assigned: [String(lead!.Id)] });
  });
});

describe('exactly once per transition, through the ledger', () => {
  const config = { owner_task: {}, flow: { name: FLOW } };
  const invocationsOf = (lead: SObjectRecord) =>
    sandbox.store.automation.flowInvocations().filter((i) => i.inputs.recordId === lead.Id);

  it('hands a transition off once, however often it is seen', async () => {
    const state = SqliteStateStore.open({ file: ':memory:' });
    const lead = takeLead();

    const first = await handOff(
      adapter(config),
      state.handoffs,
      [transition(lead)],
      new Map(),
      silentLogger(),
    );
    const again = await handOff(
      adapter(config),
      state.handoffs,
      [transition(lead)],
      new Map(),
      silentLogger(),
    );

    expect([first.sent, again.sent]).toEqual([2, 0]);
    expect(handoffTasksOf(sandbox, String(lead.Id))).toHaveLength(1);
    expect(invocationsOf(lead)).toHaveLength(1);
    await state.close();
  });

  it('after a crash between send and record, neither the task nor the flow happens twice', async () => {
    const state = SqliteStateStore.open({ file: ':memory:' });
    const lead = takeLead();
    const crashed = request(lead, ['owner_task', 'flow']);
    await state.handoffs.beginMany([crashed]);
    await adapter(config).handoff([crashed]); // done in Salesforce, never recorded in the ledger

    const unconfirmed = await unconfirmedByKey(state.handoffs, 'salesforce');
    const retry = await handOff(
      adapter(config),
      state.handoffs,
      [transition(lead)],
      unconfirmed,
      silentLogger(),
    );

    expect(handoffTasksOf(sandbox, String(lead.Id))).toHaveLength(1);
    expect(invocationsOf(lead)).toHaveLength(1);
    const entries = await state.handoffs.entries(transition(lead).key);
    expect(Object.fromEntries(entries.map((e) => [e.action, e.state]))).toEqual({
      owner_task: 'succeeded',
      flow: 'failed',
    });
    expect(retry.incomplete.get(transition(lead).key)).toMatch(
      /^flow: flow LeadScore_MQL_Handoff not run again/,
    );
    await state.close();
  });
});
