import { afterEach, describe, expect, it } from '@jest/globals';
import type { SalesforceSandbox } from '../../../../connectors/salesforce/sandbox/index.js';
import { KEY_PREFIXES, makeId } from '../../../../connectors/salesforce/sandbox/index.js';
import { API, call, connect, fakeClock, start } from './sandbox-fixture.js';

let sandbox: SalesforceSandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

const INTEGRATION_USER = makeId(KEY_PREFIXES.User, 1);
const firstLead = (s: SalesforceSandbox) => String(s.store.list('Lead')[0]?.Id);
const task = (whoId: string, extra: Record<string, unknown> = {}) => ({
  Subject: 'Call the new MQL',
  WhoId: whoId,
  ActivityDate: '2026-06-16',
  ...extra,
});

describe('POST /sobjects/{sobject}', () => {
  it('creates a Task and answers 201 with its id, success and no errors', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const lead = firstLead(sandbox);
    const reply = await call(sandbox, 'POST', `${API}/sobjects/Task`, { body: task(lead) });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ id: expect.stringMatching(/^00T\w{15}$/), success: true, errors: [] });
    expect(sandbox.store.get(reply.body.id)).toMatchObject({ Subject: 'Call the new MQL', WhoId: lead });
  });

  it('sets the audit dates to now and defaults Status, Priority and OwnerId (the session user)', async () => {
    const clock = fakeClock('2026-06-15T09:30:00.000Z');
    sandbox = await start({ leads: 5, contacts: 0, now: clock.now });
    const reply = await call(sandbox, 'POST', `${API}/sobjects/Task`, { body: task(firstLead(sandbox)) });
    expect(sandbox.store.get(reply.body.id)).toMatchObject({
      CreatedDate: '2026-06-15T09:30:00.000+0000',
      LastModifiedDate: '2026-06-15T09:30:00.000+0000',
      SystemModstamp: '2026-06-15T09:30:00.000+0000',
      Status: 'Not Started',
      Priority: 'Normal',
      IsClosed: false,
      OwnerId: INTEGRATION_USER,
    });
  });

  it('gives each new record a fresh id of its key prefix, never one of a seeded record', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const seeded = new Set(sandbox.store.list('Task').map((t) => t.Id));
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (await call(sandbox, 'POST', `${API}/sobjects/Task`, { body: task(firstLead(sandbox)) })).body.id,
      );
    }
    expect(new Set(ids).size).toBe(3);
    expect(ids.some((id) => seeded.has(id))).toBe(false);
  });

  it('records each create call with its headers, never the session', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const reply = await call(sandbox, 'POST', `${API}/sobjects/Task`, {
      body: task(firstLead(sandbox)),
      headers: { 'Sforce-Auto-Assign': 'FALSE' },
    });
    const [created] = sandbox.store.createCalls();
    expect(created).toMatchObject({ endpoint: 'sobject', types: ['Task'], createdIds: [reply.body.id] });
    expect(created?.headers['sforce-auto-assign']).toBe('FALSE');
    expect(created?.headers.authorization).toBeUndefined();
  });

  it('refuses missing required fields with REQUIRED_FIELD_MISSING naming them', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const reply = await call(sandbox, 'POST', `${API}/sobjects/Lead`, { body: { FirstName: 'Ada' } });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual([
      {
        errorCode: 'REQUIRED_FIELD_MISSING',
        message: 'Required fields are missing: [LastName, Company]',
        fields: ['LastName', 'Company'],
      },
    ]);
  });

  it('refuses an unknown field with INVALID_FIELD', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const reply = await call(sandbox, 'POST', `${API}/sobjects/Task`, {
      body: task(firstLead(sandbox), { Nope__c: 1 }),
    });
    expect(reply.status).toBe(400);
    expect(reply.body[0]).toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: "No such column 'Nope__c' on sobject of type Task",
    });
  });

  it('refuses a lookup to an id of the wrong type with MALFORMED_ID, and to no record with INVALID_CROSS_REFERENCE_KEY', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const campaign = String(sandbox.store.list('Campaign')[0]?.Id);
    const wrongType = await call(sandbox, 'POST', `${API}/sobjects/Task`, { body: task(campaign) });
    expect(wrongType.body[0]).toMatchObject({ errorCode: 'MALFORMED_ID', fields: ['WhoId'] });
    const missing = await call(sandbox, 'POST', `${API}/sobjects/Task`, {
      body: task(makeId(KEY_PREFIXES.Lead, 999_999)),
    });
    expect(missing.body[0]).toMatchObject({ errorCode: 'INVALID_CROSS_REFERENCE_KEY', fields: ['WhoId'] });
  });

  it('refuses an Id in the body: ids are the org’s to give', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const reply = await call(sandbox, 'POST', `${API}/sobjects/Task`, {
      body: task(firstLead(sandbox), { Id: makeId(KEY_PREFIXES.Task, 1) }),
    });
    expect(reply.body).toEqual([
      { errorCode: 'INVALID_FIELD', message: 'cannot specify Id in an insert call', fields: ['Id'] },
    ]);
  });

  it('answers 404 NOT_FOUND for an unknown object', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const reply = await call(sandbox, 'POST', `${API}/sobjects/Nope__c`, { body: {} });
    expect(reply.status).toBe(404);
    expect(reply.body[0].errorCode).toBe('NOT_FOUND');
  });

  it('is what jsforce’s sobject().create() calls', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const result = await connect(sandbox)
      .sobject('Task')
      .create(task(firstLead(sandbox)));
    expect(result).toMatchObject({ success: true, id: expect.stringMatching(/^00T/) });
  });
});

