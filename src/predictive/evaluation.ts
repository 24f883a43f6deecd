import type { Grade } from '../model/lead.js';
import { rocAuc, rocCurve } from './auc.js';
import type { RocPoint } from './auc.js';
import type { SkippedColumn } from './column-plan.js';
import type { ColumnSignal } from './column-signals.js';
import { meanAndStd } from './cross-validate.js';
import {
  atThreshold,
  brierScore,
  calibration,
  gradeTable,
  liftTopDecile,
  scoreBands,
  scoreHistogram,
} from './score-metrics.js';
import type { Band, CalibrationBin, GradeRow, ScoreHistogram, ThresholdMetrics } from './score-metrics.js';
import type { TimeHoldout } from './time-holdout.js';
import type { Factor } from './top-factors.js';

export type EvaluatedModel =
  | { kind: 'predictive'; trained: 'cross-validation'; regularisation: { penalty: 'l2'; C: number } }
  | { kind: 'predictive'; file: string; label: string }
  | { kind: 'rules'; file: string; ref: string };

/** What `leadscore evaluate` measures; `--format json` prints it as it is, a report renders it. */
export interface Evaluation {
  input: string;
  label: string;
  model: EvaluatedModel;
  /** Which evaluation the headline `auc` is, in words. */
  headline: string;
  rows: number;
  positives: number;
  conversionRate: number;
  auc: number;
  auc_std: number;
  folds: number;
  foldAucs: number[];
  seed: number;
  timeHoldout: TimeHoldout | null;
  bands: Band[];
  byGrade: GradeRow[] | null;
  atThreshold: ThresholdMetrics;
  liftTopDecile: number | null;
  calibration: CalibrationBin[];
  brier: number;
  topFactors: Factor[] | null;
  columns: ColumnSignal[] | null;
  /** At most 200 points from (0, 0) to (1, 1). */
  roc: RocPoint[];
  histogram: ScoreHistogram;
  excluded: SkippedColumn[];
  warnings: string[];
  notes: string[];
}

export interface ScoredOutcomes {
  /** What ranks the leads: the probability of a predictive model, the score of a rule model. */
  ranking: ArrayLike<number>;
  /** 0–100 scores, for bands, the histogram and the threshold. */
  scores: ArrayLike<number>;
  /** For calibration (a rule model has none: its score / 100 stands in). */
  probabilities: ArrayLike<number>;
  outcomes: Uint8Array;
  threshold: number;
  grades?: readonly Grade[];
}

export type OutcomeMetrics = Pick<
  Evaluation,
  | 'rows'
  | 'positives'
  | 'conversionRate'
  | 'bands'
  | 'byGrade'
  | 'atThreshold'
  | 'liftTopDecile'
  | 'calibration'
  | 'brier'
  | 'roc'
  | 'histogram'
>;

/** Everything measured from scores and outcomes alone, however the scores were made. */
export function outcomeMetrics(scored: ScoredOutcomes): OutcomeMetrics {
  const { ranking, scores, probabilities, outcomes } = scored;
  const positives = outcomes.reduce((sum, v) => sum + v, 0);
  const histogram = scoreHistogram(scores, outcomes);
  return {
    rows: outcomes.length,
    positives,
    conversionRate: positives / outcomes.length,
    bands: scoreBands(histogram),
    byGrade: scored.grades ? gradeTable(scored.grades, outcomes) : null,
    atThreshold: atThreshold(scores, outcomes, scored.threshold),
    liftTopDecile: liftTopDecile(ranking, outcomes),
    calibration: calibration(probabilities, outcomes),
    brier: brierScore(probabilities, outcomes),
    roc: rocCurve(ranking, outcomes),
    histogram,
  };
}

/** AUC of fixed scores over all rows, with the spread of its value over the folds of a stratified split. */
export function fixedScoreAuc(
  ranking: ArrayLike<number>,
  outcomes: Uint8Array,
  foldOf: Int32Array,
  folds: number,
): { auc: number; auc_std: number; foldAucs: number[] } {
  const foldAucs = Array.from({ length: folds }, (_, fold) => {
    const rows = [...foldOf.keys()].filter((row) => foldOf[row] === fold);
    return rocAuc(
      rows.map((row) => ranking[row]!),
      rows.map((row) => outcomes[row]!),
    );
  });
  return { auc: rocAuc(ranking, outcomes), auc_std: meanAndStd(foldAucs).std, foldAucs };
}
