import { findColumn } from './data-table.js';
import { fixedScoreAuc, outcomeMetrics } from './evaluation.js';
import type { Evaluation } from './evaluation.js';
import { stratifiedFolds } from './folds.js';
import type { PredictiveModel } from './model-artifact.js';
import { predictTable } from './predict.js';
import type { TrainingData } from './read-training-data.js';
import { predictiveScore } from './score-design.js';
import { topFactors } from './top-factors.js';
import type { Training } from './train-model.js';

/** The score at or above which a predictive lead counts as an MQL, unless told otherwise: p ≥ 0.5. */
export const DEFAULT_PREDICTIVE_THRESHOLD = 50;

/**
 * The evaluation of a training run: every figure comes from out-of-fold predictions (each lead scored by
 * the model of the folds that did not see it); the factors are those of the model fitted on every row.
 */
export function evaluateTraining(
  training: Training,
  data: TrainingData,
  threshold = DEFAULT_PREDICTIVE_THRESHOLD,
): Evaluation {
  const { cv, model } = training;
  const probabilities = cv.outOfFold;
  const folds = cv.folds.length;
  return {
    input: data.table.file,
    label: data.label,
    model: {
      kind: 'predictive',
      trained: 'cross-validation',
      regularisation: { penalty: 'l2', C: model.regularisation.C },
    },
    headline:
      `mean ROC AUC over ${folds} stratified folds (seed ${model.seed}), each scored by a model trained on the other folds; ` +
      'the other figures pool those out-of-fold predictions',
    auc: cv.auc,
    auc_std: cv.aucStd,
    folds,
    foldAucs: cv.folds.map((fold) => fold.auc),
    seed: model.seed,
    timeHoldout: training.timeHoldout,
    ...outcomeMetrics({
      ranking: probabilities,
      scores: probabilities.map(predictiveScore),
      probabilities,
      outcomes: data.outcomes,
      threshold,
    }),
    topFactors: topFactors(training.final),
    columns: training.signals,
    excluded: training.plan.skipped,
    warnings: training.warnings,
    notes: training.notes,
  };
}

export interface FixedEvaluationOptions {
  folds: number;
  seed: number;
  threshold?: number;
}

/** A trained model scored on a file as it is (new data, typically): no refitting. */
export function evaluateSavedModel(
  model: PredictiveModel,
  file: string,
  data: TrainingData,
  options: FixedEvaluationOptions,
): Evaluation {
  const probabilities = predictTable(model, data.table);
  const foldOf = stratifiedFolds(data.outcomes, options.folds, options.seed, data.table.file);
  const columns = [...new Set(model.features.map((feature) => feature.column))];
  const absent = columns.filter((column) => findColumn(data.table.columns, column) < 0);
  const warnings = absent.length
    ? [
        `${data.table.file} has no column ${absent.map((c) => `"${c}"`).join(', ')} the model uses; treated as missing throughout`,
      ]
    : [];
  return {
    input: data.table.file,
    label: data.label,
    model: { kind: 'predictive', file, label: model.label },
    headline: `ROC AUC of the model's predictions over every row; auc_std is its spread over ${options.folds} stratified folds (seed ${options.seed})`,
    ...fixedScoreAuc(probabilities, data.outcomes, foldOf, options.folds),
    folds: options.folds,
    seed: options.seed,
    timeHoldout: null,
    ...outcomeMetrics({
      ranking: probabilities,
      scores: probabilities.map(predictiveScore),
      probabilities,
      outcomes: data.outcomes,
      threshold: options.threshold ?? DEFAULT_PREDICTIVE_THRESHOLD,
    }),
    topFactors: topFactors(model),
    columns: null,
    excluded: model.excluded,
    warnings,
    notes: data.unlabelled ? [`${data.unlabelled} rows without a ${data.label} value were left out`] : [],
  };
}
