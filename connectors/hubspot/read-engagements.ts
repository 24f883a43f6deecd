import type { Activity } from '../../src/model/activity.js';
import type { Lead } from '../../src/model/lead.js';
import { engagementToActivities } from '../../src/mapping/apply-mapping.js';
import type { RecordProblemHandler } from '../../src/mapping/crm-record.js';
import { engagementProperties } from '../../src/mapping/load-mapping.js';
import type { Mapping } from '../../src/mapping/mapping-schema.js';
import { readContactAssociations } from './engagement-associations.js';
import type { EngagementApi } from './engagement-associations.js';
import { readEngagementObjects } from './engagement-objects.js';

/** What one attachEngagements call did, e.g. for a benchmark of calls per page. */
export interface EngagementReadStats {
  /** Association batch reads: one per mapped type (per 1,000 contacts), more only when HubSpot pages. */
  associationReads: number;
  /** Object batch reads: ⌈distinct associated ids / 100⌉ per mapped type. */
  objectReads: number;
  /** Distinct engagement objects read (outgoing emails included). */
  engagements: number;
  /** Activities appended to leads (an engagement shared by two leads of the page counts twice). */
  activities: number;
}

interface TypeRead {
  links: Map<string, string[]>;
  activities: Map<string, Activity[]>;
  objectsRead: number;
  associationReads: number;
  objectReads: number;
}

/**
 * Adds the engagements associated with each lead (HubSpot contacts) to its `activities`, for every object
 * type in the mapping's `engagements` section (emails, meetings, calls, …). Per type: one association
 * batch read for the whole page (contacts with none are normal), then the associated objects, each
 * read once even when several contacts of the page share it, 100 per batch read and only with the
 * properties the mapping uses. Each becomes the activities of `engagementToActivities` (an outgoing email
 * none; an unreadable date is reported to onProblem), appended to every lead it is associated with.
 * Types are read concurrently; activities are appended in mapping order, then HubSpot's association order.
 */
export async function attachEngagements(
  api: EngagementApi,
  mapping: Mapping,
  leads: Lead[],
  onProblem: RecordProblemHandler,
): Promise<EngagementReadStats> {
  const stats: EngagementReadStats = { associationReads: 0, objectReads: 0, engagements: 0, activities: 0 };
  const types = Object.keys(mapping.engagements);
  const byContact = new Map<string, Lead[]>();
  for (const lead of leads) byContact.set(lead.ref.id, [...(byContact.get(lead.ref.id) ?? []), lead]);
  if (types.length === 0 || byContact.size === 0) return stats;

  const contactIds = [...byContact.keys()];
  const reads = await Promise.all(types.map((type) => readType(api, mapping, type, contactIds, onProblem)));
  for (const read of reads) {
    stats.associationReads += read.associationReads;
    stats.objectReads += read.objectReads;
    stats.engagements += read.objectsRead;
    for (const [contactId, ids] of read.links) {
      for (const id of ids) {
        for (const activity of read.activities.get(id) ?? []) {
          for (const lead of byContact.get(contactId) ?? []) {
            lead.activities.push({ ...activity });
            stats.activities++;
          }
        }
      }
    }
  }
  return stats;
}

async function readType(
  api: EngagementApi,
  mapping: Mapping,
  objectType: string,
  contactIds: string[],
  onProblem: RecordProblemHandler,
): Promise<TypeRead> {
  const associations = await readContactAssociations(api, objectType, contactIds);
  const ids = [...new Set([...associations.links.values()].flat())];
  const objects = await readEngagementObjects(
    api,
    objectType,
    ids,
    engagementProperties(mapping, objectType),
  );
  const activities = new Map<string, Activity[]>();
  for (const record of objects.records) {
    activities.set(record.id, engagementToActivities(mapping, objectType, record, onProblem));
  }
  return {
    links: associations.links,
    activities,
    objectsRead: objects.records.length,
    associationReads: associations.calls,
    objectReads: objects.calls,
  };
}
