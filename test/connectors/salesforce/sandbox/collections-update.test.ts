import { afterEach, describe, expect, it } from '@jest/globals';
import type { SalesforceSandbox } from '../../../../connectors/salesforce/sandbox/index.js';
import { API, call, fakeClock, start } from './sandbox-fixture.js';

const PATH = `${API}/composite/sobjects`;
let sandbox: SalesforceSandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

const lead = (s: SalesforceSandbox, i: number) => String(s.store.list('Lead')[i]?.Id);
const patch = (s: SalesforceSandbox, body: unknown, headers?: Record<string, string>) =>
  call(s, 'PATCH', PATH, { body, headers });

describe('PATCH /composite/sobjects', () => {
  it('answers a SaveResult per record, in order, with per-record errors when allOrNone is false', async () => {
    sandbox = await start();
    const ok = lead(sandbox, 0);
    const converted = lead(sandbox, 1);
    const reply = await patch(sandbox, {
      allOrNone: false,
      records: [
        { attributes: { type: 'Lead' }, id: ok, Rating: 'Hot', NumberOfEmployees: 50 },
        { attributes: { type: 'Lead' }, id: converted, Lead_Score__c: 80 },
        { attributes: { type: 'Lead' }, id: 'not-an-id', Rating: 'Hot' },
        { attributes: { type: 'Lead' }, id: ok, IsConverted: true },
        { attributes: { type: 'Lead' }, id: ok, NumberOfEmployees: 'many' },
        { attributes: { type: 'Lead' }, Rating: 'Hot' },
      ],
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual([
      { id: ok, success: true, errors: [] },
      {
        id: converted,
        success: false,
        errors: [
          {
            statusCode: 'INVALID_FIELD',
            message: "No such column 'Lead_Score__c' on sobject of type Lead",
            fields: [],
          },
        ],
      },
      {
        success: false,
        errors: [{ statusCode: 'MALFORMED_ID', message: 'malformed id not-an-id', fields: ['Id'] }],
      },
      {
        id: ok,
        success: false,
        errors: [
          expect.objectContaining({ statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['IsConverted'] }),
        ],
      },
      {
        id: ok,
        success: false,
        errors: [expect.objectContaining({ statusCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD' })],
      },
      { success: false, errors: [expect.objectContaining({ statusCode: 'MISSING_ARGUMENT' })] },
    ]);
    expect(sandbox.store.get(ok)).toMatchObject({ Rating: 'Hot', NumberOfEmployees: 50 });
  });

  it('rolls everything back when allOrNone is true and one record fails', async () => {
    sandbox = await start();
    const a = lead(sandbox, 0);
    const before = sandbox.store.get(a)?.Rating;
    const reply = await patch(sandbox, {
      allOrNone: true,
      records: [
        { attributes: { type: 'Lead' }, id: a, Rating: before === 'Cold' ? 'Hot' : 'Cold' },
        { attributes: { type: 'Lead' }, id: lead(sandbox, 1), Nope: 1 },
      ],
    });
    expect(reply.body[0]).toEqual({
      id: a,
      success: false,
      errors: [expect.objectContaining({ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK' })],
    });
    expect(reply.body[1].errors[0].statusCode).toBe('INVALID_FIELD');
    expect(sandbox.store.get(a)?.Rating).toBe(before);
  });

  it('rejects 201 records with 400 EXCEEDED_ID_LIMIT and writes nothing', async () => {
    sandbox = await start();
    const records = sandbox.store
      .list('Lead')
      .slice(0, 201)
      .map((l) => ({ attributes: { type: 'Lead' }, id: l.Id, Rating: 'Warm' }));
    const reply = await patch(sandbox, { allOrNone: false, records });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual([
      {
        message: 'record limit reached. cannot submit more than 200 records into this call',
        errorCode: 'EXCEEDED_ID_LIMIT',
      },
    ]);
    const ok = await patch(sandbox, { allOrNone: false, records: records.slice(0, 200) });
    expect(ok.body.every((r: { success: boolean }) => r.success)).toBe(true);
  });

  it('moves SystemModstamp and LastModifiedDate, accepts 15-character ids, and records Sforce-Auto-Assign', async () => {
    const clock = fakeClock();
    sandbox = await start({ now: clock.now });
    const id = lead(sandbox, 3);
    clock.advance(60_000);
    await patch(
      sandbox,
      { records: [{ attributes: { type: 'Lead' }, id: id.slice(0, 15), Title: 'CMO' }] },
      { 'Sforce-Auto-Assign': 'FALSE' },
    );
    await patch(sandbox, { records: [{ attributes: { type: 'Lead' }, id, Title: 'CFO' }] });
    expect(sandbox.store.get(id)).toMatchObject({
      Title: 'CFO',
      SystemModstamp: '2026-06-15T12:01:00.000+0000',
      LastModifiedDate: '2026-06-15T12:01:00.000+0000',
    });
    expect(sandbox.store.collectionUpdates().map((c) => c.autoAssignHeader)).toEqual(['FALSE', null]);
    expect(sandbox.store.collectionUpdates()[0]?.updatedIds).toEqual([id]);
  });

  it('refuses an id of another object type as MALFORMED_ID', async () => {
    sandbox = await start();
    const contact = String(sandbox.store.list('Contact')[0]?.Id);
    const reply = await patch(sandbox, {
      records: [{ attributes: { type: 'Lead' }, id: contact, Title: 'x' }],
    });
    expect(reply.body[0].errors[0].statusCode).toBe('MALFORMED_ID');
  });
});
