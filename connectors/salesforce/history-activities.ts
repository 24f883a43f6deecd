import { engagementToActivities } from '../../src/mapping/apply-mapping.js';
import type { RecordProblemHandler } from '../../src/mapping/crm-record.js';
import type { Mapping } from '../../src/mapping/mapping-schema.js';
import type { Lead } from '../../src/model/lead.js';
import { readEngagements } from './read-activities.js';
import type { SalesforceApi } from './salesforce-api.js';
import { normalizeSalesforceId } from './salesforce-id.js';
import type { SalesforceObject } from './salesforce-objects.js';

/** A lead of the history and the records whose engagement is its own. */
export interface ActivityOwner {
  lead: Lead;
  /** The lead's own record, and for a converted Lead its ConvertedContactId too. */
  records: { object: SalesforceObject; id: string }[];
}

/**
 * Appends to each lead the activities of all its records. Converting a Lead moves its activities and
 * campaign memberships to the Contact, so a converted Lead's engagement is read from both; a record found
 * through both (a membership that kept its LeadId and gained a ContactId) counts once.
 */
export async function attachOwnedActivities(
  api: SalesforceApi,
  mapping: Mapping,
  owners: readonly ActivityOwner[],
  options: { batchSize: number; onProblem: RecordProblemHandler },
): Promise<void> {
  const byObject = new Map<SalesforceObject, Map<string, ActivityOwner[]>>();
  for (const owner of owners) {
    for (const { object, id } of owner.records) {
      const ids = byObject.get(object) ?? new Map<string, ActivityOwner[]>();
      byObject.set(object, ids);
      const key = normalizeSalesforceId(id);
      ids.set(key, [...(ids.get(key) ?? []), owner]);
    }
  }
  const seen = new Map<ActivityOwner, Set<string>>();
  for (const [object, ids] of byObject) {
    const reads = await readEngagements(api, mapping, object, [...ids.keys()], options.batchSize);
    for (const read of reads) {
      for (const record of read.records) {
        const whose = record.properties[read.relation];
        for (const owner of whose ? (ids.get(normalizeSalesforceId(whose)) ?? []) : []) {
          const had = seen.get(owner) ?? new Set<string>();
          seen.set(owner, had);
          const key = `${read.type}:${record.id}`;
          if (had.has(key)) continue;
          had.add(key);
          owner.lead.activities.push(
            ...engagementToActivities(mapping, read.type, record, options.onProblem),
          );
        }
      }
    }
  }
}
