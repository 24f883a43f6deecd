import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSalesforceSandbox, to18 } from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox, SObjectRecord } from '../../../connectors/salesforce/sandbox/index.js';
import {
  FLOW,
  NOW,
  handoff,
  outcome,
  recordPool,
  request,
  startWebhookReceiver,
  transition,
} from './handoff-fixture.js';
import type { WebhookReceiver } from './handoff-fixture.js';

const SECRET = 'whsec-7f3a9c2e1b';
let sandbox: SalesforceSandbox;
let hook: WebhookReceiver;
let takeLead: () => SObjectRecord;
const id = (record: SObjectRecord) => String(record.Id);

beforeAll(async () => {
  sandbox = await startSalesforceSandbox({ leads: 50, contacts: 10, now: () => NOW });
  hook = await startWebhookReceiver(SECRET);
  takeLead = recordPool(sandbox, 'Lead');
});
afterAll(async () => {
  await hook.close();
  await sandbox.stop();
});

describe('flow', () => {
  it('invokes the autolaunched flow with the mapped inputs', async () => {
    const lead = takeLead();
    const config = {
      flow: { name: FLOW, inputs: { recordId: 'recordId', score: 'score', transitionKey: 'transitionKey' } },
    } as const;

    const [result] = await handoff(sandbox, config, [request(lead, ['flow'])]);

    expect(sandbox.store.automation.flowInvocations().filter((i) => i.inputs.recordId === id(lead))).toEqual([
      {
        at: NOW.toISOString(),
        flow: FLOW,
        inputs: { recordId: id(lead), score: 87, transitionKey: transition(lead).key },
        isSuccess: true,
      },
    ]);
    expect(outcome(result, 'flow')).toEqual({
      action: 'flow',
      ok: true,
      detail: `flow ${FLOW} ran (interview Finished)`,
    });
  });

  it("fails with Salesforce's reason when the flow refuses the input (HTTP 400 with the result list)", async () => {
    const lead = takeLead();
    const config = {
      flow: { name: FLOW, inputs: { recordId: 'recordId', Priority_Score: 'score' } },
    } as const;

    const [result] = await handoff(sandbox, config, [request(lead, ['flow'])]);

    expect(outcome(result, 'flow')).toEqual({
      action: 'flow',
      ok: false,
      detail: `flow ${FLOW} failed: INVALID_INPUT: Invalid input parameter: Priority_Score`,
    });
  });

  it('fails, without uncertainty, for a flow the org does not have', async () => {
    const [result] = await handoff(sandbox, { flow: { name: 'No_Such_Flow' } }, [
      request(takeLead(), ['flow']),
    ]);

    expect(outcome(result, 'flow')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/^flow No_Such_Flow not run: Salesforce answered NOT_FOUND: /),
    });
    expect(outcome(result, 'flow').uncertain).toBeUndefined();
  });

  it('does not repeat an invocation an earlier attempt may have made', async () => {
    const lead = takeLead();
    const before = sandbox.store.automation.flowInvocations().length;

    const [result] = await handoff(sandbox, { flow: { name: FLOW } }, [
      request(lead, ['flow'], { unconfirmed: ['flow'] }),
    ]);

    expect(sandbox.store.automation.flowInvocations()).toHaveLength(before);
    expect(outcome(result, 'flow')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/not run again/),
    });
  });
});

