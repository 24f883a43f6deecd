import type { Prng } from '../../../sandbox-kit/prng.js';
import type { CrmRecord, EngagementType } from './records.js';
import { EMAIL_SUBJECTS, MEETING_TITLES } from './seed-vocabulary.js';

export interface SeededEngagement {
  type: EngagementType;
  properties: Record<string, string>;
}

const HOUR_MS = 3_600_000;

/**
 * Emails, meetings, calls and notes for one contact, between its creation and now. Property names and
 * values follow the engagement objects: hs_timestamp, hs_email_direction (EMAIL / INCOMING_EMAIL /
 * FORWARDED_EMAIL), hs_meeting_outcome, hs_call_direction (INBOUND / OUTBOUND).
 */
export function seedEngagements(prng: Prng, contact: CrmRecord, nowMs: number): SeededEngagement[] {
  const created = Date.parse(contact.createdAt);
  const at = () => new Date(created + Math.floor(prng.next() * Math.max(0, nowMs - created)));
  const out: SeededEngagement[] = [];
  for (let i = prng.int(0, 4); i > 0; i--) {
    const direction = prng.next() < 0.5 ? 'EMAIL' : prng.chance(0.7) ? 'INCOMING_EMAIL' : 'FORWARDED_EMAIL';
    out.push({
      type: 'emails',
      properties: {
        hs_timestamp: at().toISOString(),
        hs_email_direction: direction,
        hs_email_subject: prng.pick(EMAIL_SUBJECTS),
        hs_email_status: 'SENT',
      },
    });
  }
  for (let i = prng.int(0, 2); i > 0; i--) {
    const start = at();
    out.push({
      type: 'meetings',
      properties: {
        hs_timestamp: start.toISOString(),
        hs_meeting_title: prng.pick(MEETING_TITLES),
        hs_meeting_start_time: start.toISOString(),
        hs_meeting_end_time: new Date(start.getTime() + HOUR_MS / 2).toISOString(),
        hs_meeting_outcome: prng.pick([
          'SCHEDULED',
          'COMPLETED',
          'COMPLETED',
          'RESCHEDULED',
          'NO_SHOW',
          'CANCELED',
        ]),
      },
    });
  }
  for (let i = prng.int(0, 3); i > 0; i--) {
    out.push({
      type: 'calls',
      properties: {
        hs_timestamp: at().toISOString(),
        hs_call_direction: prng.pick(['INBOUND', 'OUTBOUND', 'OUTBOUND']),
        hs_call_status: prng.pick(['COMPLETED', 'COMPLETED', 'NO_ANSWER', 'BUSY']),
        hs_call_duration: String(prng.int(0, 45 * 60) * 1000),
        hs_call_title: 'Call with prospect',
      },
    });
  }
  if (prng.chance(0.3)) {
    out.push({
      type: 'notes',
      properties: { hs_timestamp: at().toISOString(), hs_note_body: 'Asked for a pricing sheet.' },
    });
  }
  return out;
}
