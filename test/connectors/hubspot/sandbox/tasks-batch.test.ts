import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { HubSpotSandbox } from '../../../../connectors/hubspot/sandbox/index.js';
import { fakeClock, post, propertyProblems, start } from './sandbox-fixture.js';

const clock = fakeClock();
let sandbox: HubSpotSandbox;
const CREATE = '/crm/v3/objects/tasks/batch/create';
const BATCH_LIMIT_MESSAGE =
  'The maximum number of inputs supported in a batch is 100. Please reduce the number of items and try again';

beforeAll(async () => {
  sandbox = await start({ contacts: 120, now: clock.now, limits: { perTenSeconds: 1000 } });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.resetStats());

/** A valid task input for the i-th seeded contact (task → contact, type 204). */
function input(i: number, over: { properties?: Record<string, string>; objectWriteTraceId?: string } = {}) {
  const contact = sandbox.store.listContacts()[i];
  if (!contact) throw new Error(`no seeded contact ${i}`);
  return {
    properties: {
      hs_task_subject: `Call contact ${contact.id}`,
      hs_task_body: `body ${i}`,
      hs_timestamp: '2026-06-16T09:00:00.000Z',
      hs_task_priority: 'HIGH',
      ...over.properties,
    },
    associations: [
      { to: { id: contact.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 204 }] },
    ],
    ...(over.objectWriteTraceId === undefined ? {} : { objectWriteTraceId: over.objectWriteTraceId }),
  };
}

const tasksWithBody = (body: string) =>
  sandbox.store.listTasks().filter((t) => t.properties.hs_task_body === body);

describe('POST /crm/v3/objects/tasks/batch/create', () => {
  it('creates every task with its association: 201 with a batch response, one call counted', async () => {
    const inputs = [input(0), input(1)];
    const reply = await post(sandbox, CREATE, { inputs });

    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      status: 'COMPLETE',
      results: inputs.map((i) =>
        expect.objectContaining({
          id: expect.any(String),
          properties: expect.objectContaining(i.properties),
        }),
      ),
      startedAt: expect.any(String),
      completedAt: expect.any(String),
    });
    for (const i of inputs) {
      expect(tasksWithBody(i.properties.hs_task_body)).toEqual([
        expect.objectContaining({ contactIds: [i.associations[0]!.to.id] }),
      ]);
    }
    expect(sandbox.stats().calls).toEqual({ [`POST ${CREATE}`]: 1 });
  });

  it('rejects 101 inputs with HubSpot’s 400 and creates nothing', async () => {
    const before = sandbox.store.listTasks().length;
    const inputs = Array.from({ length: 101 }, (_, i) => input(i, { properties: { hs_task_body: 'over' } }));
    const reply = await post(sandbox, CREATE, { inputs });

    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      status: 'error',
      message: BATCH_LIMIT_MESSAGE,
      correlationId: expect.any(String),
      category: 'VALIDATION_ERROR',
    });
    expect(sandbox.store.listTasks()).toHaveLength(before);
  });

  it('with a trace id per input, answers 207: the valid inputs are created, the invalid one is named by its trace id', async () => {
    const good = input(2, { objectWriteTraceId: 'trace-good', properties: { hs_task_body: 'good 207' } });
    const bad = input(3, {
      objectWriteTraceId: 'trace-bad',
      properties: { hs_task_body: 'bad 207', hs_task_priority: 'URGENT' },
    });
    const reply = await post(sandbox, CREATE, { inputs: [good, bad] });

    expect(reply.status).toBe(207);
    expect(reply.body).toMatchObject({
      status: 'COMPLETE',
      results: [expect.objectContaining({ properties: expect.objectContaining(good.properties) })],
      numErrors: 1,
      errors: [
        {
          status: 'error',
          category: 'VALIDATION_ERROR',
          message: expect.stringMatching(/^Property values were not valid: /),
          context: { objectWriteTraceId: ['trace-bad'] },
        },
      ],
    });
    expect(propertyProblems(reply.body.errors[0].message)).toEqual([
      expect.objectContaining({ error: 'INVALID_OPTION', name: 'hs_task_priority' }),
    ]);
    expect(tasksWithBody('good 207')).toHaveLength(1);
    expect(tasksWithBody('bad 207')).toEqual([]);
  });

  it('without trace ids, one invalid input refuses the whole batch with its 400', async () => {
    const good = input(4, { properties: { hs_task_body: 'good 400' } });
    const bad = input(5, { properties: { hs_task_body: 'bad 400', hs_task_priority: 'URGENT' } });
    const reply = await post(sandbox, CREATE, { inputs: [good, bad] });

    expect(reply.status).toBe(400);
    expect(reply.body.category).toBe('VALIDATION_ERROR');
    expect(tasksWithBody('good 400')).toEqual([]);
  });

  it('names an association to a contact that does not exist among the 207 errors', async () => {
    const ghost = input(6, { objectWriteTraceId: 'trace-ghost', properties: { hs_task_body: 'ghost' } });
    ghost.associations[0]!.to.id = '999999999';
    const reply = await post(sandbox, CREATE, { inputs: [ghost] });

    expect(reply.status).toBe(207);
    expect(reply.body.results).toEqual([]);
    expect(reply.body.errors).toEqual([
      expect.objectContaining({
        category: 'VALIDATION_ERROR',
        message: expect.stringContaining('Invalid association to 999999999'),
        context: { objectWriteTraceId: ['trace-ghost'] },
      }),
    ]);
    expect(tasksWithBody('ghost')).toEqual([]);
  });
});
