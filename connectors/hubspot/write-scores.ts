import type { RecordFailure, ScoreUpdate, WriteResult } from '../../src/connector/crm-adapter.js';
import { describeFailure } from '../../src/http/describe-failure.js';
import type { Mapping } from '../../src/mapping/mapping-schema.js';
import { scoreValuesToProperties } from '../../src/mapping/score-properties.js';
import type { HubSpotApi } from './hubspot-api.js';

export const BATCH_UPDATE_SIZE = 100;

interface HubSpotError {
  category?: string;
  message?: string;
  context?: { ids?: string[] };
}

/**
 * Writes exactly the score properties, 100 contacts per batch update. A 207 names the records it
 * could not update; a 400 rejects the whole batch for one bad record, so the batch is halved until
 * the bad records stand alone and the rest are written. Nothing fails silently.
 */
export async function writeScores(
  api: HubSpotApi,
  mapping: Mapping,
  updates: ScoreUpdate[],
): Promise<WriteResult> {
  const result: WriteResult = { written: [], failed: [] };
  for (let i = 0; i < updates.length; i += BATCH_UPDATE_SIZE) {
    await writeBatch(api, mapping, updates.slice(i, i + BATCH_UPDATE_SIZE), result);
  }
  return result;
}

async function writeBatch(
  api: HubSpotApi,
  mapping: Mapping,
  batch: ScoreUpdate[],
  result: WriteResult,
): Promise<void> {
  const inputs = batch.map((u) => ({ id: u.ref.id, properties: scoreValuesToProperties(mapping, u.values) }));
  let response: { errors?: HubSpotError[] };
  try {
    response = (await api.call('POST /crm/v3/objects/contacts/batch/update', (c) =>
      c.crm.contacts.batchApi.updateWithHttpInfo({ inputs }),
    )) as { errors?: HubSpotError[] };
  } catch (error) {
    const failure = describeFailure(error, {
      requestClass: 'standard',
      endpoint: 'POST /crm/v3/objects/contacts/batch/update',
      attempt: 1,
    });
    if (failure.status !== 400) throw error;
    if (batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      await writeBatch(api, mapping, batch.slice(0, half), result);
      await writeBatch(api, mapping, batch.slice(half), result);
      return;
    }
    const body = (failure.body ?? {}) as HubSpotError;
    result.failed.push({
      ref: batch[0]!.ref,
      reason: body.message ?? 'rejected by HubSpot (400)',
      code: body.category,
    });
    return;
  }
  const failedIds = new Map<string, RecordFailure['reason'] | undefined>();
  const codes = new Map<string, string | undefined>();
  for (const error of response.errors ?? []) {
    for (const id of error.context?.ids ?? []) {
      failedIds.set(id, error.message);
      codes.set(id, error.category);
    }
  }
  for (const update of batch) {
    if (failedIds.has(update.ref.id)) {
      result.failed.push({
        ref: update.ref,
        reason: failedIds.get(update.ref.id) ?? 'not updated by HubSpot',
        code: codes.get(update.ref.id),
      });
    } else result.written.push(update.ref);
  }
}
