import { KEY_PREFIXES, makeId } from '../ids.js';
import type { Prng } from '../../../sandbox-kit/prng.js';
import { formatDate, formatDateTime, type SObjectRecord } from './field-types.js';
import { INDUSTRIES, LEAD_SOURCES, LEAD_STATUSES, RATINGS, SALUTATIONS } from './picklists.js';
import * as V from './seed-vocabulary.js';

const DAY_MS = 86_400_000;

export interface SeedClock {
  /** Milliseconds of the seed's "now". */
  nowMs: number;
}

function person(prng: Prng, n: number) {
  const first = prng.pick(V.FIRST_NAMES);
  const last = prng.pick(V.LAST_NAMES);
  const company = `${prng.pick(V.COMPANY_WORDS)} ${prng.pick(V.COMPANY_SUFFIXES)}`;
  const email = `${first}.${last.replace(/'/g, '')}${n}@${prng.pick(V.EMAIL_DOMAINS)}`.toLowerCase();
  return { first, last, company, email };
}

/** Created in the last year; modified at or after creation, not after now. */
function audit(
  prng: Prng,
  nowMs: number,
): Record<'CreatedDate' | 'LastModifiedDate' | 'SystemModstamp', string> {
  const created = nowMs - prng.int(1, 365) * DAY_MS - prng.int(0, DAY_MS - 1);
  const modified = Math.min(nowMs, created + prng.int(0, 60) * DAY_MS + prng.int(0, 3_600_000));
  return {
    CreatedDate: formatDateTime(created),
    LastModifiedDate: formatDateTime(modified),
    SystemModstamp: formatDateTime(modified),
  };
}

export function seedContacts(prng: Prng, count: number, owners: string[], nowMs: number): SObjectRecord[] {
  const out: SObjectRecord[] = [];
  for (let i = 1; i <= count; i++) {
    const p = person(prng, i);
    out.push({
      Id: makeId(KEY_PREFIXES.Contact, i),
      Salutation: prng.chance(0.5) ? prng.pick(SALUTATIONS) : null,
      FirstName: p.first,
      LastName: p.last,
      Name: `${p.first} ${p.last}`,
      Title: prng.pick(V.TITLES),
      Email: p.email,
      Phone: prng.chance(0.7) ? `+1 555 01${String(i % 100).padStart(2, '0')}` : null,
      MailingCountry: prng.pick(V.COUNTRIES),
      LeadSource: prng.chance(0.8) ? prng.pick(LEAD_SOURCES) : null,
      HasOptedOutOfEmail: prng.chance(0.05),
      Description: null,
      OwnerId: prng.pick(owners),
      ...audit(prng, nowMs),
    });
  }
  return out;
}

/**
 * Leads: about 15% converted (to one of the contacts, Status "Closed - Converted"), the rest spread over the
 * open and closed statuses. Optional fields are left null at realistic rates.
 */
export function seedLeads(
  prng: Prng,
  count: number,
  owners: string[],
  contacts: SObjectRecord[],
  nowMs: number,
): SObjectRecord[] {
  const out: SObjectRecord[] = [];
  // Most open leads have not been worked yet; one draw either way, so the rest of the seed is unchanged.
  const [fresh, working, , closed] = LEAD_STATUSES;
  const open = [fresh, fresh, fresh, fresh, fresh, fresh, working, working, closed, closed];
  for (let i = 1; i <= count; i++) {
    const p = person(prng, i);
    const stamps = audit(prng, nowMs);
    const converted = contacts.length > 0 && prng.chance(0.15);
    const contact = converted ? prng.pick(contacts) : undefined;
    const createdMs = Date.parse(stamps.CreatedDate.replace('+0000', 'Z'));
    out.push({
      Id: makeId(KEY_PREFIXES.Lead, i),
      Salutation: prng.chance(0.5) ? prng.pick(SALUTATIONS) : null,
      FirstName: p.first,
      LastName: p.last,
      Name: `${p.first} ${p.last}`,
      Title: prng.chance(0.85) ? prng.pick(V.TITLES) : null,
      Company: p.company,
      Email: prng.chance(0.95) ? p.email : null,
      Phone: prng.chance(0.6) ? `+1 555 02${String(i % 100).padStart(2, '0')}` : null,
      Country: prng.chance(0.9) ? prng.pick(V.COUNTRIES) : null,
      Status: converted ? 'Closed - Converted' : prng.pick(open),
      LeadSource: prng.chance(0.9) ? prng.pick(LEAD_SOURCES) : null,
      Industry: prng.chance(0.8) ? prng.pick(INDUSTRIES) : null,
      Rating: prng.chance(0.4) ? prng.pick(RATINGS) : null,
      NumberOfEmployees: prng.chance(0.75) ? prng.pick([5, 12, 40, 85, 150, 420, 900, 2500, 12000]) : null,
      AnnualRevenue: prng.chance(0.4) ? prng.int(1, 500) * 100_000 : null,
      IsConverted: converted,
      ConvertedDate: contact ? formatDate(Math.min(nowMs, createdMs + prng.int(1, 90) * DAY_MS)) : null,
      ConvertedContactId: contact ? (contact.Id as string) : null,
      HasOptedOutOfEmail: prng.chance(0.05),
      Description: null,
      OwnerId: prng.pick(owners),
      ...stamps,
    });
  }
  return out;
}
