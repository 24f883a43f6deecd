import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  INACTIVE_LEAD_ASSIGNMENT_RULE_ID,
  LEAD_ASSIGNMENT_RULE_ID,
  startSalesforceSandbox,
} from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox, SObjectRecord } from '../../../connectors/salesforce/sandbox/index.js';
import {
  NOW,
  REASONS,
  handoff,
  outcome,
  recordPool,
  request,
  handoffTasksOf,
  transition,
} from './handoff-fixture.js';

let sandbox: SalesforceSandbox;
let takeLead: (fields?: Record<string, string>) => SObjectRecord;
let takeContact: (fields?: Record<string, string>) => SObjectRecord;
const id = (record: SObjectRecord) => String(record.Id);
const current = (record: SObjectRecord) => sandbox.store.get(id(record))!;
const headersSent = () => sandbox.store.collectionUpdates().map((c) => c.autoAssignHeader);

beforeAll(async () => {
  sandbox = await startSalesforceSandbox({ leads: 200, contacts: 20, now: () => NOW });
  takeLead = recordPool(sandbox, 'Lead');
  takeContact = recordPool(sandbox, 'Contact');
});
afterAll(async () => {
  await sandbox.stop();
});
let callsBefore = 0;
let assignmentsBefore = 0;
beforeEach(() => {
  callsBefore = sandbox.store.collectionUpdates().length;
  assignmentsBefore = sandbox.store.automation.assignments().length;
});
const newHeaders = () => headersSent().slice(callsBefore);
const newAssignments = () => sandbox.store.automation.assignments().slice(assignmentsBefore);

describe('lead status', () => {
  it('sets the configured Status with Sforce-Auto-Assign: FALSE, so no assignment rule runs', async () => {
    const lead = takeLead({ Status: 'Open - Not Contacted' });
    const owner = lead.OwnerId;

    const [result] = await handoff(sandbox, { lead_status: {} }, [request(lead, ['lead_status'])]);

    expect(outcome(result, 'lead_status')).toEqual({
      action: 'lead_status',
      ok: true,
      detail: 'Status set to Working - Contacted (was Open - Not Contacted)',
    });
    expect(current(lead)).toMatchObject({ Status: 'Working - Contacted', OwnerId: owner });
    expect(newHeaders()).toEqual(['FALSE']);
    expect(newAssignments()).toEqual([]);
  });

  it('leaves a lead that already has the status, or a status the configuration preserves', async () => {
    const working = takeLead({ Status: 'Working - Contacted' });
    const closed = takeLead({ Status: 'Closed - Not Converted' });
    const config = { lead_status: { preserve: ['Closed - Not Converted'] } };

    const results = await handoff(sandbox, config, [
      request(working, ['lead_status']),
      request(closed, ['lead_status']),
    ]);

    expect(results.map((r) => outcome(r, 'lead_status').detail)).toEqual([
      'already Working - Contacted',
      'left at Closed - Not Converted (preserved by configuration)',
    ]);
    expect(newHeaders()).toEqual([]);
  });
});

describe('assignment', () => {
  it('runs the active lead assignment rule (Sforce-Auto-Assign: TRUE) and reports the owner it left', async () => {
    const lead = takeLead();

    const [result] = await handoff(sandbox, { assignment: {} }, [request(lead, ['assignment'])]);

    const [assigned] = newAssignments();
    expect(assigned).toMatchObject({ ruleId: LEAD_ASSIGNMENT_RULE_ID, leadId: id(lead) });
    expect(current(lead).OwnerId).toBe(assigned?.to);
    expect(newHeaders()).toEqual(['TRUE']);
    expect(outcome(result, 'assignment')).toMatchObject({ ok: true });
    expect(outcome(result, 'assignment').detail).toBe(
      `the active lead assignment rule ran: owner now ${assigned?.to} (was ${String(lead.OwnerId)})`,
    );
  });

  it('runs the configured rule by its id, even an inactive one', async () => {
    const lead = takeLead();
    const config = { assignment: { rule: INACTIVE_LEAD_ASSIGNMENT_RULE_ID.slice(0, 15) } };

    const [result] = await handoff(sandbox, config, [request(lead, ['assignment'])]);

    expect(newHeaders()).toEqual([INACTIVE_LEAD_ASSIGNMENT_RULE_ID]);
    expect(newAssignments().map((a) => a.ruleId)).toEqual([INACTIVE_LEAD_ASSIGNMENT_RULE_ID]);
    expect(outcome(result, 'assignment').detail).toMatch(/^assignment rule 01Q\w{15} ran: owner /);
  });

  it('writes the status first, then assigns: a rule may route on the new status', async () => {
    const lead = takeLead({ Status: 'Open - Not Contacted' });

    await handoff(sandbox, { lead_status: {}, assignment: {} }, [
      request(lead, ['lead_status', 'assignment']),
    ]);

    expect(newHeaders()).toEqual(['FALSE', 'TRUE']);
  });

  it('is skipped, and done, for a contact: lead assignment rules apply to Leads', async () => {
    const contact = takeContact();

    const [result] = await handoff(sandbox, { assignment: {} }, [request(contact, ['assignment'])]);

    expect(outcome(result, 'assignment')).toEqual({
      action: 'assignment',
      ok: true,
      detail: 'skipped: lead assignment rules apply to Leads, not to Contacts',
    });
    expect(newHeaders()).toEqual([]);
  });
});

