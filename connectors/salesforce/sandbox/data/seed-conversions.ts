import { KEY_PREFIXES, makeId } from '../ids.js';
import type { Prng } from '../../../sandbox-kit/prng.js';
import { formatDate, formatDateTime, parseTemporal, type SObjectRecord } from './field-types.js';

const DAY_MS = 86_400_000;

export interface ActivityTables {
  campaigns: readonly SObjectRecord[];
  tasks: SObjectRecord[];
  events: SObjectRecord[];
  members: SObjectRecord[];
}

function stamps(ms: number) {
  const s = formatDateTime(ms);
  return { CreatedDate: s, LastModifiedDate: s, SystemModstamp: s };
}

/**
 * A moment in the two weeks before the conversion, not before the lead existed: what got the lead
 * converted. `convertedMs` is the ConvertedDate's midnight, so the moment is on an earlier day.
 */
function beforeConversion(prng: Prng, createdMs: number, convertedMs: number): number {
  const at = convertedMs - prng.int(1, 30) * DAY_MS + prng.int(8, 17) * 3_600_000;
  return at >= createdMs ? at : createdMs + Math.floor(prng.next() * Math.max(1, convertedMs - createdMs));
}

/**
 * The engagement that led to each conversion, appended to the activity tables (new records only, with the
 * next ids): a meeting for most converted leads, often a logged call and a webinar or content response,
 * all dated before the ConvertedDate. Leads were converted at random by the main seed; this is what makes
 * a conversion learnable from engagement as of the day it happened.
 */
export function seedConversionEngagement(
  prng: Prng,
  leads: readonly SObjectRecord[],
  owners: readonly string[],
  tables: ActivityTables,
): void {
  const { tasks, events, members } = tables;
  const responsive = tables.campaigns.filter((c) => c.Type === 'Webinar' || c.Type === 'Content');
  const joinedBy = new Map<unknown, Set<unknown>>();
  for (const member of members) {
    const joined = joinedBy.get(member.LeadId ?? null) ?? new Set();
    joinedBy.set(member.LeadId ?? null, joined.add(member.CampaignId ?? null));
  }
  for (const lead of leads) {
    const convertedMs = parseTemporal(lead.ConvertedDate ?? null);
    const createdMs = parseTemporal(lead.CreatedDate ?? null);
    if (lead.IsConverted !== true || convertedMs === undefined || createdMs === undefined) continue;
    const who = String(lead.Id);
    for (let k = prng.chance(0.45) ? 1 : 0; k > 0; k--) {
      const at = beforeConversion(prng, createdMs, convertedMs);
      events.push({
        Id: makeId(KEY_PREFIXES.Event, events.length + 1),
        WhoId: who,
        Subject: prng.pick(['Discovery call', 'Product demo', 'Scoping session']),
        ActivityDate: formatDate(at),
        Description: null,
        OwnerId: prng.pick(owners),
        Type: 'Meeting',
        EventSubtype: 'Event',
        StartDateTime: formatDateTime(at),
        EndDateTime: formatDateTime(at + 30 * 60_000),
        DurationInMinutes: 30,
        ...stamps(at),
      });
    }
    if (prng.chance(0.3)) {
      const at = beforeConversion(prng, createdMs, convertedMs);
      tasks.push({
        Id: makeId(KEY_PREFIXES.Task, tasks.length + 1),
        WhoId: who,
        Subject: 'Call: next steps',
        ActivityDate: formatDate(at),
        Description: null,
        OwnerId: prng.pick(owners),
        Type: 'Call',
        TaskSubtype: 'Call',
        Status: 'Completed',
        Priority: 'Normal',
        IsClosed: true,
        CompletedDateTime: formatDateTime(at),
        ...stamps(at),
      });
    }
    const joined = joinedBy.get(who);
    const open = responsive.filter((c) => !joined?.has(c.Id ?? null));
    if (open.length > 0 && prng.chance(0.35)) {
      const campaign = prng.pick(open);
      const at = beforeConversion(prng, createdMs, convertedMs);
      members.push({
        Id: makeId(KEY_PREFIXES.CampaignMember, members.length + 1),
        CampaignId: campaign.Id ?? null,
        LeadId: who,
        ContactId: null,
        Status: campaign.Type === 'Webinar' ? 'Attended' : 'Responded',
        HasResponded: true,
        FirstRespondedDate: formatDate(at),
        ...stamps(at - DAY_MS),
      });
    }
  }
}
