import type { CrmAdapter, HandoffAction, ScoreValues } from '../connector/crm-adapter.js';
import type { Activity } from '../model/activity.js';
import { PROFILE_FIELDS } from '../model/lead.js';
import type { Lead, ScoreFields, ScoreStatus, Status } from '../model/lead.js';
import type { CompiledModel } from '../scoring/compile-model.js';
import { scoreLead } from '../scoring/score-lead.js';
import type { ScoreResult } from '../scoring/score-result.js';
import type { DeadLetter, LedgerEntry, ScoreSnapshot, StateStore } from '../state/index.js';
import { planPage, transitionKey } from '../sync/plan-page.js';
import { decideLifecycle } from '../sync/status-lifecycle.js';
import type { SalesFeedbackRules } from '../sync/status-lifecycle.js';
import { EXIT, LeadscoreError } from '../util/errors.js';

export const ACTIVITIES_SHOWN = 50;
export const HISTORY_SHOWN = 10;

/** `explain --id` named a record the CRM does not return (deleted, merged, or a typo). */
export class RecordNotFoundError extends LeadscoreError {
  constructor(connector: string, id: string) {
    super('RECORD_NOT_FOUND', `${connector}: no record with id "${id}"`, EXIT.invalid);
  }
}

export interface ExplainContext {
  connector: string;
  adapter: CrmAdapter;
  model: CompiledModel;
  state: StateStore;
  hysteresis: number;
  salesFeedback: SalesFeedbackRules;
  now: Date;
}

export interface HandoffOutlook {
  wouldHandOff: boolean;
  /** The actions a sync would send now. */
  actions: HandoffAction[];
  why: string;
}

export interface RecordExplanation {
  connector: string;
  id: string;
  now: Date;
  /** The canonical profile fields that are set (custom fields under `custom`). */
  profile: Record<string, unknown>;
  /** Newest first, at most ACTIVITIES_SHOWN; `total` counts them all. */
  activities: { total: number; shown: Activity[] };
  score: ScoreResult;
  lifecycle: { engineStatus: ScoreStatus; status: Status; note?: string; handoff: HandoffOutlook };
  crm: { current: Partial<ScoreFields> | null; wouldWrite: boolean; values: ScoreValues };
  /** The handoff ledger for the record's MQL episode; key null when the record is not an MQL. */
  ledger: { key: string | null; entries: LedgerEntry[] };
  history: ScoreSnapshot[];
  deadLetter: DeadLetter | null;
}

/** What a sync would do with one record, and why; reads the CRM and the state store, writes nothing. */
export async function explainRecord(ctx: ExplainContext, id: string): Promise<RecordExplanation> {
  const lead = await readOne(ctx, id);
  const { connector, state, now } = ctx;
  const marks = await state.leadMarks.get(connector, [id]);
  const plan = planPage(ctx, [lead], marks);
  const planned = plan.leads[0]!;
  const score = scoreLead(ctx.model, lead, now);
  // planPage keeps the decision to itself; the same pure call gives its note and episode.
  const decision = decideLifecycle({
    engine: { status: score.status, score: score.score },
    threshold: ctx.model.source.mql.threshold,
    hysteresis: ctx.hysteresis,
    current: lead.current?.status,
    lead,
    mark: marks.get(id),
    rules: ctx.salesFeedback,
    now,
  });
  const key =
    planned.transition?.key ??
    (planned.values.status === 'mql' ? transitionKey(connector, lead, decision.episode, score.model) : null);
  const letters = await state.deadLetters.list({ connector });
  return {
    connector,
    id,
    now,
    profile: profileOf(lead),
    activities: {
      total: lead.activities.length,
      shown: [...lead.activities].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, ACTIVITIES_SHOWN),
    },
    score,
    lifecycle: {
      engineStatus: score.status,
      status: planned.values.status,
      ...(decision.note ? { note: decision.note } : {}),
      handoff: await handoffOutlook(ctx, lead, planned.values.status, planned.transition?.key),
    },
    crm: { current: lead.current ?? null, wouldWrite: planned.changed, values: planned.values },
    ledger: { key, entries: key ? await state.handoffs.entries(key) : [] },
    history: await state.scoreHistory.history(connector, id, HISTORY_SHOWN),
    deadLetter: letters.find((d) => d.recordId === id) ?? null,
  };
}

async function readOne(ctx: ExplainContext, id: string): Promise<Lead> {
  for await (const page of ctx.adapter.read({ kind: 'ids', ids: [id] })) {
    const lead = page.leads.find((l) => l.ref.id === id);
    if (lead) return lead;
  }
  throw new RecordNotFoundError(ctx.connector, id);
}

function profileOf(lead: Lead): Record<string, unknown> {
  const profile: Record<string, unknown> = {};
  for (const field of PROFILE_FIELDS) {
    const value = lead[field];
    if (value !== undefined && value !== null && value !== '') profile[field] = value;
  }
  if (lead.custom && Object.keys(lead.custom).length) profile.custom = lead.custom;
  return profile;
}

async function handoffOutlook(
  ctx: ExplainContext,
  lead: Lead,
  status: Status,
  key: string | undefined,
): Promise<HandoffOutlook> {
  const no = (why: string): HandoffOutlook => ({ wouldHandOff: false, actions: [], why });
  if (key === undefined) {
    if (status !== 'mql') return no(`not an MQL (${status})`);
    return no('already an MQL in the CRM: handed off when it became one');
  }
  const configured = ctx.adapter.handoffActions;
  if (configured.length === 0) return no('it becomes an MQL, but no handoff actions are configured');
  const actions = await ctx.state.handoffs.pendingActions(key, configured);
  if (actions.length === 0)
    return no('the ledger shows every action of this episode done, or begun and not yet confirmed');
  const who = lead.email ? ` <${lead.email}>` : '';
  return {
    wouldHandOff: true,
    actions,
    why: `it becomes an MQL${who}: a sync would run ${actions.join(', ')}`,
  };
}
