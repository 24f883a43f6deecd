import type { RecordFailure, ScoreUpdate, WriteResult } from '../../src/connector/crm-adapter.js';
import { ConnectorRequestError } from '../../src/connector/connector-errors.js';
import type { Mapping } from '../../src/mapping/mapping-schema.js';
import { scoreValuesToProperties } from '../../src/mapping/score-properties.js';
import { bulkWriteScores, type BulkWriteOptions } from './bulk-write.js';
import type { SalesforceApi } from './salesforce-api.js';

/** sObject Collections takes at most 200 records per call. */
export const COLLECTION_SIZE = 200;
/** Score writes never trigger the org's lead assignment rules. */
export const SCORE_WRITE_HEADERS = { 'Sforce-Auto-Assign': 'FALSE' } as const;
const NUMBER_KEYS = ['score', 'fit', 'engagement', 'predictive'] as const;

/** Bulk API 2.0 for writes of at least `threshold` updates (bulk-write.ts); collections below it. */
export interface BulkRouting extends BulkWriteOptions {
  threshold: number;
}

/**
 * Writes exactly the mapped score fields, 200 records per collection update, `allOrNone: false`, so one
 * rejected record does not hold back the others; its statusCode and message come back in `failed`.
 * With `bulk`, a write of at least `bulk.threshold` updates goes as Bulk API 2.0 jobs instead.
 */
export async function writeScores(
  api: SalesforceApi,
  mapping: Mapping,
  updates: ScoreUpdate[],
  bulk?: BulkRouting,
): Promise<WriteResult> {
  if (bulk && updates.length > 0 && updates.length >= bulk.threshold) {
    return bulkWriteScores(api, mapping, updates, bulk);
  }
  const result: WriteResult = { written: [], failed: [] };
  for (let i = 0; i < updates.length; i += COLLECTION_SIZE) {
    const chunk = updates.slice(i, i + COLLECTION_SIZE);
    const records = chunk.map((u) => ({
      // A page mixes Leads and Contacts; sObject Collections takes both in one call.
      attributes: { type: u.ref.object },
      Id: u.ref.id,
      ...scoreFields(mapping, u),
    }));
    const saved = await api.updateCollection(records, SCORE_WRITE_HEADERS);
    if (!Array.isArray(saved) || saved.length !== chunk.length) {
      throw new ConnectorRequestError(
        'salesforce',
        'PATCH /composite/sobjects',
        200,
        undefined,
        `expected ${chunk.length} save results, got ${Array.isArray(saved) ? saved.length : typeof saved}`,
      );
    }
    chunk.forEach((update, index) => {
      const outcome = saved[index]!;
      if (outcome.success) result.written.push(update.ref);
      else result.failed.push(failureOf(update, outcome.errors));
    });
  }
  return result;
}

/** The mapping's score fields with Salesforce JSON types: numbers as numbers, the rest as text. */
function scoreFields(mapping: Mapping, update: ScoreUpdate): Record<string, string | number> {
  const fields: Record<string, string | number> = scoreValuesToProperties(mapping, update.values);
  for (const key of NUMBER_KEYS) {
    const name = mapping.scoreProperties[key];
    const value = name === undefined ? undefined : fields[name];
    if (name !== undefined && typeof value === 'string') fields[name] = Number(value);
  }
  return fields;
}

function failureOf(
  update: ScoreUpdate,
  errors: { statusCode: string; message: string; fields?: string[] }[],
): RecordFailure {
  const first = errors[0];
  if (first === undefined) return { ref: update.ref, reason: 'Salesforce did not save the record' };
  const reason = errors.map((e) => (e.fields?.length ? `${e.message} (${e.fields.join(', ')})` : e.message));
  return { ref: update.ref, reason: reason.join('; '), code: first.statusCode };
}
