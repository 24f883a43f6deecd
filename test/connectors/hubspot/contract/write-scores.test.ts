import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { Mapping } from '../../../../src/mapping/mapping-schema.js';
import {
  BASE_URL,
  RequestLog,
  buildAdapter,
  fixture,
  guardNetwork,
  loadHubSpotMapping,
  scorePropertyNames,
  scoreUpdate,
  type Json,
  type Sent,
} from './contract-harness.js';

guardNetwork({ beforeAll, afterEach, afterAll });

const BATCH_UPDATE = '/crm/v3/objects/contacts/batch/update';

let mapping: Mapping;
beforeAll(async () => {
  mapping = await loadHubSpotMapping();
});

/** A 200 for a batch update, shaped like contacts-batch-update-200.json, with one result per input. */
function updated(request: Sent): [number, Json] {
  const body = fixture('contacts-batch-update-200.json');
  const [template] = body.results;
  body.results = request.body.inputs.map((input: { id: string; properties: Record<string, string> }) => ({
    ...template,
    id: input.id,
    properties: { ...input.properties, hs_object_id: input.id, hs_lastmodifieddate: template.updatedAt },
  }));
  return [200, body];
}

const ids = (request: Sent): string[] => request.body.inputs.map((input: { id: string }) => input.id);

describe('write: POST /crm/v3/objects/contacts/batch/update', () => {
  it('sends exactly the score properties of mappings/hubspot.yaml, at most 100 contacts a call', async () => {
    const updates = Array.from({ length: 150 }, (_, i) =>
      scoreUpdate(String(1000 + i), i % 2 === 0 ? { predictive: 61.5 } : {}),
    );
    const log = new RequestLog();
    const scope = nock(BASE_URL).post(BATCH_UPDATE).times(2).reply(log.reply(updated));

    const { adapter } = buildAdapter(mapping);
    const result = await adapter.write(updates);
    scope.done();

    expect(log.sent.map((s) => s.body.inputs.length)).toEqual([100, 50]);
    expect(log.sent.flatMap(ids)).toEqual(updates.map((u) => u.ref.id));
    const names = scorePropertyNames(mapping);
    const withoutPredictive = names.filter((n) => n !== mapping.scoreProperties.predictive);
    for (const request of log.sent) {
      expect(Object.keys(request.body)).toEqual(['inputs']);
      for (const input of request.body.inputs) {
        expect(Object.keys(input).sort()).toEqual(['id', 'properties']);
        const hasPredictive = Number(input.id) % 2 === 0;
        expect(Object.keys(input.properties).sort()).toEqual(
          (hasPredictive ? names : withoutPredictive).sort(),
        );
      }
    }
    expect(log.sent[0]!.body.inputs[0].properties).toEqual({
      leadscore_score: '72',
      leadscore_fit: '40',
      leadscore_engagement: '32',
      leadscore_grade: 'A',
      leadscore_mql_status: 'mql',
      leadscore_reasons: '+25 VP title; +15 software',
      leadscore_model: 'default@3',
      leadscore_scored_at: '2026-06-15T12:00:00.000Z',
      leadscore_predictive: '61.5',
    });
    expect(result.failed).toEqual([]);
    expect(result.written).toEqual(updates.map((u) => u.ref));
  });

  it('a 207 naming one id: that record failed with HubSpot’s message and category, the rest written', async () => {
    const updates = ['101', '102', '103'].map((id) => scoreUpdate(id));
    const multiStatus = fixture('contacts-batch-update-207.json');
    const log = new RequestLog();
    const scope = nock(BASE_URL)
      .post(BATCH_UPDATE)
      .reply(log.reply(() => [207, multiStatus]));

    const { adapter } = buildAdapter(mapping);
    const result = await adapter.write(updates);
    scope.done();

    expect(log.sent).toHaveLength(1);
    expect(result.written).toEqual([updates[0]!.ref, updates[2]!.ref]);
    expect(result.failed).toEqual([
      { ref: updates[1]!.ref, reason: multiStatus.errors[0].message, code: 'OBJECT_NOT_FOUND' },
    ]);
  });

  it('a 400 VALIDATION_ERROR for the batch: halved until the bad record stands alone, the others written', async () => {
    // HubSpot rejects the whole batch for one bad value: here record 103's status option.
    const updates = [
      scoreUpdate('101'),
      scoreUpdate('102'),
      scoreUpdate('103', { status: 'disqualified' }),
      scoreUpdate('104'),
    ];
    const invalid = fixture('error-400-validation.json');
    const log = new RequestLog();
    const scope = nock(BASE_URL)
      .post(BATCH_UPDATE)
      .times(5)
      .reply(log.reply((request) => (ids(request).includes('103') ? [400, invalid] : updated(request))));

    const { adapter } = buildAdapter(mapping);
    const result = await adapter.write(updates);
    scope.done();

    expect(log.sent.map(ids)).toEqual([
      ['101', '102', '103', '104'],
      ['101', '102'],
      ['103', '104'],
      ['103'],
      ['104'],
    ]);
    expect(result.written).toEqual(
      ['101', '102', '104'].map((id) => updates.find((u) => u.ref.id === id)!.ref),
    );
    expect(result.failed).toEqual([
      { ref: updates[2]!.ref, reason: invalid.message, code: 'VALIDATION_ERROR' },
    ]);
  });
});
