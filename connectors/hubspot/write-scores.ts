import type { ScoreUpdate, WriteResult } from '../../src/connector/crm-adapter.js';
import type { Mapping } from '../../src/mapping/mapping-schema.js';
import { scoreValuesToProperties } from '../../src/mapping/score-properties.js';
import type { HubSpotApi } from './hubspot-api.js';
import { updateContacts } from './update-contacts.js';

/** Writes exactly the score properties; per-record failures come back with HubSpot's reason. */
export async function writeScores(
  api: HubSpotApi,
  mapping: Mapping,
  updates: ScoreUpdate[],
): Promise<WriteResult> {
  const failures = await updateContacts(
    api,
    updates.map((u) => ({ id: u.ref.id, properties: scoreValuesToProperties(mapping, u.values) })),
  );
  const result: WriteResult = { written: [], failed: [] };
  for (const update of updates) {
    const failure = failures.get(update.ref.id);
    if (failure) result.failed.push({ ref: update.ref, reason: failure.reason, code: failure.category });
    else result.written.push(update.ref);
  }
  return result;
}
