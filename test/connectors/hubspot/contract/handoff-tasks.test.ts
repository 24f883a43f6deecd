import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { Mapping } from '../../../../src/mapping/mapping-schema.js';
import {
  BASE_URL,
  RequestLog,
  fixture,
  guardNetwork,
  loadHubSpotMapping,
  type Json,
  type Sent,
} from './contract-harness.js';
import {
  CONTACTS_READ,
  CREATE,
  REASONS,
  contactOf,
  contactsOf,
  handoff,
  keyOf,
  outcomesOf,
  readAdaAndGrace,
  request,
} from './handoff-tasks-harness.js';

guardNetwork({ beforeAll, afterEach, afterAll });

let mapping: Mapping;
beforeAll(async () => {
  mapping = await loadHubSpotMapping();
});

/** A batch read answer for any ids, each result shaped like the fixture's first. */
function readAny(sent: Sent): [number, Json] {
  const body = fixture('contacts-batch-read.json');
  const [template] = body.results;
  body.results = sent.body.inputs.map(({ id }: { id: string }) => ({
    ...template,
    id,
    properties: { ...template.properties, hs_object_id: id },
  }));
  return [200, body];
}

/** A 201 shaped like tasks-batch-create-201.json with a task per input, in reverse order, echoing it. */
function createdInReverse(sent: Sent): [number, Json] {
  const body = fixture('tasks-batch-create-201.json');
  const [template] = body.results;
  body.results = sent.body.inputs
    .map((input: Json, i: number) => ({
      ...template,
      id: String(70_000 + i),
      properties: { ...template.properties, ...input.properties, hs_object_id: String(70_000 + i) },
    }))
    .reverse();
  return [201, body];
}

describe('owner tasks: POST /crm/v3/objects/tasks/batch/create', () => {
  it('sends 150 tasks as batches of 100 and 50, each input with its properties, its contact and a trace id', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => String(1000 + i));
    const log = new RequestLog();
    const scope = nock(BASE_URL)
      .post(CONTACTS_READ)
      .times(2)
      .reply(log.reply(readAny))
      .post(CREATE)
      .times(2)
      .reply(log.reply(createdInReverse));

    const results = await handoff(mapping, ids.map(request));
    scope.done();

    const creates = log.to('POST', CREATE);
    expect(creates.map((s) => s.body.inputs.length).sort()).toEqual([100, 50].sort());
    expect(creates.flatMap(contactsOf).sort()).toEqual([...ids].sort());
    for (const sent of creates) {
      expect(Object.keys(sent.body)).toEqual(['inputs']);
      const traceIds = sent.body.inputs.map((input: Json) => input.objectWriteTraceId);
      expect(new Set(traceIds).size).toBe(sent.body.inputs.length);
      for (const input of sent.body.inputs) {
        expect(Object.keys(input).sort()).toEqual(['associations', 'objectWriteTraceId', 'properties']);
        expect(input.associations).toEqual([
          {
            to: { id: contactOf(input) },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 204 }],
          },
        ]);
        expect(input.properties).toMatchObject({
          hs_task_subject: expect.stringMatching(/^MQL: .+ scored 87$/),
          hs_task_body: `${REASONS}\n\nleadscore transition ${keyOf(contactOf(input))}`,
          hs_task_status: 'NOT_STARTED',
          hs_task_priority: 'HIGH',
          hubspot_owner_id: '70000003',
        });
      }
    }
    expect(outcomesOf(results).every((o) => o?.ok)).toBe(true);
  });

  it('201 with the results in another order than the inputs: each transition gets the task whose body names it', async () => {
    const scope = readAdaAndGrace(nock(BASE_URL))
      .post(CREATE)
      .reply(201, fixture('tasks-batch-create-201.json'));

    const results = await handoff(mapping, [request('101'), request('102')]);
    scope.done();

    expect(outcomesOf(results)).toEqual([
      {
        action: 'owner_task',
        ok: true,
        detail: expect.stringMatching(/^task 58231906 created for owner 70000003, due /),
      },
      {
        action: 'owner_task',
        ok: true,
        detail: expect.stringMatching(/^task 58231907 created for owner 70000003, due /),
      },
    ]);
  });

  it("a result carrying its input's objectWriteTraceId is matched by it, without its body", async () => {
    const scope = readAdaAndGrace(nock(BASE_URL))
      .post(CREATE)
      .reply((_uri, body) => {
        const [ada, grace] = (body as Json).inputs;
        const answer = fixture('tasks-batch-create-201.json');
        answer.results[0].objectWriteTraceId = ada.objectWriteTraceId;
        answer.results[1].objectWriteTraceId = grace.objectWriteTraceId;
        for (const result of answer.results) delete result.properties.hs_task_body;
        return [201, answer];
      });

    const results = await handoff(mapping, [request('101'), request('102')]);
    scope.done();

    expect(outcomesOf(results).map((o) => o?.detail.split(' ')[1])).toEqual(['58231907', '58231906']);
  });

  it("207 naming one input's trace id: that transition fails with HubSpot's message, the other is created", async () => {
    const log = new RequestLog();
    const scope = readAdaAndGrace(nock(BASE_URL))
      .post(CREATE)
      .reply(
        log.reply((sent) => {
          const body = fixture('tasks-batch-create-207.json');
          const grace = sent.body.inputs.find((input: Json) => contactOf(input) === '102');
          body.errors[0].context.objectWriteTraceId = [grace.objectWriteTraceId];
          return [207, body];
        }),
      );

    const results = await handoff(mapping, [request('101'), request('102')]);
    scope.done();

    expect(outcomesOf(results)).toEqual([
      { action: 'owner_task', ok: true, detail: expect.stringMatching(/^task 58231906 created/) },
      {
        action: 'owner_task',
        ok: false,
        detail: expect.stringMatching(
          /^task not created: HubSpot answered 207 VALIDATION_ERROR: Property values were not valid: .*"name":"hubspot_owner_id"/,
        ),
      },
    ]);
  });
});
