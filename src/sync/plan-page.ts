import type { ScoreUpdate, ScoreValues, Transition } from '../connector/crm-adapter.js';
import type { Lead } from '../model/lead.js';
import type { CompiledModel } from '../scoring/compile-model.js';
import { predictLeads } from '../predictive/predict-leads.js';
import type { LeadPrediction } from '../predictive/predict-leads.js';
import type { PredictiveModel } from '../predictive/model-artifact.js';
import { scoreLead } from '../scoring/score-lead.js';
import type { LeadMark, LeadMarkUpdate } from '../state/index.js';
import { needsWrite } from './score-diff.js';
import { scoreValuesOf } from './score-values.js';
import { decideLifecycle } from './status-lifecycle.js';
import type { SalesFeedbackRules } from './status-lifecycle.js';

const REASONS_MAX = 1000;

export interface LeadPlan {
  lead: Lead;
  values: ScoreValues;
  /** The CRM's values differ from `values`. */
  changed: boolean;
  transition?: Transition;
}

export interface PagePlan {
  leads: LeadPlan[];
  markUpdates: LeadMarkUpdate[];
}

export interface PlanContext {
  connector: string;
  model: CompiledModel;
  /** A trained predictive model: its 0–100 score is written beside the rule score. */
  predictive?: PredictiveModel;
  hysteresis: number;
  salesFeedback: SalesFeedbackRules;
  now: Date;
}

/**
 * The handoff ledger's key: record + transition + episode + model. The episode (a rejection or a demotion
 * since the last MQL) lets a lead that qualifies again be handed off again; everything in the key is stable
 * across retries and crashes, so a repeated attempt finds the same key.
 */
export function transitionKey(connector: string, lead: Lead, episode: number, model: string): string {
  return `${connector}:${lead.ref.object}:${lead.ref.id}:mql:${episode}:${model}`;
}

/** Scores a page, applies the status lifecycle and decides what to write and hand off. Pure. */
export function planPage(
  ctx: PlanContext,
  leads: readonly Lead[],
  marks: ReadonlyMap<string, LeadMark>,
): PagePlan {
  const threshold = ctx.model.source.mql.threshold;
  const markUpdates: LeadMarkUpdate[] = [];
  const predictions = ctx.predictive ? predictLeads(ctx.predictive, leads, ctx.now) : undefined;
  const plans = leads.map((lead, i): LeadPlan => {
    const result = scoreLead(ctx.model, lead, ctx.now);
    const decision = decideLifecycle({
      engine: { status: result.status, score: result.score },
      threshold,
      hysteresis: ctx.hysteresis,
      current: lead.current?.status,
      lead,
      mark: marks.get(lead.ref.id),
      rules: ctx.salesFeedback,
      now: ctx.now,
    });
    if (decision.markUpdate) markUpdates.push(decision.markUpdate);
    const prediction = predictions?.[i];
    const values: ScoreValues = {
      ...scoreValuesOf(result),
      status: decision.status,
      reasons: withPrediction(withNote(decision.note, result.reasons), prediction),
      ...(prediction ? { predictive: prediction.score } : {}),
    };
    const transition: Transition | undefined = decision.becameMql
      ? {
          key: transitionKey(ctx.connector, lead, decision.episode, result.model),
          ref: lead.ref,
          kind: 'became_mql',
          model: result.model,
          score: result.score,
          grade: result.grade,
          reasons: values.reasons,
          ownerId: lead.ownerId,
          email: lead.email,
          at: ctx.now,
        }
      : undefined;
    return { lead, values, changed: needsWrite(lead.current, values), transition };
  });
  return { leads: plans, markUpdates };
}

/** The lifecycle's note leads the reasons text, which stays within the CRM property's 1,000 characters. */
function withNote(note: string | undefined, reasons: string): string {
  if (!note) return reasons;
  return capped(reasons ? `${note}. ${reasons}` : note);
}

/** The predictive score's top factors join the reasons, after the rules' own. */
function withPrediction(reasons: string, prediction: LeadPrediction | undefined): string {
  if (!prediction) return reasons;
  const factors = prediction.factors.length ? `: ${prediction.factors.join(', ')}` : '';
  const text = `Predictive ${prediction.score}${factors}`;
  return capped(reasons ? `${reasons} · ${text}` : text);
}

function capped(text: string): string {
  return text.length <= REASONS_MAX ? text : `${text.slice(0, REASONS_MAX - 1)}…`;
}

/** A lead whose handoff did not complete keeps the status the CRM holds, so that the next run tries again. */
export function withheldUpdate(plan: LeadPlan): ScoreUpdate {
  // A transition means the CRM's status is not mql, so this is never an mql either.
  const status = plan.lead.current?.status ?? 'nurture';
  return { ref: plan.lead.ref, values: { ...plan.values, status } };
}
