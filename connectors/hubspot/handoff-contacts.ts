import type { HubSpotApi } from './hubspot-api.js';
import { describeHubSpotFailure } from './handoff-failure.js';

export const HANDOFF_READ_SIZE = 100;
const ENDPOINT = 'POST /crm/v3/objects/contacts/batch/read';

/** What the handoff needs to know about a contact before acting on it. */
export interface HandoffContact {
  id: string;
  lifecycleStage?: string;
  leadStatus?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  ownerId?: string;
}

export type ContactLookup =
  | { state: 'found'; contact: HandoffContact }
  | { state: 'missing' }
  /** The batch read failed as a whole; `detail` says why, without secrets. */
  | { state: 'unread'; detail: string };

const PROPERTIES = {
  lifecycleStage: 'lifecyclestage',
  leadStatus: 'hs_lead_status',
  firstName: 'firstname',
  lastName: 'lastname',
  email: 'email',
  ownerId: 'hubspot_owner_id',
} as const;

/**
 * Current lifecycle stage, lead status, name, email and owner of each contact, 100 ids per batch read
 * (each id once). An id HubSpot does not know is `missing`; a failed read marks its ids `unread`.
 */
export async function readHandoffContacts(
  api: HubSpotApi,
  ids: string[],
): Promise<Map<string, ContactLookup>> {
  const unique = [...new Set(ids)];
  const lookups = new Map<string, ContactLookup>();
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += HANDOFF_READ_SIZE)
    chunks.push(unique.slice(i, i + HANDOFF_READ_SIZE));
  await Promise.all(
    chunks.map(async (chunk) => {
      try {
        const response = await api.call(ENDPOINT, (c) =>
          c.crm.contacts.batchApi.readWithHttpInfo({
            properties: Object.values(PROPERTIES),
            propertiesWithHistory: [],
            inputs: chunk.map((id) => ({ id })),
          }),
        );
        for (const result of response.results) {
          lookups.set(result.id, { state: 'found', contact: toContact(result.id, result.properties) });
        }
        for (const id of chunk) if (!lookups.has(id)) lookups.set(id, { state: 'missing' });
      } catch (error) {
        const detail = `could not read the contact: ${describeHubSpotFailure(error, ENDPOINT)}`;
        for (const id of chunk) lookups.set(id, { state: 'unread', detail });
      }
    }),
  );
  return lookups;
}

function toContact(id: string, properties: Record<string, string | null>): HandoffContact {
  const contact: HandoffContact = { id };
  for (const [field, name] of Object.entries(PROPERTIES) as [keyof typeof PROPERTIES, string][]) {
    const value = properties[name];
    if (value) contact[field] = value;
  }
  return contact;
}
