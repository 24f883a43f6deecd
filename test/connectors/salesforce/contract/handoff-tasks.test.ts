import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import {
  COLLECTIONS,
  INSTANCE,
  LEAD_A,
  LEAD_B,
  LEAD_C,
  OWNER,
  QUERY,
  REASONS,
  RequestLog,
  guardNetwork,
  handoff,
  keyOf,
  outcomesOf,
  queryResult,
  readLeads,
  request,
} from './handoff-harness.js';

guardNetwork({ beforeAll, afterEach, afterAll });

const [TASK_A, TASK_B, TASK_C] = ['00T5g00000XyZaAEAV', '00T5g00000XyZbAEAV', '00T5g00000XyZcAEAV'];
const created = (id: string) => ({ id, success: true, errors: [] });
/** A dropped connection (node-fetch reports it with the socket's code). */
const dropped = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const whoIdsOf = (body: { records: { WhoId: string }[] }) => body.records.map((r) => r.WhoId);
/** The Tasks of the leads that carry a transition line, as the lookup query answers them. */
const tasksFound = (...leads: [task: string, lead: string][]) =>
  queryResult(
    'Task',
    leads.map(([Id, WhoId]) => ({
      Id,
      WhoId,
      Description: `${REASONS}\n\nleadscore transition ${keyOf(WhoId)}`,
    })),
  );

describe('owner tasks through sObject Collections', () => {
  it('sends one create of Tasks and reads each outcome from the SaveResult at its position', async () => {
    const log = new RequestLog();
    const scope = readLeads(nock(INSTANCE), LEAD_A, LEAD_B, LEAD_C)
      .post(COLLECTIONS)
      .reply(
        log.reply(200, [
          created(TASK_A),
          {
            success: false,
            errors: [
              {
                statusCode: 'FIELD_INTEGRITY_EXCEPTION',
                message: 'Assigned To ID: owner cannot be blank',
                fields: ['OwnerId'],
              },
            ],
          },
          created(TASK_C),
        ]),
      );

    const results = await handoff(
      { owner_task: {} },
      [LEAD_A, LEAD_B, LEAD_C].map((id) => request(id, ['owner_task'])),
    );
    scope.done();

    const [create] = log.to('POST', COLLECTIONS);
    expect(create?.body.allOrNone).toBe(false);
    expect(create?.body.records[0]).toEqual({
      attributes: { type: 'Task' },
      WhoId: LEAD_A,
      OwnerId: OWNER,
      Subject: `MQL: Ada Lovelace ${LEAD_A.slice(-4)} scored 87`,
      Description: `${REASONS}\n\nleadscore transition ${keyOf(LEAD_A)}`,
      ActivityDate: '2026-06-16',
      Priority: 'High',
      Status: 'Not Started',
    });
    expect(outcomesOf(results)).toEqual([
      { action: 'owner_task', ok: true, detail: `task ${TASK_A} created for owner ${OWNER}, due 2026-06-16` },
      {
        action: 'owner_task',
        ok: false,
        detail:
          'task not created: FIELD_INTEGRITY_EXCEPTION: Assigned To ID: owner cannot be blank (OwnerId)',
      },
      { action: 'owner_task', ok: true, detail: `task ${TASK_C} created for owner ${OWNER}, due 2026-06-16` },
    ]);
  });

  it('after a dropped connection, the tasks Salesforce did create are found and not sent again; the others are', async () => {
    const log = new RequestLog();
    const scope = readLeads(nock(INSTANCE), LEAD_A, LEAD_B)
      .post(COLLECTIONS)
      .replyWithError(dropped())
      .get(QUERY)
      .query(true)
      .reply(log.reply(200, tasksFound([TASK_A, LEAD_A])))
      .post(COLLECTIONS)
      .reply(log.reply(200, [created(TASK_B)]));

    const results = await handoff({ owner_task: {} }, [
      request(LEAD_A, ['owner_task']),
      request(LEAD_B, ['owner_task']),
    ]);
    scope.done();

    expect(log.to('POST', COLLECTIONS).map((s) => whoIdsOf(s.body))).toEqual([[LEAD_B]]);
    expect(log.queries()).toEqual([
      `SELECT Id, WhoId, Description FROM Task WHERE WhoId IN ('${LEAD_A}','${LEAD_B}')`,
    ]);
    expect(outcomesOf(results).map((o) => [o.ok, o.detail])).toEqual([
      [
        true,
        `task ${TASK_A} created for owner ${OWNER}, due 2026-06-16 (found after: no answer from Salesforce (ECONNRESET))`,
      ],
      [true, `task ${TASK_B} created for owner ${OWNER}, due 2026-06-16`],
    ]);
  });

  it('is uncertain when the answer was lost and the lookup fails too: nothing is sent again', async () => {
    const scope = readLeads(nock(INSTANCE), LEAD_A)
      .post(COLLECTIONS)
      .replyWithError(dropped())
      .get(QUERY)
      .query(true)
      .reply(400, [{ errorCode: 'INVALID_TYPE', message: "sObject type 'Task' is not supported." }]);

    const [result] = await handoff({ owner_task: {} }, [request(LEAD_A, ['owner_task'])]);
    scope.done();

    expect(result?.outcomes).toEqual([
      {
        action: 'owner_task',
        ok: false,
        uncertain: true,
        detail:
          "task may not have been created: no answer from Salesforce (ECONNRESET); could not check whether Salesforce created it (Salesforce answered INVALID_TYPE: sObject type 'Task' is not supported.)",
      },
    ]);
  });

  it('an unconfirmed task is looked for first: one that exists is not created again', async () => {
    const log = new RequestLog();
    const scope = readLeads(nock(INSTANCE), LEAD_A, LEAD_B)
      .get(QUERY)
      .query(true)
      .reply(log.reply(200, tasksFound([TASK_A, LEAD_A])))
      .post(COLLECTIONS)
      .reply(log.reply(200, [created(TASK_B)]));

    const results = await handoff({ owner_task: {} }, [
      request(LEAD_A, ['owner_task'], ['owner_task']),
      request(LEAD_B, ['owner_task'], ['owner_task']),
    ]);
    scope.done();

    expect(log.to('POST', COLLECTIONS).map((s) => whoIdsOf(s.body))).toEqual([[LEAD_B]]);
    expect(outcomesOf(results).map((o) => o.detail)).toEqual([
      `task already created by an earlier attempt (task ${TASK_A})`,
      `task ${TASK_B} created for owner ${OWNER}, due 2026-06-16`,
    ]);
  });

  it('a refusal of the whole create fails its tasks without a lookup', async () => {
    const scope = readLeads(nock(INSTANCE), LEAD_A)
      .post(COLLECTIONS)
      .reply(400, [{ errorCode: 'JSON_PARSER_ERROR', message: 'Unexpected character' }]);

    const [result] = await handoff({ owner_task: {} }, [request(LEAD_A, ['owner_task'])]);
    scope.done();

    expect(result?.outcomes).toEqual([
      {
        action: 'owner_task',
        ok: false,
        detail: 'task not created: Salesforce answered JSON_PARSER_ERROR: Unexpected character',
      },
    ]);
  });
});
