import { KEY_PREFIXES, makeId } from '../ids.js';
import type { Prng } from '../../../sandbox-kit/prng.js';
import { formatDate, formatDateTime, parseTemporal, type SObjectRecord } from './field-types.js';
import {
  CAMPAIGN_STATUSES,
  CAMPAIGN_TYPES,
  MEMBER_STATUSES,
  PRIORITIES,
  TASK_STATUSES,
} from './picklists.js';
import { CAMPAIGN_NAMES, EVENT_SUBJECTS, TASK_SUBJECTS } from './seed-vocabulary.js';

const DAY_MS = 86_400_000;
const TASK_KINDS = [
  { subtype: 'Email', type: 'Email' },
  { subtype: 'ListEmail', type: 'Email' },
  { subtype: 'Call', type: 'Call' },
  { subtype: 'Task', type: 'Other' },
  { subtype: 'Cadence', type: 'Other' },
  { subtype: 'LinkedIn', type: 'Other' },
] as const;

function stamps(ms: number) {
  const s = formatDateTime(ms);
  return { CreatedDate: s, LastModifiedDate: s, SystemModstamp: s };
}

/** A time between the person's creation and now. */
function after(prng: Prng, who: SObjectRecord, nowMs: number): number {
  const from = parseTemporal(who.CreatedDate ?? null) ?? nowMs - 365 * DAY_MS;
  return from + Math.floor(prng.next() * Math.max(1, nowMs - from));
}

/** Campaign types the name gives away: gated content is what content_download is scored from. */
const NAMED_TYPES: readonly [RegExp, string][] = [
  [/Whitepaper|eBook/, 'Content'],
  [/Newsletter/, 'Email'],
  [/Ads\b/, 'Advertisement'],
];

export function seedCampaigns(prng: Prng, owners: string[], nowMs: number): SObjectRecord[] {
  return CAMPAIGN_NAMES.map((name, i) => {
    const start = nowMs - prng.int(10, 330) * DAY_MS;
    const type = /Webinar/.test(name)
      ? 'Webinar'
      : /Show|Summit|Roundtable|Field/.test(name)
        ? 'Event'
        : null;
    // Drawn whether or not the name decides, so that the rest of the seeded org stays the same.
    const drawn = type ?? prng.pick(CAMPAIGN_TYPES.filter((t) => t !== 'Webinar' && t !== 'Event'));
    return {
      Id: makeId(KEY_PREFIXES.Campaign, i + 1),
      Name: name,
      Type: NAMED_TYPES.find(([pattern]) => pattern.test(name))?.[1] ?? drawn,
      Status: prng.pick(CAMPAIGN_STATUSES),
      IsActive: prng.chance(0.7),
      StartDate: formatDate(start),
      EndDate: formatDate(start + prng.int(1, 30) * DAY_MS),
      OwnerId: prng.pick(owners),
      ...stamps(start - 7 * DAY_MS),
    };
  });
}

/** 0-6 tasks and 0-2 events per person (leads and contacts). */
export function seedActivities(prng: Prng, people: SObjectRecord[], owners: string[], nowMs: number) {
  const tasks: SObjectRecord[] = [];
  const events: SObjectRecord[] = [];
  for (const who of people) {
    for (let k = prng.int(0, 6); k > 0; k--) {
      const at = after(prng, who, nowMs);
      const kind = prng.pick(TASK_KINDS);
      const status = prng.chance(0.8) ? 'Completed' : prng.pick(TASK_STATUSES);
      tasks.push({
        Id: makeId(KEY_PREFIXES.Task, tasks.length + 1),
        WhoId: who.Id ?? null,
        Subject: prng.pick(TASK_SUBJECTS[kind.subtype] ?? ['Task']),
        ActivityDate: formatDate(at),
        Description: null,
        OwnerId: prng.pick(owners),
        Type: kind.type,
        TaskSubtype: kind.subtype,
        Status: status,
        Priority: prng.pick(PRIORITIES),
        IsClosed: status === 'Completed',
        CompletedDateTime: status === 'Completed' ? formatDateTime(at) : null,
        ...stamps(at),
      });
    }
    for (let k = prng.int(0, 2); k > 0; k--) {
      const at = after(prng, who, nowMs);
      const minutes = prng.pick([15, 30, 45, 60]);
      events.push({
        Id: makeId(KEY_PREFIXES.Event, events.length + 1),
        WhoId: who.Id ?? null,
        Subject: prng.pick(EVENT_SUBJECTS),
        ActivityDate: formatDate(at),
        Description: null,
        OwnerId: prng.pick(owners),
        Type: prng.chance(0.7) ? 'Meeting' : 'Call',
        EventSubtype: 'Event',
        StartDateTime: formatDateTime(at),
        EndDateTime: formatDateTime(at + minutes * 60_000),
        DurationInMinutes: minutes,
        ...stamps(at),
      });
    }
  }
  return { tasks, events };
}

/** Each person joins 0-3 distinct campaigns; "Responded"/"Attended"/"Registered" count as responses. */
export function seedMembers(prng: Prng, people: SObjectRecord[], campaigns: SObjectRecord[], nowMs: number) {
  const members: SObjectRecord[] = [];
  for (const who of people) {
    const joined = new Set<SObjectRecord>();
    for (let k = prng.int(0, 3); k > 0 && campaigns.length > 0; k--) joined.add(prng.pick(campaigns));
    for (const campaign of joined) {
      const at = after(prng, who, nowMs);
      const status = prng.pick(MEMBER_STATUSES);
      const responded = status !== 'Sent';
      const id = typeof who.Id === 'string' ? who.Id : '';
      members.push({
        Id: makeId(KEY_PREFIXES.CampaignMember, members.length + 1),
        CampaignId: campaign.Id ?? null,
        LeadId: id.startsWith(KEY_PREFIXES.Lead) ? id : null,
        ContactId: id.startsWith(KEY_PREFIXES.Contact) ? id : null,
        Status: status,
        HasResponded: responded,
        FirstRespondedDate: responded ? formatDate(at) : null,
        ...stamps(at),
      });
    }
  }
  return members;
}
