import { normalizeLead, setCustom } from '../input/normalize-lead.js';
import type { RawLead } from '../input/normalize-lead.js';
import { expectedDate, parseDate } from '../input/parse-date.js';
import { parseText } from '../input/parse-values.js';
import { cleanText, resolve } from '../input/parsed.js';
import type { RecordProblems } from '../input/input-problem.js';
import type { Activity } from '../model/activity.js';
import type { Crm, Lead } from '../model/lead.js';
import { propertyValue, recordReporter } from './crm-record.js';
import type { CrmRecord, RecordProblemHandler } from './crm-record.js';
import { currentScores } from './current-scores.js';
import type { EngagementMapping, Mapping } from './mapping-schema.js';
import { rollupActivities } from './rollup-activities.js';

export interface RecordToLeadOptions {
  /** The lead's `ref.crm` and `ref.object`; default: the mapping's `crm` and `object`. */
  crm?: Crm;
  object?: string;
  onProblem: RecordProblemHandler;
}

/**
 * One CRM record as a canonical lead. Values are read by the same rules as CSV and JSONL input (see
 * normalize-lead.ts): null and empty properties are missing, "25-50" employees is 38, "1000+" is 1000,
 * dates are ISO-8601 or epoch milliseconds. Custom properties are kept as trimmed text. Rollups become
 * activities like CSV count columns; `current` holds the score properties as the CRM has them now.
 * Nothing throws: every value not taken as written is reported with the record id and the CRM property.
 */
export function recordToLead(mapping: Mapping, record: CrmRecord, options: RecordToLeadOptions): Lead {
  const crm = options.crm ?? mapping.crm;
  const object = options.object ?? mapping.object;
  const reporter = recordReporter(crm, object, record.id, options.onProblem);
  const raw: RawLead = {
    identity: {
      id: { value: record.id, label: 'id' },
      crm: { value: crm, label: 'crm' },
      object: { value: object, label: 'object' },
    },
    profile: {},
    custom: {},
  };
  for (const [field, property] of Object.entries(mapping.fields)) {
    raw.profile[field as keyof RawLead['profile']] = {
      value: propertyValue(record, property),
      label: property,
    };
  }
  for (const [name, property] of Object.entries(mapping.custom)) {
    const value = propertyValue(record, property);
    const text = typeof value === 'string' ? cleanText(value) : undefined;
    if (text !== undefined) setCustom(raw.custom, name, text);
  }
  const lead = normalizeLead(raw, reporter.inputProblems);
  lead.activities = rollupActivities(mapping.rollups, record, lead, reporter.inputProblems);
  // A CRM that counts bounces but has no "bounced" field mapped still says the address bounced.
  if (lead.emailBounced === undefined && lead.activities.some((a) => a.type === 'email_bounce'))
    lead.emailBounced = true;
  const current = currentScores(mapping.scoreProperties, record, reporter);
  if (current) lead.current = current;
  return lead;
}

/**
 * One engagement record (HubSpot email/meeting/call, Salesforce Task/Event/CampaignMember/
 * EmailMessageRelation) as activities, by the mapping's `engagements` section: one activity for every
 * mapping of its object type whose `when` matches (all-match: a campaign membership can be a
 * webinar_registration and a webinar_attended). None when the type is not mapped, nothing matches (an
 * outgoing email is no email_reply), or the date is missing or unreadable (reported to onProblem with the
 * engagement's id and property, once per property).
 */
export function engagementToActivities(
  mapping: Mapping,
  objectType: string,
  engagement: CrmRecord,
  onProblem: RecordProblemHandler = () => {},
): Activity[] {
  if (!Object.hasOwn(mapping.engagements, objectType)) return [];
  const { report, inputProblems } = recordReporter(mapping.crm, objectType, engagement.id, onProblem);
  const reported = new Set<string>();
  const activities: Activity[] = [];
  for (const spec of mapping.engagements[objectType]!) {
    if (!matchesWhen(spec, engagement)) continue;
    const raw = propertyValue(engagement, spec.at);
    const at = parseDate(raw);
    if (!at.ok) {
      if (!reported.has(spec.at)) {
        report(spec.at, 'invalid_date', `${at.problem?.message ?? expectedDate(raw)}; activity skipped`);
        reported.add(spec.at);
      }
      continue;
    }
    activities.push({ type: spec.type, at: at.value, ...attributesOf(spec, engagement, inputProblems) });
  }
  return activities;
}

/** Activity attribute ← engagement property, as trimmed text; missing values are left out. */
function attributesOf(
  spec: EngagementMapping,
  engagement: CrmRecord,
  problems: RecordProblems,
): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [attribute, property] of Object.entries(spec.attributes ?? {})) {
    const value = resolve(parseText(propertyValue(engagement, property), Infinity), property, problems);
    if (value !== undefined) attributes[attribute] = value;
  }
  return attributes;
}

/** Every `when` property must hold the value (or one of the values), compared trimmed and ignoring case. */
function matchesWhen(spec: EngagementMapping, engagement: CrmRecord): boolean {
  return Object.entries(spec.when ?? {}).every(([property, expected]) => {
    const actual = propertyValue(engagement, property)?.trim().toLowerCase();
    if (actual === undefined) return false;
    const wanted = Array.isArray(expected) ? expected : [expected];
    return wanted.some((value) => String(value).toLowerCase() === actual);
  });
}
