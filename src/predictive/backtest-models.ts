import type { ScoreStatus } from '../model/lead.js';
import type { LoadedModel } from '../scoring/load-model.js';
import { scoreLead } from '../scoring/score-lead.js';
import type { LeadHistory } from './backtest-history.js';

/** One model's MQLs on the history. */
export interface BacktestSide {
  file: string;
  /** `id@hash8`. */
  ref: string;
  threshold: number;
  /** Leads the engine makes MQLs (status `mql`: the threshold, acceptance and exclusion criteria). */
  mqls: number;
  /** Share of all leads that are MQLs. */
  mqlShare: number;
  /** MQLs that converted. */
  converted: number;
  /** Share of the MQLs that converted (the precision); null without MQLs. */
  conversionRate: number | null;
  /** Share of the converted leads that were MQLs; null when no lead converted. */
  recall: number | null;
}

/** A lead that is an MQL under one model and not under the other. */
export interface Flip {
  id: string;
  email?: string;
  /** The line of the lead file the lead starts on. */
  line: number;
  converted: boolean;
  old: { score: number; status: ScoreStatus };
  new: { score: number; status: ScoreStatus };
}

export interface FlipGroup {
  count: number;
  converted: number;
  conversionRate: number | null;
  /** The first `top`: flipped in by the new score, flipped out by the old score, highest first. */
  leads: Flip[];
}

/** What `leadscore backtest` measures; `--format json` prints it as it is. */
export interface Backtest {
  input: string;
  label: string;
  asOf: string;
  leads: number;
  converted: number;
  conversionRate: number;
  new: BacktestSide;
  old: BacktestSide;
  /** new.mqls − old.mqls. */
  change: number;
  /** MQL under both models, and under neither. */
  unchanged: { both: number; neither: number };
  /** MQL under the new model only. */
  flippedIn: FlipGroup;
  /** MQL under the old model only. */
  flippedOut: FlipGroup;
  notes: string[];
  warnings: string[];
}

export interface BacktestOptions {
  history: LeadHistory;
  newModel: LoadedModel;
  oldModel: LoadedModel;
  /** Scoring moment: activities after it have not happened yet. */
  asOf: Date;
  /** Flips listed per group. */
  top: number;
}

interface Scored {
  score: number;
  status: ScoreStatus;
}

/**
 * Scores every lead of the history with both models as of one moment and compares their MQLs: how many
 * each makes and how many of those converted, and the leads that flip between them.
 */
export function backtestModels(options: BacktestOptions): Backtest {
  const { history, asOf } = options;
  const scoreAll = (model: LoadedModel): Scored[] =>
    history.records.map(({ lead }) => {
      const result = scoreLead(model.compiled, lead, asOf);
      return { score: result.score, status: result.status };
    });
  const newScores = scoreAll(options.newModel);
  const oldScores = scoreAll(options.oldModel);
  const outcomes = history.outcomes;
  const positives = outcomes.reduce((sum, v) => sum + v, 0);
  const flipsIn: Flip[] = [];
  const flipsOut: Flip[] = [];
  const unchanged = { both: 0, neither: 0 };
  history.records.forEach((record, i) => {
    const isNew = newScores[i]!.status === 'mql';
    const isOld = oldScores[i]!.status === 'mql';
    if (isNew === isOld) {
      unchanged[isNew ? 'both' : 'neither']++;
      return;
    }
    const { lead, line } = record;
    const flip: Flip = {
      id: lead.ref.id,
      ...(lead.email ? { email: lead.email } : {}),
      line,
      converted: outcomes[i] === 1,
      old: oldScores[i]!,
      new: newScores[i]!,
    };
    (isNew ? flipsIn : flipsOut).push(flip);
  });
  const n = outcomes.length;
  const warnings =
    positives === 0 || positives === n
      ? [
          `every lead's ${history.label} is ${positives ? '1' : '0'}: conversion rates cannot tell the models apart`,
        ]
      : [];
  const newSide = side(options.newModel, newScores, outcomes, positives);
  const oldSide = side(options.oldModel, oldScores, outcomes, positives);
  return {
    input: history.file,
    label: history.label,
    asOf: asOf.toISOString(),
    leads: n,
    converted: positives,
    conversionRate: positives / n,
    new: newSide,
    old: oldSide,
    change: newSide.mqls - oldSide.mqls,
    unchanged,
    flippedIn: group(flipsIn, (flip) => flip.new.score, options.top),
    flippedOut: group(flipsOut, (flip) => flip.old.score, options.top),
    notes: history.unlabelled ? [unlabelledNote(history.unlabelled, history.label)] : [],
    warnings,
  };
}

function unlabelledNote(count: number, label: string): string {
  return count === 1
    ? `1 lead without a ${label} value was left out`
    : `${count} leads without a ${label} value were left out`;
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function side(model: LoadedModel, scored: Scored[], outcomes: Uint8Array, positives: number): BacktestSide {
  let mqls = 0;
  let converted = 0;
  scored.forEach((lead, i) => {
    if (lead.status !== 'mql') return;
    mqls++;
    converted += outcomes[i]!;
  });
  return {
    file: model.file,
    ref: model.compiled.ref,
    threshold: model.model.mql.threshold,
    mqls,
    mqlShare: mqls / scored.length,
    converted,
    conversionRate: rate(converted, mqls),
    recall: rate(converted, positives),
  };
}

function group(flips: Flip[], scoreOf: (flip: Flip) => number, top: number): FlipGroup {
  const converted = flips.filter((flip) => flip.converted).length;
  const leads = [...flips].sort((a, b) => scoreOf(b) - scoreOf(a) || a.line - b.line).slice(0, top);
  return { count: flips.length, converted, conversionRate: rate(converted, flips.length), leads };
}
