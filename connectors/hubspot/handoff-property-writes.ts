import type { HubSpotApi } from './hubspot-api.js';
import { describeHubSpotFailure } from './handoff-failure.js';
import { updateContacts } from './update-contacts.js';
import type { ContactInput } from './update-contacts.js';

const ENDPOINT = 'POST /crm/v3/objects/contacts/batch/update';

export interface PropertyWrite {
  contactId: string;
  property: string;
  value: string;
}

/** `undefined` = written; a string = why not. Keyed by `writeKey(contactId, property)`. */
export type PropertyWriteResults = Map<string, string | undefined>;

export const writeKey = (contactId: string, property: string): string => `${contactId}\u0000${property}`;

/**
 * Writes the handoff's contact properties with every property of a contact in one input (100 contacts
 * per batch update, through updateContacts). A contact HubSpot rejects with a 400 then has its
 * properties written one by one, so that each action gets its own outcome.
 */
export async function writeHandoffProperties(
  api: HubSpotApi,
  writes: PropertyWrite[],
): Promise<PropertyWriteResults> {
  const byContact = new Map<string, Record<string, string>>();
  for (const w of writes)
    byContact.set(w.contactId, { ...byContact.get(w.contactId), [w.property]: w.value });
  const describe = (error: unknown) => describeHubSpotFailure(error, ENDPOINT);
  const inputs = [...byContact].map(([id, properties]) => ({ id, properties }));
  const failures = await updateContacts(api, inputs, describe);

  const results: PropertyWriteResults = new Map();
  const retryOneByOne: ContactInput[] = [];
  for (const { id, properties } of inputs) {
    const failure = failures.get(id);
    const names = Object.keys(properties);
    if (failure?.status === 400 && names.length > 1) {
      for (const property of names)
        retryOneByOne.push({ id, properties: { [property]: properties[property]! } });
    } else for (const property of names) results.set(writeKey(id, property), failure?.reason);
  }
  for (const input of retryOneByOne) {
    const failure = (await updateContacts(api, [input], describe)).get(input.id);
    for (const property of Object.keys(input.properties))
      results.set(writeKey(input.id, property), failure?.reason);
  }
  return results;
}
