import type { OrgStore, SObjectRecord } from '../../../connectors/salesforce/sandbox/index.js';
import type { Lead } from '../../../src/model/lead.js';

/** A Salesforce date (`2026-05-18`, midnight UTC) or datetime (`…T14:30:00.000+0000`) as an instant. */
export function instant(value: unknown): Date {
  const text = String(value);
  return new Date(/^\d{4}-\d\d-\d\d$/.test(text) ? `${text}T00:00:00Z` : text.replace(/\+0000$/, 'Z'));
}

const entry = (type: string, at: unknown) => `${type} ${instant(at).toISOString()}`;

/** A lead's activities as `type at` lines, sorted: what expectedActivities gives. */
export const activitiesOf = (lead: Lead): string[] =>
  lead.activities.map((a) => entry(a.type, a.at.toISOString())).sort();

/**
 * What mappings/salesforce.yaml and salesforce-contact.yaml say a person's records are, read straight
 * from the org: closed call tasks are calls, events meetings, Webinar memberships registrations (and
 * attendances once responded), responded Content memberships downloads, incoming emails sent by the
 * person email replies.
 */
export function expectedActivities(store: OrgStore, personId: string): string[] {
  const out: string[] = [];
  for (const task of store.list('Task').filter((t) => t.WhoId === personId && t.IsClosed === true)) {
    if (task.TaskSubtype === 'Call' || (task.TaskSubtype === 'Task' && task.Type === 'Call'))
      out.push(entry('call', task.ActivityDate));
    if (task.TaskSubtype === 'Task' && task.Type === 'Meeting') out.push(entry('meeting', task.ActivityDate));
  }
  for (const event of store.list('Event').filter((e) => e.WhoId === personId))
    out.push(entry('meeting', event.StartDateTime));
  const members = store
    .list('CampaignMember')
    .filter((m) => m.LeadId === personId || m.ContactId === personId);
  for (const member of members) {
    const campaign = store.get(String(member.CampaignId));
    if (campaign?.Type === 'Webinar') {
      out.push(entry('webinar_registration', member.CreatedDate));
      if (member.HasResponded === true) out.push(entry('webinar_attended', member.FirstRespondedDate));
    }
    if (campaign?.Type === 'Content' && member.HasResponded === true)
      out.push(entry('content_download', member.FirstRespondedDate));
  }
  for (const relation of emailRelations(store, new Set([personId]))) {
    const email = store.get(String(relation.EmailMessageId));
    if (relation.RelationType === 'FromAddress' && email?.Incoming === true)
      out.push(entry('email_reply', email.MessageDate));
  }
  return out.sort();
}

/** The EmailMessageRelations naming these people, whatever their RelationType. */
export function emailRelations(store: OrgStore, ids: Set<string>): SObjectRecord[] {
  return store.list('EmailMessageRelation').filter((r) => ids.has(String(r.RelationId)));
}

/** How many Tasks, Events, campaign memberships and email relations relate to these people. */
export function relatedRecords(store: OrgStore, ids: Set<string>): number {
  const who = ['Task', 'Event'].flatMap((type) => store.list(type).filter((r) => ids.has(String(r.WhoId))));
  const members = store
    .list('CampaignMember')
    .filter((m) => ids.has(String(m.LeadId)) || ids.has(String(m.ContactId)));
  return who.length + members.length + emailRelations(store, ids).length;
}
