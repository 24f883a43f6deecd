import type { EngagementType } from '../data/records.js';
import type { ViewShape } from './object-view.js';

const COMMON = ['hs_timestamp', 'hubspot_owner_id', 'hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'];

/** Engagement properties the sandbox knows, per object (engagement guides: emails, meetings, calls, notes, tasks). */
const BY_TYPE: Record<EngagementType, string[]> = {
  emails: ['hs_email_direction', 'hs_email_subject', 'hs_email_text', 'hs_email_html', 'hs_email_status'],
  meetings: [
    'hs_meeting_title',
    'hs_meeting_body',
    'hs_meeting_start_time',
    'hs_meeting_end_time',
    'hs_meeting_outcome',
    'hs_meeting_location',
  ],
  calls: [
    'hs_call_direction',
    'hs_call_status',
    'hs_call_duration',
    'hs_call_title',
    'hs_call_body',
    'hs_call_disposition',
  ],
  notes: ['hs_note_body'],
  tasks: ['hs_task_subject', 'hs_task_body', 'hs_task_status', 'hs_task_priority', 'hs_task_type'],
};

export function isEngagementProperty(type: EngagementType, name: string): boolean {
  return COMMON.includes(name) || BY_TYPE[type].includes(name);
}

export const ENGAGEMENT_SHAPE: ViewShape = {
  defaults: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  always: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
};

/** Singular and plural object names as they appear in paths (`emails`, `email`). */
export function engagementType(name: string): EngagementType | undefined {
  const plural = name.endsWith('s') ? name : `${name}s`;
  return (Object.keys(BY_TYPE) as EngagementType[]).find((t) => t === plural);
}

/**
 * HUBSPOT_DEFINED association type ids, contact → object and object → contact. The engagement guides'
 * examples give call→contact 194 and note→contact 202; the others follow the same odd/even pairing and are
 * not confirmed from documentation.
 */
export const CONTACT_TO: Record<EngagementType, number> = {
  emails: 197,
  meetings: 199,
  calls: 193,
  notes: 201,
  tasks: 203,
};
export const TO_CONTACT: Record<EngagementType, number> = {
  emails: 198,
  meetings: 200,
  calls: 194,
  notes: 202,
  tasks: 204,
};
