import { afterEach, describe, expect, it } from '@jest/globals';
import {
  INACTIVE_LEAD_ASSIGNMENT_RULE_ID,
  LEAD_ASSIGNMENT_RULE_ID,
  type SalesforceSandbox,
} from '../../../../connectors/salesforce/sandbox/index.js';
import { API, call, soql, start } from './sandbox-fixture.js';

const COLLECTIONS = `${API}/composite/sobjects`;
const FLOW = `${API}/actions/custom/flow/LeadScore_MQL_Handoff`;
let sandbox: SalesforceSandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

const leads = (s: SalesforceSandbox, n: number) =>
  s.store
    .list('Lead')
    .filter((l) => l.IsConverted !== true)
    .slice(0, n)
    .map((l) => String(l.Id));
const touch = (s: SalesforceSandbox, ids: string[], headers: Record<string, string> = {}) =>
  call(s, 'PATCH', COLLECTIONS, {
    body: {
      allOrNone: false,
      records: ids.map((id) => ({
        attributes: { type: id.startsWith('003') ? 'Contact' : 'Lead' },
        id,
        Title: 'CMO',
      })),
    },
    headers,
  });
const activeUsers = (s: SalesforceSandbox) =>
  s.store
    .list('User')
    .filter((u) => u.IsActive === true)
    .map((u) => String(u.Id));

describe('Sforce-Auto-Assign on PATCH /composite/sobjects', () => {
  it('TRUE (in any case) runs the active lead rule: a round robin over the active users, recorded', async () => {
    sandbox = await start();
    const ids = leads(sandbox, 3);

    const reply = await touch(sandbox, ids, { 'Sforce-Auto-Assign': 'true' });

    expect(reply.status).toBe(200);
    const users = activeUsers(sandbox);
    expect(ids.map((id) => sandbox!.store.get(id)?.OwnerId)).toEqual(users.slice(0, 3));
    expect(sandbox.store.automation.assignments()).toEqual(
      ids.map((leadId, i) =>
        expect.objectContaining({ ruleId: LEAD_ASSIGNMENT_RULE_ID, leadId, to: users[i] }),
      ),
    );
  });

  it('no header at all is TRUE, as Salesforce documents: the active rule runs', async () => {
    sandbox = await start();

    await touch(sandbox, leads(sandbox, 1));

    expect(sandbox.store.automation.assignments()).toHaveLength(1);
  });

  it('FALSE runs no rule and leaves every owner as it was', async () => {
    sandbox = await start();
    const ids = leads(sandbox, 2);
    const owners = ids.map((id) => sandbox!.store.get(id)?.OwnerId);

    await touch(sandbox, ids, { 'Sforce-Auto-Assign': 'FALSE' });

    expect(ids.map((id) => sandbox!.store.get(id)?.OwnerId)).toEqual(owners);
    expect(sandbox.store.automation.assignments()).toEqual([]);
  });

  it('an AssignmentRule id runs that rule, even an inactive one; 15 characters will do', async () => {
    sandbox = await start();

    await touch(sandbox, leads(sandbox, 1), {
      'Sforce-Auto-Assign': INACTIVE_LEAD_ASSIGNMENT_RULE_ID.slice(0, 15),
    });

    expect(sandbox.store.automation.assignments().map((a) => a.ruleId)).toEqual([
      INACTIVE_LEAD_ASSIGNMENT_RULE_ID,
    ]);
  });

  it('refuses a value that is neither TRUE, FALSE nor an AssignmentRule id, and writes nothing', async () => {
    sandbox = await start();
    const [id] = leads(sandbox, 1);

    const reply = await touch(sandbox, [id!], { 'Sforce-Auto-Assign': 'yes please' });

    expect(reply.status).toBe(400);
    expect(reply.body[0].errorCode).toBe('MALFORMED_ID');
    expect(sandbox.store.get(id!)?.Title).not.toBe('CMO');
  });

  it('assigns only the leads of a call, not its contacts', async () => {
    sandbox = await start();
    const contact = String(sandbox.store.list('Contact')[0]?.Id);

    await touch(sandbox, [contact, ...leads(sandbox, 1)], { 'Sforce-Auto-Assign': 'TRUE' });

    expect(sandbox.store.automation.assignments().map((a) => a.leadId.slice(0, 3))).toEqual(['00Q']);
  });

  it('serves the assignment rules to SOQL', async () => {
    sandbox = await start();

    const reply = await soql(
      sandbox,
      "SELECT Id, Name FROM AssignmentRule WHERE SobjectType = 'Lead' AND Active = true",
    );

    expect(reply.body.records).toEqual([
      expect.objectContaining({ Id: LEAD_ASSIGNMENT_RULE_ID, Name: 'Lead round robin' }),
    ]);
  });
});

describe('POST /actions/custom/flow/{flowApiName}', () => {
  it('runs an interview per input and answers an action result per input, recorded', async () => {
    sandbox = await start();
    const [lead] = leads(sandbox, 1);

    const reply = await call(sandbox, 'POST', FLOW, { body: { inputs: [{ recordId: lead, score: 87 }] } });

    expect(reply.status).toBe(200);
    expect(reply.body).toEqual([
      {
        actionName: 'LeadScore_MQL_Handoff',
        errors: null,
        isSuccess: true,
        outputValues: { Flow__InterviewStatus: 'Finished' },
      },
    ]);
    expect(sandbox.store.automation.flowInvocations()).toEqual([
      expect.objectContaining({
        flow: 'LeadScore_MQL_Handoff',
        inputs: { recordId: lead, score: 87 },
        isSuccess: true,
      }),
    ]);
  });

  it('answers 400 with the same list when an interview fails: missing inputs, unknown inputs, a fault', async () => {
    sandbox = await start();
    const [lead] = leads(sandbox, 1);

    const reply = await call(sandbox, 'POST', FLOW, {
      body: {
        inputs: [
          { recordId: lead },
          { score: 87 },
          { recordId: lead, Nope: 1 },
          { recordId: '00Q5g000000zzzzAAA' },
        ],
      },
    });

    expect(reply.status).toBe(400);
    expect(reply.body.map((r: { isSuccess: boolean }) => r.isSuccess)).toEqual([true, false, false, false]);
    expect(
      reply.body.slice(1).map((r: { errors: { statusCode: string }[] }) => r.errors[0]?.statusCode),
    ).toEqual(['REQUIRED_FIELD_MISSING', 'INVALID_INPUT', 'UNKNOWN_EXCEPTION']);
    expect(reply.body[1]).toMatchObject({
      outputValues: null,
      errors: [{ message: 'Missing required input parameter: recordId' }],
    });
  });

  it('answers 404 NOT_FOUND for a flow the org does not have', async () => {
    sandbox = await start();

    const reply = await call(sandbox, 'POST', `${API}/actions/custom/flow/No_Such_Flow`, {
      body: { inputs: [{}] },
    });

    expect(reply.status).toBe(404);
    expect(reply.body[0].errorCode).toBe('NOT_FOUND');
  });
});