describe('POST /composite/sobjects', () => {
  const post = (s: SalesforceSandbox, body: unknown) =>
    call(s, 'POST', `${API}/composite/sobjects`, { body });

  it('creates records of several types in order, with a SaveResult each', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const lead = firstLead(sandbox);
    const reply = await post(sandbox, {
      allOrNone: false,
      records: [
        { attributes: { type: 'Task' }, ...task(lead) },
        { attributes: { type: 'Lead' }, LastName: 'Lovelace', Company: 'Engines Ltd' },
        { attributes: { type: 'Task' }, ...task(lead), Bogus: true },
        { Subject: 'no attributes' },
      ],
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual([
      { id: expect.stringMatching(/^00T/), success: true, errors: [] },
      { id: expect.stringMatching(/^00Q/), success: true, errors: [] },
      {
        success: false,
        errors: [
          {
            statusCode: 'INVALID_FIELD',
            message: "No such column 'Bogus' on sobject of type Task",
            fields: [],
          },
        ],
      },
      {
        success: false,
        errors: [{ statusCode: 'INVALID_TYPE', message: 'Must send a concrete entity type.', fields: [] }],
      },
    ]);
    expect(sandbox.store.get(reply.body[1].id)).toMatchObject({
      Name: 'Lovelace',
      Status: 'Open - Not Contacted',
    });
    expect(sandbox.store.createCalls()).toEqual([
      expect.objectContaining({
        endpoint: 'collection',
        allOrNone: false,
        types: ['Task', 'Lead', 'Task', 'undefined'],
        createdIds: [reply.body[0].id, reply.body[1].id],
      }),
    ]);
  });

  it('with allOrNone creates nothing when one record fails; the valid ones say they were rolled back', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const before = sandbox.store.count('Task');
    const reply = await post(sandbox, {
      allOrNone: true,
      records: [
        { attributes: { type: 'Task' }, ...task(firstLead(sandbox)) },
        { attributes: { type: 'Task' }, ...task('bad') },
      ],
    });
    expect(reply.body.map((r: { errors: { statusCode: string }[] }) => r.errors[0]?.statusCode)).toEqual([
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      'MALFORMED_ID',
    ]);
    expect(reply.body.every((r: { success: boolean; id?: string }) => !r.success && r.id === undefined)).toBe(
      true,
    );
    expect(sandbox.store.count('Task')).toBe(before);
  });

  it('refuses more than 200 records with EXCEEDED_ID_LIMIT', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const records = Array.from({ length: 201 }, () => ({ attributes: { type: 'Task' }, Subject: 'x' }));
    const reply = await post(sandbox, { records });
    expect(reply.status).toBe(400);
    expect(reply.body[0].errorCode).toBe('EXCEEDED_ID_LIMIT');
  });
});

describe('GET and PATCH /sobjects/{sobject}/{id}', () => {
  it('GET answers the record with attributes, every field, null where empty', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const id = firstLead(sandbox);
    const reply = await call(sandbox, 'GET', `${API}/sobjects/Lead/${id}`);
    expect(reply.status).toBe(200);
    expect(reply.body.attributes).toEqual({ type: 'Lead', url: `${API}/sobjects/Lead/${id}` });
    expect(reply.body).toMatchObject({ Id: id, Email: sandbox.store.get(id)?.Email });
    expect(Object.keys(reply.body)).toContain('Description');
  });

  it('GET ?fields= answers only those fields', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const id = firstLead(sandbox);
    const reply = await call(sandbox, 'GET', `${API}/sobjects/Lead/${id}?fields=Id,Email`);
    expect(Object.keys(reply.body)).toEqual(['attributes', 'Id', 'Email']);
  });

  it('GET answers 404 NOT_FOUND for an id of no record, 400 MALFORMED_ID for a malformed one', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const missing = await call(sandbox, 'GET', `${API}/sobjects/Lead/${makeId(KEY_PREFIXES.Lead, 999_999)}`);
    expect(missing.status).toBe(404);
    expect(missing.body[0].errorCode).toBe('NOT_FOUND');
    const malformed = await call(sandbox, 'GET', `${API}/sobjects/Lead/nope`);
    expect(malformed.status).toBe(400);
    expect(malformed.body[0].errorCode).toBe('MALFORMED_ID');
  });

  it('PATCH writes the fields, moves LastModifiedDate and answers 204 with no body', async () => {
    const clock = fakeClock();
    sandbox = await start({ leads: 5, contacts: 0, now: clock.now });
    const id = firstLead(sandbox);
    clock.advance(60_000);
    const reply = await call(sandbox, 'PATCH', `${API}/sobjects/Lead/${id}`, { body: { Rating: 'Hot' } });
    expect(reply.status).toBe(204);
    expect(reply.body).toBeUndefined();
    expect(sandbox.store.get(id)).toMatchObject({
      Rating: 'Hot',
      LastModifiedDate: '2026-06-15T12:01:00.000+0000',
    });
  });

  it('PATCH refuses a read-only field with INVALID_FIELD_FOR_INSERT_UPDATE', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const reply = await call(sandbox, 'PATCH', `${API}/sobjects/Lead/${firstLead(sandbox)}`, {
      body: { IsConverted: true },
    });
    expect(reply.status).toBe(400);
    expect(reply.body[0]).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      fields: ['IsConverted'],
    });
  });
});
