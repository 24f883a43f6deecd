import type { InputProblemHandler } from '../input/input-problem.js';
import { describeValue } from '../input/parsed.js';
import { PROFILE_FIELD_KINDS } from '../model/lead.js';
import type { Grade, Lead, ProfileField } from '../model/lead.js';
import { loadModel } from '../scoring/load-model.js';
import { scoreLead } from '../scoring/score-lead.js';
import { columnKey } from './data-table.js';
import { fixedScoreAuc, outcomeMetrics } from './evaluation.js';
import type { Evaluation } from './evaluation.js';
import type { FixedEvaluationOptions } from './evaluate-predictive.js';
import { stratifiedFolds } from './folds.js';
import { readLeadRecords } from './lead-records.js';
import { OUTCOME_VALUES, parseOutcome } from './outcome.js';
import { TrainingDataError } from './predictive-errors.js';

export interface RuleEvaluationOptions extends FixedEvaluationOptions {
  input: string;
  format: 'csv' | 'jsonl';
  label: string;
  /** The rule model (YAML). */
  rules: string;
  /** Scoring moment (decay, windows, inactivity). */
  now: Date;
  onProblem: InputProblemHandler;
}

/**
 * A rule model scored on a lead file with known outcomes: the AUC of its score, conversion by band and by
 * grade, and precision and recall at its MQL threshold (score only; acceptance criteria not applied).
 */
export async function evaluateRules(options: RuleEvaluationOptions): Promise<Evaluation> {
  const { compiled, file } = await loadModel(options.rules);
  const records = await readLeadRecords(options.input, options.format, options.onProblem);
  const scores: number[] = [];
  const grades: Grade[] = [];
  const outcomes: number[] = [];
  let found = false;
  let unlabelled = 0;
  for (const { lead, line } of records) {
    const value = outcomeOf(lead, options.label);
    found ||= value.found;
    const outcome = parseOutcome(value.value);
    if (outcome === 'missing') {
      unlabelled++;
      continue;
    }
    if (outcome === 'invalid') {
      throw new TrainingDataError(
        'DATA_BAD_LABEL',
        `${options.input}:${line}: ${options.label}: expected an outcome (${OUTCOME_VALUES}), got ${describeValue(value.value)}`,
      );
    }
    const result = scoreLead(compiled, lead, options.now);
    scores.push(result.score);
    grades.push(result.grade);
    outcomes.push(outcome);
  }
  if (records.length === 0) throw new TrainingDataError('DATA_EMPTY', `${options.input}: has no leads`);
  if (!found) {
    throw new TrainingDataError(
      'DATA_NO_LABEL',
      `${options.input}: no lead has an outcome field or column "${options.label}" (--label)`,
    );
  }
  const labelled = Uint8Array.from(outcomes);
  const positives = outcomes.reduce((sum, v) => sum + v, 0);
  if (positives === 0 || positives === outcomes.length) {
    throw new TrainingDataError(
      'DATA_SINGLE_CLASS',
      `${options.input}: ${options.label}: every outcome is ${positives ? '1' : '0'}; an evaluation needs leads that converted and leads that did not`,
    );
  }
  const foldOf = stratifiedFolds(labelled, options.folds, options.seed, options.input);
  const threshold = options.threshold ?? compiled.source.mql.threshold;
  return {
    input: options.input,
    label: options.label,
    model: { kind: 'rules', file, ref: compiled.ref },
    headline: `ROC AUC of the rule score over every lead; auc_std is its spread over ${options.folds} stratified folds (seed ${options.seed})`,
    ...fixedScoreAuc(scores, labelled, foldOf, options.folds),
    folds: options.folds,
    seed: options.seed,
    timeHoldout: null,
    ...outcomeMetrics({
      ranking: scores,
      scores,
      probabilities: scores.map((score) => Math.min(1, Math.max(0, score / 100))),
      outcomes: labelled,
      threshold,
      grades,
    }),
    topFactors: null,
    columns: null,
    excluded: [],
    warnings: [],
    notes: [
      `scored as of ${options.now.toISOString()}; calibration reads score / 100 as a probability`,
      ...(unlabelled ? [`${unlabelled} leads without a ${options.label} value were left out`] : []),
    ],
  };
}

/** The outcome of a lead: a custom field or column (any case and spacing), or a profile field. */
function outcomeOf(lead: Lead, label: string): { found: boolean; value: unknown } {
  const custom = lead.custom ?? {};
  const key = Object.hasOwn(custom, label)
    ? label
    : Object.keys(custom).find((k) => columnKey(k) === columnKey(label));
  if (key !== undefined) return { found: true, value: custom[key] };
  if (Object.hasOwn(PROFILE_FIELD_KINDS, label)) return { found: true, value: lead[label as ProfileField] };
  return { found: false, value: undefined };
}
