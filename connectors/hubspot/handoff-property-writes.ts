import { describeFailure } from '../../src/http/describe-failure.js';
import type { HubSpotApi } from './hubspot-api.js';
import { describeHubSpotFailure } from './handoff-failure.js';

export const HANDOFF_UPDATE_SIZE = 100;
const ENDPOINT = 'POST /crm/v3/objects/contacts/batch/update';

export interface PropertyWrite {
  contactId: string;
  property: string;
  value: string;
}

/** `undefined` = written; a string = why not. Keyed by `writeKey(contactId, property)`. */
export type PropertyWriteResults = Map<string, string | undefined>;

export const writeKey = (contactId: string, property: string): string => `${contactId}\u0000${property}`;

interface Unit {
  id: string;
  properties: Record<string, string>;
}

interface BatchErrorEntry {
  message?: string;
  context?: { ids?: string[] };
}

/**
 * Writes the handoff's contact properties with every property of a contact in one input, 100 contacts per
 * batch update. A 207 names the contacts it could not update. A 400 rejects the whole batch for one bad
 * value, so the batch is halved until the bad contact stands alone, and then its properties are written
 * one by one, so that each action gets its own outcome.
 */
export async function writeHandoffProperties(
  api: HubSpotApi,
  writes: PropertyWrite[],
): Promise<PropertyWriteResults> {
  const units = new Map<string, Unit>();
  for (const w of writes) {
    const unit = units.get(w.contactId) ?? { id: w.contactId, properties: {} };
    unit.properties[w.property] = w.value;
    units.set(w.contactId, unit);
  }
  const all = [...units.values()];
  const results: PropertyWriteResults = new Map();
  const batches: Unit[][] = [];
  for (let i = 0; i < all.length; i += HANDOFF_UPDATE_SIZE)
    batches.push(all.slice(i, i + HANDOFF_UPDATE_SIZE));
  await Promise.all(batches.map((batch) => writeBatch(api, batch, results)));
  return results;
}

async function writeBatch(api: HubSpotApi, batch: Unit[], results: PropertyWriteResults): Promise<void> {
  let response: { errors?: BatchErrorEntry[] };
  try {
    response = (await api.call(ENDPOINT, (c) =>
      c.crm.contacts.batchApi.updateWithHttpInfo({ inputs: batch }),
    )) as { errors?: BatchErrorEntry[] };
  } catch (error) {
    const status = describeFailure(error, {
      requestClass: 'standard',
      endpoint: ENDPOINT,
      attempt: 1,
    }).status;
    if (status === 400 && batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      await writeBatch(api, batch.slice(0, half), results);
      await writeBatch(api, batch.slice(half), results);
      return;
    }
    const only = batch[0];
    if (status === 400 && only && Object.keys(only.properties).length > 1) {
      for (const [property, value] of Object.entries(only.properties)) {
        await writeBatch(api, [{ id: only.id, properties: { [property]: value } }], results);
      }
      return;
    }
    record(results, batch, describeHubSpotFailure(error, ENDPOINT));
    return;
  }
  const failed = new Map<string, string>();
  for (const entry of response.errors ?? []) {
    for (const id of entry.context?.ids ?? []) failed.set(id, entry.message ?? 'not updated by HubSpot');
  }
  for (const unit of batch) record(results, [unit], failed.get(unit.id));
}

function record(results: PropertyWriteResults, units: Unit[], failure: string | undefined): void {
  for (const unit of units) {
    for (const property of Object.keys(unit.properties)) results.set(writeKey(unit.id, property), failure);
  }
}
