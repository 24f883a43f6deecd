import { ConnectorConfigError } from '../../src/connector/connector-errors.js';
import { engagementToActivities } from '../../src/mapping/apply-mapping.js';
import type { CrmRecord, RecordProblemHandler } from '../../src/mapping/crm-record.js';
import { engagementProperties } from '../../src/mapping/load-mapping.js';
import type { Mapping } from '../../src/mapping/mapping-schema.js';
import type { Lead } from '../../src/model/lead.js';
import type { SalesforceApi } from './salesforce-api.js';
import { normalizeSalesforceId } from './salesforce-id.js';
import type { SalesforceObject } from './salesforce-objects.js';
import { queryPages, toCrmRecord } from './salesforce-read.js';
import { selectStatement, soqlId } from './soql.js';
import { soqlInUrlChunks } from './soql-url-chunks.js';

/**
 * The engagement objects the adapter reads, and the field that relates a record to its Lead or Contact.
 * Tasks and Events name their person in WhoId. With Shared Activities on, WhoId is only the primary
 * contact of a task shared by several (the others are in TaskRelation, not read).
 */
const RELATION_FIELDS: Readonly<Record<string, Readonly<Record<SalesforceObject, string>>>> = {
  Task: { Lead: 'WhoId', Contact: 'WhoId' },
  Event: { Lead: 'WhoId', Contact: 'WhoId' },
  CampaignMember: { Lead: 'LeadId', Contact: 'ContactId' },
  // EmailMessage names no person: its sender and recipients are relations (RelationType FromAddress, …).
  EmailMessageRelation: { Lead: 'RelationId', Contact: 'RelationId' },
};
export const ACTIVITY_OBJECTS = Object.keys(RELATION_FIELDS);

/** The field of `activityObject` that holds the id of a record of `object`; undefined for other objects. */
export function relationField(activityObject: string, object: SalesforceObject): string | undefined {
  return Object.hasOwn(RELATION_FIELDS, activityObject)
    ? RELATION_FIELDS[activityObject]![object]
    : undefined;
}

/** Throws a ConnectorConfigError naming the `engagements` objects of the mapping that are not read. */
export function assertActivityObjects(mapping: Mapping): void {
  const unknown = Object.keys(mapping.engagements).filter((name) => !Object.hasOwn(RELATION_FIELDS, name));
  if (unknown.length > 0) throw unreadObjects(mapping, unknown);
}

function unreadObjects(mapping: Mapping, names: string[]): ConnectorConfigError {
  return new ConnectorConfigError(
    'salesforce',
    `the ${mapping.object} mapping's engagements name ${names.join(', ')}; the adapter reads activities ` +
      `from ${ACTIVITY_OBJECTS.join(', ')} only (or turn activities off)`,
  );
}

/** What attachActivities did for one page, e.g. to count calls per page. */
export interface ActivityReadStats {
  /** Queries sent: one per mapped object per chunk of ids (each chunk fits a GET). */
  queries: number;
  /** Further batches of those queries read through nextRecordsUrl. */
  queryMores: number;
  /** Engagement records read. */
  records: number;
  /** Activities appended to leads. */
  activities: number;
}

export interface ActivityReadOptions {
  batchSize: number;
  onProblem: RecordProblemHandler;
}

/**
 * Adds the engagements of each lead (a page of Leads or of Contacts, all of `object`) to its activities,
 * for every object of the mapping's `engagements`: `SELECT Id, <relation>, <the mapping's fields> FROM
 * <object> WHERE <relation> IN (<the page's ids>)`, the IN list cut to fit the URL of a GET, each query
 * followed through nextRecordsUrl to the end. Objects and chunks are queried concurrently (the scheduler
 * paces them); activities are appended in mapping order, then query order.
 */
export async function attachActivities(
  api: SalesforceApi,
  mapping: Mapping,
  object: SalesforceObject,
  leads: Lead[],
  options: ActivityReadOptions,
): Promise<ActivityReadStats> {
  const stats: ActivityReadStats = { queries: 0, queryMores: 0, records: 0, activities: 0 };
  const byId = new Map<string, Lead[]>();
  for (const lead of leads) {
    const id = normalizeSalesforceId(lead.ref.id);
    byId.set(id, [...(byId.get(id) ?? []), lead]);
  }
  if (Object.keys(mapping.engagements).length === 0 || byId.size === 0) return stats;

  const reads = await readEngagements(api, mapping, object, [...byId.keys()], options.batchSize);
  for (const read of reads) {
    stats.queries += read.queries;
    stats.queryMores += read.queryMores;
    stats.records += read.records.length;
    for (const record of read.records) {
      const whose = record.properties[read.relation];
      const owners = whose ? byId.get(normalizeSalesforceId(whose)) : undefined;
      if (!owners) continue;
      for (const activity of engagementToActivities(mapping, read.type, record, options.onProblem)) {
        for (const lead of owners) {
          lead.activities.push({ ...activity });
          stats.activities++;
        }
      }
    }
  }
  return stats;
}

/** The records of one engagement object related to the ids asked for. */
export interface EngagementRead {
  /** The engagement object, e.g. Task. */
  type: string;
  /** Its field that names the Lead or Contact, e.g. WhoId. */
  relation: string;
  records: CrmRecord[];
  queries: number;
  queryMores: number;
}

/**
 * The records of every object of the mapping's `engagements` related to `ids` (records of `object`), as
 * attachActivities reads them: one query per object per chunk of ids, concurrently, to the last batch.
 */
export async function readEngagements(
  api: SalesforceApi,
  mapping: Mapping,
  object: SalesforceObject,
  ids: readonly string[],
  batchSize: number,
): Promise<EngagementRead[]> {
  if (ids.length === 0) return [];
  const literals = ids.map(soqlId);
  return Promise.all(
    Object.keys(mapping.engagements).map((type) => readType(api, mapping, object, type, literals, batchSize)),
  );
}

async function readType(
  api: SalesforceApi,
  mapping: Mapping,
  object: SalesforceObject,
  type: string,
  literals: string[],
  batchSize: number,
): Promise<EngagementRead> {
  const relation = relationField(type, object);
  if (relation === undefined) throw unreadObjects(mapping, [type]);
  const fields = ['Id', relation, ...engagementProperties(mapping, type)];
  const prefix = `${selectStatement({ fields, object: type })} WHERE ${relation} IN `;
  const chunks = await Promise.all(
    soqlInUrlChunks(prefix, literals).map(async (soql) => {
      const records: CrmRecord[] = [];
      let pages = 0;
      for await (const page of queryPages(api, soql, batchSize)) {
        pages++;
        records.push(...page.records.map(toCrmRecord));
      }
      return { records, pages };
    }),
  );
  return {
    type,
    relation,
    records: chunks.flatMap((chunk) => chunk.records),
    queries: chunks.length,
    queryMores: chunks.reduce((sum, chunk) => sum + chunk.pages - 1, 0),
  };
}
