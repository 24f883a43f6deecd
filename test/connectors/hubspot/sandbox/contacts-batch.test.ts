import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HubSpotSandbox } from '../../../../connectors/hubspot/sandbox/index.js';
import { fakeClock, post, propertyProblems, start } from './sandbox-fixture.js';

const clock = fakeClock();
let sandbox: HubSpotSandbox;
const UPDATE = '/crm/v3/objects/contacts/batch/update';
const READ = '/crm/v3/objects/contacts/batch/read';
const BATCH_LIMIT_MESSAGE =
  'The maximum number of inputs supported in a batch is 100. Please reduce the number of items and try again';

beforeAll(async () => {
  sandbox = await start({ contacts: 150, now: clock.now, limits: { perTenSeconds: 1000 } });
});
afterAll(() => sandbox.stop());

const firstIds = (n: number) =>
  sandbox.store
    .listContacts()
    .slice(0, n)
    .map((c) => c.id);

describe('batch update', () => {
  it('rejects a 101-input batch with HubSpot’s 400', async () => {
    const inputs = firstIds(101).map((id) => ({ id, properties: { jobtitle: 'CTO' } }));
    const reply = await post(sandbox, UPDATE, { inputs });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      status: 'error',
      message: BATCH_LIMIT_MESSAGE,
      correlationId: expect.any(String),
      category: 'VALIDATION_ERROR',
    });
  });

  it('rejects an unknown property with VALIDATION_ERROR naming PROPERTY_DOESNT_EXIST', async () => {
    const [id] = firstIds(1);
    const reply = await post(sandbox, UPDATE, { inputs: [{ id, properties: { leadscore_score: '42' } }] });
    expect(reply.status).toBe(400);
    expect(reply.body.category).toBe('VALIDATION_ERROR');
    expect(propertyProblems(reply.body.message)).toEqual([
      {
        isValid: false,
        message: 'Property "leadscore_score" does not exist',
        error: 'PROPERTY_DOESNT_EXIST',
        name: 'leadscore_score',
        localizedErrorMessage: 'Property "leadscore_score" does not exist',
        portalId: expect.any(Number),
      },
    ]);
  });

  it('rejects a value outside an enumeration’s options with INVALID_OPTION', async () => {
    const [id] = firstIds(1);
    const reply = await post(sandbox, UPDATE, { inputs: [{ id, properties: { numemployees: '42' } }] });
    expect(reply.status).toBe(400);
    expect(propertyProblems(reply.body.message)).toEqual([
      expect.objectContaining({
        error: 'INVALID_OPTION',
        name: 'numemployees',
        message: expect.stringMatching(/^42 was not one of the allowed options: \[/),
      }),
    ]);
  });

  it('writes nothing when any value of the batch is invalid', async () => {
    const [good, bad] = firstIds(2);
    await post(sandbox, UPDATE, {
      inputs: [
        { id: good, properties: { jobtitle: 'Never written' } },
        { id: bad, properties: { lifecyclestage: 'not-a-stage' } },
      ],
    });
    expect(sandbox.store.getContact(good ?? '')?.properties.jobtitle).not.toBe('Never written');
  });

  it('rejects writing a read-only property', async () => {
    const [id] = firstIds(1);
    const reply = await post(sandbox, UPDATE, { inputs: [{ id, properties: { hs_email_open: '3' } }] });
    expect(reply.status).toBe(400);
    expect(propertyProblems(reply.body.message)[0]).toMatchObject({
      name: 'hs_email_open',
      error: 'READ_ONLY_VALUE',
    });
  });

  it('answers 207 Multi-Status with OBJECT_NOT_FOUND for missing ids and writes the others', async () => {
    const [id] = firstIds(1);
    const reply = await post(sandbox, UPDATE, {
      inputs: [
        { id, properties: { jobtitle: 'Head of Data' } },
        { id: '999999', properties: { jobtitle: 'Ghost' } },
      ],
    });
    expect(reply.status).toBe(207);
    expect(reply.body).toEqual({
      status: 'COMPLETE',
      results: [
        expect.objectContaining({ id, properties: expect.objectContaining({ jobtitle: 'Head of Data' }) }),
      ],
      numErrors: 1,
      errors: [
        {
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          message:
            'Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.',
          context: { ids: ['999999'] },
        },
      ],
      startedAt: expect.any(String),
      completedAt: expect.any(String),
    });
    expect(sandbox.store.getContact(id ?? '')?.properties.jobtitle).toBe('Head of Data');
  });

  it('answers 200 with status COMPLETE when every record is written', async () => {
    const inputs = firstIds(3).map((id) => ({ id, properties: { hs_lead_status: 'CONNECTED' } }));
    const reply = await post(sandbox, UPDATE, { inputs });
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('COMPLETE');
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.results).toHaveLength(3);
  });

  it('moves lastmodifieddate to the time of the update', async () => {
    const [id] = firstIds(1);
    clock.advance(3_600_000);
    await post(sandbox, UPDATE, { inputs: [{ id, properties: { city: 'Lisbon' } }] });
    expect(sandbox.store.getContact(id ?? '')?.properties.lastmodifieddate).toBe(clock.now().toISOString());
  });

  it('clears a value given an empty string', async () => {
    const [id] = firstIds(1);
    await post(sandbox, UPDATE, { inputs: [{ id, properties: { state: '' } }] });
    expect(sandbox.store.getContact(id ?? '')?.properties.state).toBeUndefined();
  });
});

describe('batch read', () => {
  it('reads contacts by id with the asked-for properties', async () => {
    const inputs = firstIds(2).map((id) => ({ id }));
    const reply = await post(sandbox, READ, {
      properties: ['email', 'jobtitle'],
      propertiesWithHistory: [],
      inputs,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.results.map((r: { id: string }) => r.id)).toEqual(inputs.map((i) => i.id));
    expect(Object.keys(reply.body.results[0].properties)).toEqual(
      expect.arrayContaining(['email', 'jobtitle', 'hs_object_id']),
    );
  });

  it('reads contacts by email with idProperty, and reports unknown emails in a 207', async () => {
    const [contact] = sandbox.store.listContacts();
    const reply = await post(sandbox, READ, {
      idProperty: 'email',
      properties: ['email'],
      inputs: [{ id: contact?.properties.email }, { id: 'nobody@example.com' }],
    });
    expect(reply.status).toBe(207);
    expect(reply.body.results[0].id).toBe(contact?.id);
    expect(reply.body.errors[0]).toMatchObject({
      category: 'OBJECT_NOT_FOUND',
      context: { ids: ['nobody@example.com'] },
    });
  });

  it('rejects a 101-input batch read with HubSpot’s 400', async () => {
    const reply = await post(sandbox, READ, { inputs: firstIds(101).map((id) => ({ id })) });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe(BATCH_LIMIT_MESSAGE);
  });
});
