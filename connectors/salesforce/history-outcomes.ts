import type { HistoryOutcome, HistoryRecord } from '../../src/connector/crm-adapter.js';
import type { CrmRecord } from '../../src/mapping/crm-record.js';
import { normalizeSalesforceId } from './salesforce-id.js';

/** Lead fields the history reads besides the mapping's: the conversion. Never features (see read-history). */
export const LEAD_CONVERSION_FIELDS = [
  'IsConverted',
  'ConvertedDate',
  'ConvertedContactId',
  'ConvertedOpportunityId',
];

/** What labelling needs of an Opportunity. */
export interface OpportunityFacts {
  isClosed: boolean;
  isWon: boolean;
  createdAt?: Date;
}

type Outcome = Pick<HistoryRecord, 'converted' | 'outcomeAt'>;

/** `2026-03-01` (a date field) or a datetime as a Date; undefined for anything else. */
export function salesforceDate(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const ms = Date.parse(/^\d{4}-\d\d-\d\d$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** An Opportunity as the REST API returned it, or as a relationship (`Opportunity.IsWon`) under `prefix`. */
export function opportunityFacts(record: CrmRecord, prefix = ''): OpportunityFacts {
  const value = (field: string) => record.properties[`${prefix}${field}`];
  const createdAt = salesforceDate(value('CreatedDate'));
  return {
    isClosed: value('IsClosed') === 'true',
    isWon: value('IsWon') === 'true',
    ...(createdAt ? { createdAt } : {}),
  };
}

/**
 * A Lead's outcome. `converted`: IsConverted. `won`: converted and its ConvertedOpportunityId won; lost, or
 * converted without an opportunity, is not; an opportunity still open (or not readable) is not known yet.
 * A converted Lead is measured as of its ConvertedDate (midnight UTC: the date has no time) whatever its
 * label: from then on it is a Contact, and its activities are sales working the deal.
 */
export function leadOutcome(
  record: CrmRecord,
  outcome: HistoryOutcome,
  /** By 18-character id. */
  opportunities: ReadonlyMap<string, OpportunityFacts>,
): Outcome {
  const { properties } = record;
  if (properties.IsConverted !== 'true') return { converted: false };
  const convertedAt = salesforceDate(properties.ConvertedDate);
  const at = convertedAt ? { outcomeAt: convertedAt } : {};
  if (outcome === 'converted') return { converted: true, ...at };
  const opportunityId = properties.ConvertedOpportunityId;
  if (!opportunityId) return { converted: false, ...at };
  const opportunity = opportunities.get(normalizeSalesforceId(opportunityId));
  if (!opportunity?.isClosed) return at;
  return { converted: opportunity.isWon, ...at };
}

/**
 * A Contact's outcome, from the Opportunities it has a contact role on (any role, primary or not): won when
 * one of them is won, measured as of the earliest won one's creation; not known yet while only open ones
 * remain; otherwise not won, measured as of its first closed one (or now, with none at all). The same for
 * either outcome: a Contact has no conversion of its own.
 */
export function contactOutcome(opportunities: readonly OpportunityFacts[]): Outcome {
  const earliest = (list: readonly OpportunityFacts[]): Pick<HistoryRecord, 'outcomeAt'> => {
    const times = list.flatMap((o) => (o.createdAt ? [o.createdAt.getTime()] : []));
    return times.length ? { outcomeAt: new Date(Math.min(...times)) } : {};
  };
  const won = opportunities.filter((o) => o.isWon);
  if (won.length > 0) return { converted: true, ...earliest(won) };
  if (opportunities.some((o) => !o.isClosed)) return {};
  return { converted: false, ...earliest(opportunities) };
}
