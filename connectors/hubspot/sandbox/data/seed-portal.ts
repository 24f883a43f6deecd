import { createPrng } from '../../../sandbox-kit/prng.js';
import type { CrmStore } from './crm-store.js';
import { seedContact } from './seed-contacts.js';
import { seedEngagements } from './seed-engagements.js';

export const FIRST_CONTACT_ID = 10_001;
const FIRST_ENGAGEMENT_ID = 40_000_001;

/** Fills the store deterministically: the same seed and `now` give byte-identical data. */
export function seedPortal(store: CrmStore, options: { contacts: number; seed: number; now: Date }): void {
  const prng = createPrng(options.seed);
  const nowMs = options.now.getTime();
  let engagementId = FIRST_ENGAGEMENT_ID;
  for (let i = 0; i < options.contacts; i++) {
    const contact = seedContact(prng, String(FIRST_CONTACT_ID + i), i, nowMs);
    store.insertContact(contact);
    for (const engagement of seedEngagements(prng, contact, nowMs)) {
      const id = String(engagementId++);
      const stamp = engagement.properties.hs_timestamp ?? contact.createdAt;
      store.insertEngagement(
        engagement.type,
        {
          id,
          properties: {
            ...engagement.properties,
            hs_object_id: id,
            hs_createdate: stamp,
            hs_lastmodifieddate: stamp,
          },
          createdAt: stamp,
          updatedAt: stamp,
          archived: false,
        },
        [contact.id],
      );
    }
  }
}
