import { KEY_PREFIXES, makeId } from '../ids.js';
import type { Prng } from '../../../sandbox-kit/prng.js';
import { formatDate, formatDateTime, parseTemporal, type SObjectRecord } from './field-types.js';
import { OPPORTUNITY_STAGES } from './picklists.js';
import { engagedBefore, fitSignal, sigmoid } from './seed-signals.js';

const DAY_MS = 86_400_000;
const OPEN_STAGES = OPPORTUNITY_STAGES.slice(0, -2);
const PRIMARY_ROLES = ['Decision Maker', 'Economic Buyer', 'Business User', 'Evaluator'] as const;
/** Contacts not converted from a lead that are on a deal of their own. */
const CONTACT_DEAL_SHARE = 0.3;

export interface OpportunitySeed {
  leads: SObjectRecord[];
  contacts: readonly SObjectRecord[];
  accounts: readonly SObjectRecord[];
  owners: readonly string[];
  /** Engagement times by person id (seed-signals.ts), the conversions' own engagement included. */
  engagement: ReadonlyMap<string, number[]>;
  nowMs: number;
}

interface Deal {
  name: string;
  accountId: string | null;
  contactId: string;
  createdMs: number;
  /** The chance it is won once closed: from the person's fit and engagement before the deal. */
  winChance: number;
}

/**
 * Opportunities and their primary contact roles: one for every converted Lead (its ConvertedOpportunityId,
 * created on the ConvertedDate, the converted Contact in the role) and one for some other Contacts. A deal
 * whose close date has passed is won or lost, more often won for a person who fits (decision-maker title,
 * target industry, size) and engaged before the deal; a later one is still open.
 */
export function seedOpportunities(prng: Prng, seed: OpportunitySeed) {
  const { leads, contacts, nowMs } = seed;
  const contactById = new Map(contacts.map((c) => [c.Id, c]));
  const accountById = new Map(seed.accounts.map((a) => [a.Id, a]));
  const opportunities: SObjectRecord[] = [];
  const roles: SObjectRecord[] = [];
  const add = (deal: Deal): string => {
    const closeMs = deal.createdMs + prng.int(20, 150) * DAY_MS;
    const closed = closeMs <= nowMs;
    const won = prng.chance(deal.winChance) && closed;
    const stage = !closed ? prng.pick(OPEN_STAGES) : won ? 'Closed Won' : 'Closed Lost';
    const id = makeId(KEY_PREFIXES.Opportunity, opportunities.length + 1);
    const created = formatDateTime(deal.createdMs);
    const modified = formatDateTime(closed ? closeMs : Math.min(nowMs, deal.createdMs + 7 * DAY_MS));
    opportunities.push({
      Id: id,
      Name: deal.name,
      StageName: stage,
      IsClosed: closed,
      IsWon: won,
      CloseDate: formatDate(closeMs),
      Amount: prng.int(5, 200) * 1000,
      AccountId: deal.accountId,
      OwnerId: prng.pick(seed.owners),
      CreatedDate: created,
      LastModifiedDate: modified,
      SystemModstamp: modified,
    });
    roles.push({
      Id: makeId(KEY_PREFIXES.OpportunityContactRole, roles.length + 1),
      OpportunityId: id,
      ContactId: deal.contactId,
      Role: prng.pick(PRIMARY_ROLES),
      IsPrimary: true,
      CreatedDate: created,
      LastModifiedDate: created,
      SystemModstamp: created,
    });
    return id;
  };
  const chance = (fit: number, who: unknown, atMs: number) =>
    sigmoid(-1 + 1.2 * fit + 0.35 * Math.min(6, engagedBefore(seed.engagement, who, atMs)));

  const convertedTo = new Set<unknown>();
  for (const lead of leads) {
    const convertedMs = parseTemporal(lead.ConvertedDate ?? null);
    const contact = contactById.get(lead.ConvertedContactId ?? null);
    if (lead.IsConverted !== true || convertedMs === undefined || !contact) {
      lead.ConvertedOpportunityId = null;
      continue;
    }
    convertedTo.add(contact.Id);
    const createdMs = Math.min(nowMs, convertedMs + prng.int(9, 17) * 3_600_000);
    const fit = fitSignal(lead.Title, lead.Industry, lead.NumberOfEmployees);
    lead.ConvertedOpportunityId = add({
      name: `${String(lead.Company)} - New Business`,
      accountId: typeof contact.AccountId === 'string' ? contact.AccountId : null,
      contactId: String(contact.Id),
      createdMs,
      winChance: chance(fit, lead.Id, convertedMs),
    });
  }
  for (const contact of contacts) {
    const createdMs = parseTemporal(contact.CreatedDate ?? null);
    if (convertedTo.has(contact.Id) || createdMs === undefined || !prng.chance(CONTACT_DEAL_SHARE)) continue;
    const from = createdMs + 7 * DAY_MS;
    const to = nowMs - 3 * DAY_MS;
    if (to <= from) continue;
    const dealMs = from + Math.floor(prng.next() * (to - from));
    const account = accountById.get(contact.AccountId ?? null);
    const fit = fitSignal(contact.Title, account?.Industry, account?.NumberOfEmployees);
    add({
      name: `${String(account?.Name ?? contact.Name)} - Expansion`,
      accountId: typeof account?.Id === 'string' ? account.Id : null,
      contactId: String(contact.Id),
      createdMs: dealMs,
      winChance: chance(fit, contact.Id, dealMs),
    });
  }
  return { opportunities, roles };
}