describe('flow with a confirmation field (exactly once after a lost answer)', () => {
  const CONFIRM = 'LeadScore_Handoff_Key__c';
  const config = {
    flow: {
      name: FLOW,
      inputs: { recordId: 'recordId', transitionKey: 'transitionKey' },
      confirmField: CONFIRM,
    },
  } as const;
  const invocationsOf = (lead: SObjectRecord) =>
    sandbox.store.automation.flowInvocations().filter((i) => i.inputs.recordId === id(lead));

  beforeAll(() => {
    for (const object of ['Lead', 'Contact'])
      sandbox.store.schema.addField(object, {
        name: CONFIRM,
        label: 'LeadScore Handoff Key',
        type: 'string',
        updateable: true,
        createable: true,
        nillable: true,
        custom: true,
        length: 255,
      });
  });

  it("has the flow write the transition's key to the record", async () => {
    const lead = takeLead();
    await handoff(sandbox, config, [request(lead, ['flow'])]);
    expect(sandbox.store.get(id(lead))?.[CONFIRM]).toBe(transition(lead).key);
  });

  it('does not run again an invocation that took effect: the record holds its key', async () => {
    const lead = takeLead();
    await handoff(sandbox, config, [request(lead, ['flow'])]);

    const [again] = await handoff(sandbox, config, [request(lead, ['flow'], { unconfirmed: ['flow'] })]);

    expect(invocationsOf(lead)).toHaveLength(1);
    expect(outcome(again, 'flow')).toEqual({
      action: 'flow',
      ok: true,
      detail: `flow ${FLOW} had already run for this transition (${CONFIRM} holds its key); not run again`,
    });
  });

  it("runs an invocation in doubt that did not take effect: the record lacks this transition's key", async () => {
    const lead = takeLead();
    // An earlier MQL transition of the same record (another model) ran the flow: its key is not this one.
    await handoff(sandbox, config, [
      { transition: transition(lead, { key: `${transition(lead).key}-earlier` }), actions: ['flow'] },
    ]);

    const [result] = await handoff(sandbox, config, [request(lead, ['flow'], { unconfirmed: ['flow'] })]);

    expect(invocationsOf(lead)).toHaveLength(2);
    expect(outcome(result, 'flow')).toMatchObject({
      ok: true,
      detail: `flow ${FLOW} ran (interview Finished)`,
    });
    expect(sandbox.store.get(id(lead))?.[CONFIRM]).toBe(transition(lead).key);
  });

  it('reads the confirmation field only when an invocation is in doubt', async () => {
    const lead = takeLead();
    const queries = () => sandbox.store.queryLog().filter((q) => q.soql.includes(CONFIRM)).length;
    const before = queries();
    await handoff(sandbox, config, [request(lead, ['flow'])]);
    expect(queries()).toBe(before);
    await handoff(sandbox, config, [request(lead, ['flow'], { unconfirmed: ['flow'] })]);
    expect(queries()).toBe(before + 1);
  });
});

describe('webhook and refusals', () => {
  it('POSTs the transition to the webhook, and no outcome repeats its secret URL', async () => {
    const lead = takeLead();

    const [result] = await handoff(sandbox, { webhook: { url: hook.url } }, [request(lead, ['webhook'])]);

    expect(outcome(result, 'webhook')).toEqual({
      action: 'webhook',
      ok: true,
      detail: 'webhook answered HTTP 200',
    });
    expect(hook.received.at(-1)?.body).toMatchObject({
      event: 'became_mql',
      crm: 'salesforce',
      id: id(lead),
      score: 87,
    });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('fails every record action of a lead Salesforce does not have, and refuses actions that are not configured', async () => {
    const ghost = { Id: to18('00Q5g000000zzzz') } as SObjectRecord;
    const config = { lead_status: {}, assignment: {}, owner_task: {}, flow: { name: FLOW } };

    const [result] = await handoff(sandbox, config, [
      request(ghost, ['lead_status', 'assignment', 'owner_task', 'flow', 'webhook', 'workflow']),
    ]);

    const notFound = `lead ${id(ghost)} not found in Salesforce`;
    expect(result?.outcomes).toEqual([
      { action: 'lead_status', ok: false, detail: notFound },
      { action: 'assignment', ok: false, detail: notFound },
      { action: 'owner_task', ok: false, detail: notFound },
      { action: 'flow', ok: false, detail: notFound },
      {
        action: 'webhook',
        ok: false,
        detail: 'webhook is not enabled in the Salesforce handoff configuration',
      },
      { action: 'workflow', ok: false, detail: 'workflow is not a Salesforce handoff action' },
    ]);
  });
});
