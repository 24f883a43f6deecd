/**
 * The status a sync writes to the CRM, from the engine's verdict, sales' feedback read back from the CRM
 * and what leadscore wrote last time (`current`). Pure: the caller reads and persists the lead marks.
 *
 * 1. Sales signal: accepted when the lead status or lifecycle stage matches an accepted value; otherwise
 *    rejected when either matches a rejected value; otherwise none. Values compare case-insensitively.
 * 2. Accepted → sales_accepted, whatever the engine says: never an mql, never a handoff. A rejection mark
 *    left from before is cleared, so that a later rejection counts from its own moment.
 * 3. Rejected → the rejection counts from mark.rejectedAt, or from now when first seen (then rejectedAt
 *    and episodeStart are both set to now). The lead is an mql again only when the engine says mql and
 *    it engaged strictly after the rejection (any activity but email_bounce and unsubscribe): a new
 *    handoff episode starting at the rejection. Otherwise sales_rejected.
 * 4. None (sales has not decided, or moved the lead back): a rejection mark is cleared, episodeStart kept.
 *    Disqualified and mql are the engine's. Nurture stays mql while current is mql and
 *    score ≥ threshold − hysteresis (hysteresis). A demotion from mql (current mql, result not) sets
 *    episodeStart to now, so that requalifying later is a new handoff episode.
 * 5. becameMql: the result is mql and current is not. episode: the episodeStart in effect after the
 *    decision's mark update, in ms since the epoch; 0 for a lead's first episode.
 */
import type { Activity, ActivityType } from '../model/activity.js';
import type { ScoreStatus, Status } from '../model/lead.js';
import type { LeadMark, LeadMarkUpdate } from '../state/lead-mark-store.js';
import { salesSignal } from './sales-feedback.js';
import type { SalesDecision, SalesFeedbackRules } from './sales-feedback.js';

export type { SalesFeedbackRules } from './sales-feedback.js';

export interface LifecycleInput {
  engine: { status: ScoreStatus; score: number };
  /** The model's MQL threshold. */
  threshold: number;
  /** ≥ 0. */
  hysteresis: number;
  /** The status the CRM holds now (what leadscore wrote last time); absent for a never-scored record. */
  current?: Status;
  /** A canonical Lead will do; `ref.id` is the record the mark update is for. */
  lead: {
    ref: { id: string };
    leadStatus?: string;
    lifecycleStage?: string;
    activities: readonly Activity[];
  };
  mark?: LeadMark;
  rules: SalesFeedbackRules;
  now: Date;
}

export interface LifecycleDecision {
  status: Status;
  /** True when status is mql and `current` is not: a handoff is due. */
  becameMql: boolean;
  /** The handoff episode: ms since epoch of mark.episodeStart (after this decision's update), 0 for a lead's first. */
  episode: number;
  /** What to persist in lead marks; absent when nothing changes. */
  markUpdate?: LeadMarkUpdate;
  /** One readable sentence when the lifecycle overrode the engine; absent otherwise. */
  note?: string;
}

type MarkChange = Omit<LeadMarkUpdate, 'recordId'>;

interface Outcome {
  status: Status;
  change: MarkChange;
  note?: string;
}

/** Not the lead engaging: these cannot bring a lead sales rejected back. */
const NOT_ENGAGEMENT: ReadonlySet<ActivityType> = new Set(['email_bounce', 'unsubscribe']);

export function decideLifecycle(input: LifecycleInput): LifecycleDecision {
  const signal = salesSignal(input.lead, input.rules);
  const outcome =
    signal.kind === 'accepted'
      ? accepted(input, signal)
      : signal.kind === 'rejected'
        ? rejected(input, signal)
        : undecided(input);
  return decision(input, outcome);
}

function accepted(input: LifecycleInput, signal: SalesDecision): Outcome {
  const change: MarkChange = input.mark?.rejectedAt ? { rejectedAt: null } : {};
  return { status: 'sales_accepted', change, note: `Sales accepted (${signal.field} ${signal.value})` };
}

function rejected(input: LifecycleInput, signal: SalesDecision): Outcome {
  const { mark, now, engine, lead } = input;
  const rejectedAt = mark?.rejectedAt ?? now;
  let change: MarkChange;
  if (!mark?.rejectedAt) change = { rejectedAt: now, episodeStart: now };
  // A rejection always starts an episode; a mark that says otherwise was not written by this function.
  else if (mark.episodeStart?.getTime() !== rejectedAt.getTime()) change = { episodeStart: rejectedAt };
  else change = {};
  if (engine.status === 'mql' && engagedAfter(lead.activities, rejectedAt)) return { status: 'mql', change };
  return { status: 'sales_rejected', change, note: `Sales rejected (${signal.field} ${signal.value})` };
}

function undecided(input: LifecycleInput): Outcome {
  const { engine, current, threshold, hysteresis } = input;
  const change: MarkChange = input.mark?.rejectedAt ? { rejectedAt: null } : {};
  let outcome: Outcome = { status: engine.status, change };
  if (engine.status === 'nurture' && current === 'mql' && engine.score >= threshold - hysteresis) {
    const note = `MQL kept: ${engine.score} ≥ ${threshold} − ${hysteresis} (hysteresis)`;
    outcome = { status: 'mql', change, note };
  }
  if (current === 'mql' && outcome.status !== 'mql') change.episodeStart = input.now;
  return outcome;
}

function engagedAfter(activities: readonly Activity[], since: Date): boolean {
  const after = since.getTime();
  return activities.some((a) => !NOT_ENGAGEMENT.has(a.type) && a.at.getTime() > after);
}

function decision(input: LifecycleInput, { status, change, note }: Outcome): LifecycleDecision {
  const episodeStart = change.episodeStart ?? input.mark?.episodeStart;
  const result: LifecycleDecision = {
    status,
    becameMql: status === 'mql' && input.current !== 'mql',
    episode: episodeStart?.getTime() ?? 0,
  };
  if (change.rejectedAt !== undefined || change.episodeStart !== undefined) {
    result.markUpdate = { recordId: input.lead.ref.id, ...change };
  }
  if (note !== undefined) result.note = note;
  return result;
}
