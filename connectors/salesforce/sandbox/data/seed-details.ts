import { KEY_PREFIXES, makeId } from '../ids.js';
import type { Prng } from '../../../sandbox-kit/prng.js';
import type { SObjectRecord } from './field-types.js';
import { INDUSTRIES } from './picklists.js';
import * as V from './seed-vocabulary.js';

/** A few states and cities per seeded country, so mappings that read State/City find realistic values. */
const PLACES: Record<string, readonly (readonly [string, string])[]> = {
  'United States': [
    ['California', 'San Francisco'],
    ['New York', 'New York'],
    ['Texas', 'Austin'],
    ['Massachusetts', 'Boston'],
  ],
  'United Kingdom': [
    ['England', 'London'],
    ['Scotland', 'Edinburgh'],
  ],
  Germany: [
    ['Berlin', 'Berlin'],
    ['Bavaria', 'Munich'],
  ],
  Canada: [
    ['Ontario', 'Toronto'],
    ['British Columbia', 'Vancouver'],
  ],
  Australia: [['New South Wales', 'Sydney']],
};
const DEPARTMENTS = ['Marketing', 'Sales', 'IT', 'Finance', 'Operations', 'Engineering'];

function place(prng: Prng, country: unknown): { state: string | null; city: string | null } {
  const options = typeof country === 'string' ? PLACES[country] : undefined;
  if (!options || prng.chance(0.15)) return { state: null, city: null };
  const [state, city] = prng.pick(options);
  return { state, city };
}

/**
 * Details added after the main seed, from their own random sequence, so that everything seeded before
 * them stays as it was: a State and City for leads, an Account (with industry, size and revenue), mailing
 * state and city, department and a bounce flag for contacts.
 */
export function seedDetails(prng: Prng, leads: SObjectRecord[], contacts: SObjectRecord[], owners: string[]) {
  for (const lead of leads) {
    const { state, city } = place(prng, lead.Country);
    Object.assign(lead, { State: state, City: city });
  }
  const accounts: SObjectRecord[] = [];
  const accountCount = Math.max(1, Math.ceil(contacts.length / 3));
  for (let i = 1; contacts.length > 0 && i <= accountCount; i++) {
    const created = contacts[(i - 1) % contacts.length]!.CreatedDate ?? null;
    accounts.push({
      Id: makeId(KEY_PREFIXES.Account, i),
      Name: `${prng.pick(V.COMPANY_WORDS)} ${prng.pick(V.COMPANY_SUFFIXES)}`,
      Industry: prng.chance(0.85) ? prng.pick(INDUSTRIES) : null,
      NumberOfEmployees: prng.chance(0.8) ? prng.pick([8, 30, 75, 180, 450, 1200, 3800, 15000]) : null,
      AnnualRevenue: prng.chance(0.5) ? prng.int(1, 900) * 100_000 : null,
      BillingCountry: prng.pick(V.COUNTRIES),
      OwnerId: prng.pick(owners),
      CreatedDate: created,
      LastModifiedDate: created,
      SystemModstamp: created,
    });
  }
  for (const contact of contacts) {
    const { state, city } = place(prng, contact.MailingCountry);
    Object.assign(contact, {
      AccountId: accounts.length > 0 && prng.chance(0.9) ? prng.pick(accounts).Id! : null,
      MailingState: state,
      MailingCity: city,
      Department: prng.chance(0.7) ? prng.pick(DEPARTMENTS) : null,
      IsEmailBounced: prng.chance(0.04),
    });
  }
  return accounts;
}