describe('owner task', () => {
  it("creates a Task on the lead for the lead's owner, due the next day, with the reasons and the transition key", async () => {
    const lead = takeLead({ FirstName: 'Ada', LastName: 'Lovelace' });

    const [result] = await handoff(sandbox, { owner_task: {} }, [request(lead, ['owner_task'])]);

    const [task] = handoffTasksOf(sandbox, id(lead));
    expect(task).toMatchObject({
      Subject: 'MQL: Ada Lovelace scored 87',
      Description: `${REASONS}\n\nleadscore transition ${transition(lead).key}`,
      ActivityDate: '2026-06-16',
      Priority: 'High',
      Status: 'Not Started',
      OwnerId: lead.OwnerId,
    });
    expect(outcome(result, 'owner_task')).toEqual({
      action: 'owner_task',
      ok: true,
      detail: `task ${String(task?.Id)} created for owner ${String(lead.OwnerId)}, due 2026-06-16`,
    });
  });

  it('creates the tasks of many transitions in collections of 200, one outcome each', async () => {
    const leads = Array.from({ length: 3 }, () => takeLead());
    const before = sandbox.store.createCalls().length;

    const results = await handoff(
      sandbox,
      { owner_task: {} },
      leads.map((lead) => request(lead, ['owner_task'])),
    );

    const calls = sandbox.store.createCalls().slice(before);
    expect(calls.map((c) => c.types)).toEqual([['Task', 'Task', 'Task']]);
    expect(results.map((r) => outcome(r, 'owner_task').ok)).toEqual([true, true, true]);
    expect(leads.map((lead) => handoffTasksOf(sandbox, id(lead)).length)).toEqual([1, 1, 1]);
  });

  it('goes to the owner the assignment rule just chose', async () => {
    const lead = takeLead();

    await handoff(sandbox, { assignment: {}, owner_task: {} }, [request(lead, ['assignment', 'owner_task'])]);

    const [assigned] = newAssignments();
    expect(handoffTasksOf(sandbox, id(lead)).map((t) => t.OwnerId)).toEqual([assigned?.to]);
  });

  it('an unconfirmed task an earlier attempt created is not created twice; one it did not create is', async () => {
    const [done, lost] = [takeLead(), takeLead()];
    await handoff(sandbox, { owner_task: {} }, [request(done!, ['owner_task'])]);
    const earlierTask = handoffTasksOf(sandbox, id(done!))[0];

    const unconfirmed = { unconfirmed: ['owner_task' as const] };
    const results = await handoff(sandbox, { owner_task: {} }, [
      request(done!, ['owner_task'], unconfirmed),
      request(lost!, ['owner_task'], unconfirmed),
    ]);

    expect(handoffTasksOf(sandbox, id(done!))).toHaveLength(1);
    expect(handoffTasksOf(sandbox, id(lost!))).toHaveLength(1);
    expect(outcome(results[0], 'owner_task')).toEqual({
      action: 'owner_task',
      ok: true,
      detail: `task already created by an earlier attempt (task ${String(earlierTask?.Id)})`,
    });
    expect(outcome(results[1], 'owner_task').detail).toMatch(/^task 00T\w{15} created for owner 005/);
  });
});
