import type { HistoryOutcome, HistoryPage, HistoryRecord } from '../../src/connector/crm-adapter.js';
import { recordToLead } from '../../src/mapping/apply-mapping.js';
import type { CrmRecord, RecordProblemHandler } from '../../src/mapping/crm-record.js';
import { attachOwnedActivities } from './history-activities.js';
import type { ActivityOwner } from './history-activities.js';
import { LEAD_CONVERSION_FIELDS, contactOutcome, leadOutcome, opportunityFacts } from './history-outcomes.js';
import type { OpportunityFacts } from './history-outcomes.js';
import type { SalesforceApi } from './salesforce-api.js';
import { normalizeSalesforceId } from './salesforce-id.js';
import type { ObjectRead } from './salesforce-objects.js';
import { queryPages, toCrmRecord } from './salesforce-read.js';
import { selectStatement, soqlId } from './soql.js';
import { soqlInUrlChunks } from './soql-url-chunks.js';

export interface HistoryReadOptions {
  outcome: HistoryOutcome;
  /** Attach Tasks, Events, campaign memberships and email relations (the mappings' engagements). */
  activities: boolean;
  batchSize: number;
  onProblem: RecordProblemHandler;
}

const OPPORTUNITY_FIELDS = ['IsClosed', 'IsWon', 'CreatedDate'];

/**
 * The org's history for training: every Lead, converted or not (the normal read skips converted ones),
 * then every Contact that no Lead was converted into (those are their Lead's row already), each labelled
 * as history-outcomes.ts says and with its activities. Only the mappings' fields become the lead: the
 * conversion fields read for the label (IsConverted, ConvertedDate…) never reach the features.
 */
export async function* readSalesforceHistory(
  api: SalesforceApi,
  reads: readonly ObjectRead[],
  options: HistoryReadOptions,
): AsyncGenerator<HistoryPage> {
  const convertedInto = new Set<string>();
  for (const read of reads) {
    const extra = read.object === 'Lead' ? LEAD_CONVERSION_FIELDS : [];
    const soql = selectStatement({
      fields: ['Id', ...read.spec.fields, ...extra],
      object: read.object,
      orderBy: ['Id'],
    });
    for await (const page of queryPages(api, soql, options.batchSize)) {
      const records = page.records.map(toCrmRecord);
      if (read.object === 'Lead') {
        for (const { properties } of records) {
          if (properties.ConvertedContactId)
            convertedInto.add(normalizeSalesforceId(properties.ConvertedContactId));
        }
        yield { records: await leadPage(api, read, records, options) };
      } else {
        const fresh = records.filter((record) => !convertedInto.has(normalizeSalesforceId(record.id)));
        yield { records: await contactPage(api, read, fresh, options) };
      }
    }
  }
}

async function leadPage(
  api: SalesforceApi,
  read: ObjectRead,
  records: CrmRecord[],
  options: HistoryReadOptions,
): Promise<HistoryRecord[]> {
  const opportunityIds = records.flatMap((r) => r.properties.ConvertedOpportunityId ?? []);
  const opportunities =
    options.outcome === 'won' ? await readOpportunities(api, opportunityIds, options.batchSize) : new Map();
  const history = records.map((record) => ({
    lead: recordToLead(read.mapping, record, {
      crm: 'salesforce',
      object: 'Lead',
      onProblem: options.onProblem,
    }),
    ...leadOutcome(record, options.outcome, opportunities),
  }));
  if (options.activities) {
    const owners = history.map(({ lead }, i): ActivityOwner => {
      const contact = records[i]!.properties.ConvertedContactId;
      const own = { object: 'Lead' as const, id: lead.ref.id };
      return { lead, records: contact ? [own, { object: 'Contact', id: contact }] : [own] };
    });
    await attachOwnedActivities(api, read.mapping, owners, options);
  }
  return history;
}

async function contactPage(
  api: SalesforceApi,
  read: ObjectRead,
  records: CrmRecord[],
  options: HistoryReadOptions,
): Promise<HistoryRecord[]> {
  const roles = await readContactRoles(
    api,
    records.map((r) => r.id),
    options.batchSize,
  );
  const history = records.map((record) => ({
    lead: recordToLead(read.mapping, record, {
      crm: 'salesforce',
      object: 'Contact',
      onProblem: options.onProblem,
    }),
    ...contactOutcome(roles.get(normalizeSalesforceId(record.id)) ?? []),
  }));
  if (options.activities) {
    const owners = history.map(({ lead }) => ({
      lead,
      records: [{ object: 'Contact' as const, id: lead.ref.id }],
    }));
    await attachOwnedActivities(api, read.mapping, owners, options);
  }
  return history;
}

/** `SELECT … FROM Opportunity WHERE Id IN (…)`, as many queries as the URL allows; by 18-character id. */
async function readOpportunities(
  api: SalesforceApi,
  ids: readonly string[],
  batchSize: number,
): Promise<Map<string, OpportunityFacts>> {
  const found = new Map<string, OpportunityFacts>();
  const prefix = `${selectStatement({ fields: ['Id', ...OPPORTUNITY_FIELDS], object: 'Opportunity' })} WHERE Id IN `;
  for (const record of await queryIn(api, prefix, ids, batchSize)) {
    found.set(normalizeSalesforceId(record.id), opportunityFacts(record));
  }
  return found;
}

/** The Opportunities each Contact has a role on, through OpportunityContactRole; by 18-character Contact id. */
async function readContactRoles(
  api: SalesforceApi,
  contactIds: readonly string[],
  batchSize: number,
): Promise<Map<string, OpportunityFacts[]>> {
  const fields = ['Id', 'ContactId', 'OpportunityId', ...OPPORTUNITY_FIELDS.map((f) => `Opportunity.${f}`)];
  const prefix = `${selectStatement({ fields, object: 'OpportunityContactRole' })} WHERE ContactId IN `;
  const roles = new Map<string, OpportunityFacts[]>();
  for (const record of await queryIn(api, prefix, contactIds, batchSize)) {
    const contact = record.properties.ContactId;
    if (!contact) continue;
    const key = normalizeSalesforceId(contact);
    roles.set(key, [...(roles.get(key) ?? []), opportunityFacts(record, 'Opportunity.')]);
  }
  return roles;
}

async function queryIn(
  api: SalesforceApi,
  prefix: string,
  ids: readonly string[],
  batchSize: number,
): Promise<CrmRecord[]> {
  const literals = [...new Set(ids.map(soqlId))];
  const chunks = await Promise.all(
    soqlInUrlChunks(prefix, literals).map(async (soql) => {
      const records: CrmRecord[] = [];
      for await (const page of queryPages(api, soql, batchSize))
        records.push(...page.records.map(toCrmRecord));
      return records;
    }),
  );
  return chunks.flat();
}
