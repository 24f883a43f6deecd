import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { hubSpotPolicy } from '../../../../connectors/hubspot/hubspot-policy.js';
import type { Mapping } from '../../../../src/mapping/mapping-schema.js';
import {
  BASE_URL,
  RequestLog,
  fixture,
  guardNetwork,
  loadHubSpotMapping,
  onFakeClock,
  type Json,
} from './contract-harness.js';
import {
  ASSOCIATIONS,
  CREATE,
  TASKS_READ,
  contactsOf,
  createdFor,
  handoff,
  outcomesOf,
  readAdaAndGrace,
  request,
} from './handoff-tasks-harness.js';

guardNetwork({ beforeAll, afterEach, afterAll });

/** A connection dropped before the answer (node-fetch reports it with the socket's code). */
const dropped = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

let mapping: Mapping;
beforeAll(async () => {
  mapping = await loadHubSpotMapping();
});

describe('owner tasks whose batch create may or may not have been carried out', () => {
  it('a 201 that names no task for an input: it is looked for, and sent again when HubSpot has none', async () => {
    const log = new RequestLog();
    const scope = readAdaAndGrace(nock(BASE_URL))
      .post(CREATE)
      .reply(log.reply(() => [201, { ...fixture('tasks-batch-create-201.json'), results: [] }]))
      .post(ASSOCIATIONS)
      .reply(200, fixture('associations-contacts-tasks-batch-read.json'))
      .post(TASKS_READ)
      .reply(200, fixture('tasks-batch-read.json'))
      .post(CREATE)
      .reply(log.reply(() => createdFor('102')));

    const results = await handoff(mapping, [request('101'), request('102')]);
    scope.done();

    expect(log.to('POST', CREATE).map(contactsOf)).toEqual([['101', '102'], ['102']]);
    expect(outcomesOf(results).map((o) => o?.ok)).toEqual([true, true]);
  });

  it('a dropped connection: the tasks HubSpot did create are found and not sent again; the others are, in a new batch', async () => {
    const log = new RequestLog();
    const scope = readAdaAndGrace(nock(BASE_URL))
      .post(CREATE)
      .replyWithError(dropped())
      .post(ASSOCIATIONS)
      .reply(200, fixture('associations-contacts-tasks-batch-read.json'))
      .post(TASKS_READ)
      .reply(200, fixture('tasks-batch-read.json'))
      .post(CREATE)
      .reply(log.reply(() => createdFor('102')));

    const results = await handoff(mapping, [request('101'), request('102')]);
    scope.done();

    expect(log.to('POST', CREATE).map(contactsOf)).toEqual([['102']]);
    expect(outcomesOf(results)).toEqual([
      {
        action: 'owner_task',
        ok: true,
        detail: expect.stringMatching(
          /^task 58231906 created .* \(found after: no answer from HubSpot \(ECONNRESET\)\)$/,
        ),
      },
      {
        action: 'owner_task',
        ok: true,
        detail: expect.stringMatching(/^task 58231907 created for owner 70000003/),
      },
    ]);
  });

  it('a dropped connection and a lookup that fails too: every task of the batch is uncertain, none is sent again', async () => {
    const scope = readAdaAndGrace(nock(BASE_URL))
      .post(CREATE)
      .replyWithError(dropped())
      .post(ASSOCIATIONS)
      .times(hubSpotPolicy().backoff.maxAttempts)
      .replyWithError(dropped());

    const results = await onFakeClock(() => handoff(mapping, [request('101'), request('102')]));
    scope.done();

    const uncertain = {
      action: 'owner_task',
      ok: false,
      uncertain: true,
      detail: expect.stringMatching(
        /^task may not have been created: no answer from HubSpot \(ECONNRESET\); could not check whether HubSpot created it \(/,
      ),
    };
    expect(outcomesOf(results)).toEqual([uncertain, uncertain]);
  });

  it('400 for the whole batch: halved until the refused input stands alone; the other is created', async () => {
    const log = new RequestLog();
    const refuse = () => [400, fixture('error-400-validation.json')] as [number, Json];
    const scope = readAdaAndGrace(nock(BASE_URL))
      .post(CREATE)
      .reply(log.reply(refuse))
      .post(CREATE)
      .reply(log.reply(() => createdFor('101')))
      .post(CREATE)
      .reply(log.reply(refuse));

    const results = await handoff(mapping, [request('101'), request('102')]);
    scope.done();

    expect(log.to('POST', CREATE).map(contactsOf)).toEqual([['101', '102'], ['101'], ['102']]);
    expect(outcomesOf(results)).toEqual([
      { action: 'owner_task', ok: true, detail: expect.stringMatching(/^task 58231906 created/) },
      {
        action: 'owner_task',
        ok: false,
        detail: expect.stringMatching(
          /^task not created: HubSpot answered 400 VALIDATION_ERROR: Property values were not valid/,
        ),
      },
    ]);
  });
});
