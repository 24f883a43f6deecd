import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HubSpotSandbox } from '../../../../connectors/hubspot/sandbox/index.js';
import { call, get, post, propertyProblems, start } from './sandbox-fixture.js';

let sandbox: HubSpotSandbox;

beforeAll(async () => {
  sandbox = await start({ contacts: 20, limits: { perTenSeconds: 1000, searchPerSecond: 1000 } });
});
afterAll(() => sandbox.stop());

const update = (id: string, properties: Record<string, unknown>) =>
  post(sandbox, '/crm/v3/objects/contacts/batch/update', { inputs: [{ id, properties }] });
const someId = () => sandbox.store.listContacts()[0]?.id ?? '';

describe('property definitions', () => {
  it('lists the mapped contact properties with HubSpot’s types', async () => {
    const reply = await get(sandbox, '/crm/v3/properties/contacts');
    const byName = new Map(reply.body.results.map((p: { name: string }) => [p.name, p]));
    expect(byName.get('numemployees')).toMatchObject({
      type: 'enumeration',
      options: expect.arrayContaining([
        expect.objectContaining({ value: '25-50' }),
        expect.objectContaining({ value: '1000+' }),
      ]),
    });
    expect(byName.get('createdate')).toMatchObject({
      type: 'datetime',
      modificationMetadata: { readOnlyValue: true },
    });
    expect(byName.get('hs_analytics_num_page_views')).toMatchObject({ type: 'number' });
    expect(byName.get('hs_email_optout')).toMatchObject({ type: 'bool', fieldType: 'booleancheckbox' });
  });

  it('answers an unknown property name with 404', async () => {
    const reply = await get(sandbox, '/crm/v3/properties/contacts/no_such_property');
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
  });
});

describe('property groups', () => {
  it('creates a group with 201 and answers a second create of the same name with 409', async () => {
    const group = { name: 'leadscore', label: 'Lead scoring' };
    const created = await post(sandbox, '/crm/v3/properties/contacts/groups', group);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...group, archived: false });
    const again = await post(sandbox, '/crm/v3/properties/contacts/groups', group);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status: 'error', category: 'OBJECT_ALREADY_EXISTS' });
    const listed = await get(sandbox, '/crm/v3/properties/contacts/groups');
    expect(listed.body.results.map((g: { name: string }) => g.name)).toContain('leadscore');
  });
});

describe('created properties', () => {
  beforeAll(async () => {
    await post(sandbox, '/crm/v3/properties/contacts/groups', { name: 'scoring', label: 'Scoring' });
    await post(sandbox, '/crm/v3/properties/contacts', {
      name: 'leadscore_score',
      label: 'Lead score',
      type: 'number',
      fieldType: 'number',
      groupName: 'scoring',
    });
  });

  it('answers the created property at its own path', async () => {
    const reply = await get(sandbox, '/crm/v3/properties/contacts/leadscore_score');
    expect(reply.body).toMatchObject({ name: 'leadscore_score', type: 'number', hubspotDefined: false });
  });

  it('answers a second create of the same property with 409', async () => {
    const reply = await post(sandbox, '/crm/v3/properties/contacts', {
      name: 'leadscore_score',
      label: 'Again',
      type: 'number',
      fieldType: 'number',
      groupName: 'scoring',
    });
    expect(reply.status).toBe(409);
  });

  it('accepts a number for a number property and then finds it by search', async () => {
    const id = someId();
    expect((await update(id, { leadscore_score: 87 })).status).toBe(200);
    const found = await post(sandbox, '/crm/v3/objects/contacts/search', {
      filterGroups: [{ filters: [{ propertyName: 'leadscore_score', operator: 'GTE', value: '80' }] }],
      properties: ['leadscore_score'],
    });
    expect(found.body.results).toEqual([
      expect.objectContaining({ id, properties: expect.objectContaining({ leadscore_score: '87' }) }),
    ]);
  });

  it('rejects text for a number property', async () => {
    const reply = await update(someId(), { leadscore_score: 'high' });
    expect(reply.status).toBe(400);
    expect(propertyProblems(reply.body.message)[0]).toMatchObject({
      name: 'leadscore_score',
      error: 'INVALID_FLOAT',
    });
  });

  it('stores a datetime given in epoch milliseconds as an ISO string', async () => {
    await post(sandbox, '/crm/v3/properties/contacts', {
      name: 'leadscore_scored_at',
      label: 'Scored at',
      type: 'datetime',
      fieldType: 'date',
      groupName: 'scoring',
    });
    const id = someId();
    await update(id, { leadscore_scored_at: String(Date.parse('2026-06-01T08:30:00Z')) });
    expect(sandbox.store.getContact(id)?.properties.leadscore_scored_at).toBe('2026-06-01T08:30:00.000Z');
    expect((await update(id, { leadscore_scored_at: 'yesterday' })).status).toBe(400);
  });

  it('enforces the options of a created enumeration, and a PATCH that adds an option', async () => {
    await post(sandbox, '/crm/v3/properties/contacts', {
      name: 'leadscore_grade',
      label: 'Grade',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'scoring',
      options: [{ label: 'A', value: 'A', hidden: false }],
    });
    expect((await update(someId(), { leadscore_grade: 'B' })).status).toBe(400);
    const patched = await call(sandbox, 'PATCH', '/crm/v3/properties/contacts/leadscore_grade', {
      options: [
        { label: 'A', value: 'A', hidden: false },
        { label: 'B', value: 'B', hidden: false },
      ],
    });
    expect(patched.status).toBe(200);
    expect((await update(someId(), { leadscore_grade: 'B' })).status).toBe(200);
  });

  it('rejects a property in a group that does not exist', async () => {
    const reply = await post(sandbox, '/crm/v3/properties/contacts', {
      name: 'orphan',
      label: 'Orphan',
      type: 'string',
      fieldType: 'text',
      groupName: 'no_such_group',
    });
    expect(reply.status).toBe(400);
  });
});
