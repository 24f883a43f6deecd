import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HubSpotSandbox } from '../../../../connectors/hubspot/sandbox/index.js';
import { get, post, start } from './sandbox-fixture.js';

let sandbox: HubSpotSandbox;

beforeAll(async () => {
  sandbox = await start({ contacts: 100, limits: { perTenSeconds: 1000 } });
});
afterAll(() => sandbox.stop());

const contactWith = (type: 'emails' | 'meetings' | 'calls') =>
  sandbox.store.listContacts().find((c) => sandbox.store.listEngagements(type, c.id).length > 0)?.id ?? '';
const contactWithout = (type: 'meetings') =>
  sandbox.store.listContacts().find((c) => sandbox.store.listEngagements(type, c.id).length === 0)?.id ?? '';

describe('associations v4', () => {
  it('lists the emails associated with a contact', async () => {
    const id = contactWith('emails');
    const reply = await post(sandbox, '/crm/v4/associations/contacts/emails/batch/read', {
      inputs: [{ id }],
    });
    expect(reply.status).toBe(200);
    const expected = sandbox.store.listEngagements('emails', id).map((e) => e.id);
    expect(reply.body.results).toEqual([
      {
        from: { id },
        to: expected.map((toObjectId) => ({
          toObjectId,
          associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: expect.any(Number), label: null }],
        })),
      },
    ]);
  });

  it('answers a contact without meetings with a 207 NO_ASSOCIATIONS_FOUND entry', async () => {
    const id = contactWithout('meetings');
    const reply = await post(sandbox, '/crm/v4/associations/contacts/meetings/batch/read', {
      inputs: [{ id }],
    });
    expect(reply.status).toBe(207);
    expect(reply.body.errors).toEqual([
      {
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
        message: `No meeting is associated with contact ${id}.`,
        context: { fromObjectId: [id], fromObjectType: ['contact'], toObjectType: ['meeting'] },
      },
    ]);
  });
});

describe('engagement objects', () => {
  it('reads emails with hs_timestamp and hs_email_direction', async () => {
    const emails = sandbox.store.listEngagements('emails', contactWith('emails'));
    const reply = await post(sandbox, '/crm/v3/objects/emails/batch/read', {
      properties: ['hs_timestamp', 'hs_email_direction'],
      inputs: emails.map((e) => ({ id: e.id })),
    });
    expect(reply.status).toBe(200);
    for (const result of reply.body.results) {
      expect(result.properties.hs_timestamp).toMatch(/Z$/);
      expect(['EMAIL', 'INCOMING_EMAIL', 'FORWARDED_EMAIL']).toContain(result.properties.hs_email_direction);
    }
  });

  it('reads meetings and calls with their outcome and direction', async () => {
    const meetings = sandbox.store.listEngagements('meetings', contactWith('meetings'));
    const calls = sandbox.store.listEngagements('calls', contactWith('calls'));
    const m = await post(sandbox, '/crm/v3/objects/meetings/batch/read', {
      properties: ['hs_meeting_outcome'],
      inputs: meetings.map((e) => ({ id: e.id })),
    });
    const c = await post(sandbox, '/crm/v3/objects/calls/batch/read', {
      properties: ['hs_call_direction'],
      inputs: calls.map((e) => ({ id: e.id })),
    });
    expect(m.body.results[0].properties.hs_meeting_outcome).toEqual(expect.any(String));
    expect(['INBOUND', 'OUTBOUND']).toContain(c.body.results[0].properties.hs_call_direction);
  });

  it('shows an engagement added through the store in the contact’s associations', async () => {
    const id = contactWithout('meetings');
    const meeting = sandbox.store.addEngagement({
      type: 'meetings',
      contactId: id,
      properties: { hs_timestamp: '2026-06-01T10:00:00.000Z', hs_meeting_outcome: 'COMPLETED' },
    });
    const reply = await post(sandbox, '/crm/v4/associations/contacts/meetings/batch/read', {
      inputs: [{ id }],
    });
    expect(reply.body.results[0].to.map((t: { toObjectId: string }) => t.toObjectId)).toEqual([meeting.id]);
  });
});

describe('tasks', () => {
  it('creates a task associated with a contact: 201, and the store lists it', async () => {
    const contactId = contactWith('emails');
    const properties = {
      hs_task_subject: 'Call the MQL',
      hs_task_body: 'Score crossed 80',
      hs_timestamp: '2026-06-16T09:00:00.000Z',
      hubspot_owner_id: '70000001',
      hs_task_status: 'NOT_STARTED',
      hs_task_priority: 'HIGH',
    };
    const reply = await post(sandbox, '/crm/v3/objects/tasks', {
      properties,
      associations: [
        {
          to: { id: contactId },
          types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 204 }],
        },
      ],
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ id: expect.any(String), properties, archived: false });
    expect(sandbox.store.listTasks()).toEqual([
      expect.objectContaining({
        id: reply.body.id,
        contactIds: [contactId],
        properties: expect.objectContaining(properties),
      }),
    ]);
  });

  it('rejects a task priority that is not an option', async () => {
    const reply = await post(sandbox, '/crm/v3/objects/tasks', {
      properties: { hs_timestamp: '2026-06-16T09:00:00.000Z', hs_task_priority: 'URGENT' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.category).toBe('VALIDATION_ERROR');
  });
});

describe('workflow enrollment', () => {
  it('enrolls a contact by email with 204 and no body, and the store lists it', async () => {
    const email = sandbox.store.listContacts()[0]?.properties.email ?? '';
    const reply = await post(
      sandbox,
      `/automation/v2/workflows/12345/enrollments/contacts/${encodeURIComponent(email)}`,
      undefined,
    );
    expect(reply.status).toBe(204);
    expect(reply.body).toBeUndefined();
    expect(sandbox.store.listEnrollments()).toEqual([
      { workflowId: '12345', email, enrolledAt: expect.any(String) },
    ]);
  });
});

describe('unknown paths', () => {
  it('answers 404 in HubSpot’s error shape', async () => {
    const reply = await get(sandbox, '/crm/v3/objects/widgets');
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({
      status: 'error',
      message: expect.any(String),
      correlationId: expect.any(String),
      category: 'OBJECT_NOT_FOUND',
    });
  });
});
