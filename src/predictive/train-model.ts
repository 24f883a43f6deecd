import { planColumns } from './column-plan.js';
import type { ColumnPlan } from './column-plan.js';
import { columnSignals } from './column-signals.js';
import type { ColumnSignal } from './column-signals.js';
import { crossValidate } from './cross-validate.js';
import type { CrossValidation } from './cross-validate.js';
import { allRows } from './design-matrix.js';
import { fitModel } from './fit-model.js';
import type { FittedModel } from './fit-model.js';
import { leakageWarning, leakyColumns } from './leakage.js';
import { DEFAULT_LOGISTIC } from './logistic-regression.js';
import { PREDICTIVE_FORMAT, PREDICTIVE_VERSION } from './model-artifact.js';
import type { PredictiveModel } from './model-artifact.js';
import type { TrainingData } from './read-training-data.js';
import { pickDateColumn, timeHoldout } from './time-holdout.js';
import type { TimeHoldout } from './time-holdout.js';

export const DEFAULT_SEED = 42;
export const DEFAULT_FOLDS = 5;

export interface TrainOptions {
  /** Columns (or `*` patterns) to leave out. */
  exclude?: readonly string[];
  /** Shuffles the folds; the fit itself has no randomness. Default 42. */
  seed?: number;
  /** Cross-validation folds. Default 5. */
  folds?: number;
  /** Inverse L2 strength (scikit-learn's C). Default 1. */
  C?: number;
  /** The date column for the time-based holdout (default: one found in the data). */
  timeColumn?: string;
  /** Recorded in the model as `source`. */
  format: 'csv' | 'jsonl';
  /** Recorded as `trainedAt`; default now. */
  trainedAt?: Date;
}

export interface Training {
  model: PredictiveModel;
  final: FittedModel;
  plan: ColumnPlan;
  cv: CrossValidation;
  signals: ColumnSignal[];
  timeHoldout: TimeHoldout | null;
  warnings: string[];
  notes: string[];
  /** Wall time of everything after reading the file. */
  seconds: number;
}

/** A cross-validated AUC this high is rare in lead scoring without a leak. */
const SUSPICIOUS_AUC = 0.97;
/** A time-based holdout this far below the cross-validated AUC suggests drift or a column filled in late. */
const HOLDOUT_GAP = 0.05;

/**
 * Trains a predictive model: column typing, stratified K-fold cross-validation of the whole pipeline, the
 * leakage checks, a time-based holdout when the data has dates, then the model fitted on every row.
 */
export function trainPredictive(data: TrainingData, options: TrainOptions): Training {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const folds = options.folds ?? DEFAULT_FOLDS;
  const C = options.C ?? DEFAULT_LOGISTIC.C;
  const { table, outcomes, label } = data;
  const planOptions = {
    exclude: options.exclude ?? [],
    ...(options.timeColumn ? { timeColumn: options.timeColumn } : {}),
  };
  const plan = planColumns(table, planOptions);
  const cv = crossValidate(plan.features, outcomes, { folds, seed, logistic: { C }, file: table.file });
  const final = fitModel(plan.features, outcomes, allRows(outcomes.length), { C });
  const signals = columnSignals(plan.features, outcomes, cv.foldOf);
  const dates = plan.time ?? pickDateColumn(plan.dates);
  const holdout = dates ? (timeHoldout(plan.features, outcomes, dates, { C }) ?? null) : null;

  const leaks = leakyColumns(signals);
  const warnings = leaks.map((signal) => leakageWarning(signal, label));
  if (leaks.length === 0 && cv.auc >= SUSPICIOUS_AUC) {
    warnings.push(
      `cross-validated ROC AUC ${cv.auc.toFixed(3)} is higher than lead scoring reaches without a leak: ` +
        `check for columns filled in after the outcome is known`,
    );
  }
  if (holdout && holdout.auc !== null && cv.auc - holdout.auc > HOLDOUT_GAP) {
    warnings.push(
      `the time-based holdout (latest 20 % by ${holdout.column}) reaches ROC AUC ${holdout.auc.toFixed(3)}, ` +
        `well below the cross-validated ${cv.auc.toFixed(3)}: conversion changed over time, or a column is filled in later`,
    );
  }
  if (!final.converged || cv.folds.some((fold) => !fold.model.converged)) {
    warnings.push(
      'the logistic regression did not converge within its iteration limit; coefficients are approximate',
    );
  }
  const notes = plan.skipped
    .filter((skipped) => skipped.reason !== 'excluded')
    .map((skipped) => `column "${skipped.column}" is not a feature (${skipped.reason}: ${skipped.note})`);
  if (data.unlabelled) notes.push(`${data.unlabelled} rows without a ${label} value were left out`);

  const positives = outcomes.reduce((sum, v) => sum + v, 0);
  const model: PredictiveModel = {
    format: PREDICTIVE_FORMAT,
    version: PREDICTIVE_VERSION,
    label,
    trainedAt: (options.trainedAt ?? new Date()).toISOString(),
    seed,
    source: { file: table.file, format: options.format },
    ...(data.asOf ? { asOf: data.asOf.toISOString() } : {}),
    rows: outcomes.length,
    positives,
    regularisation: { penalty: 'l2', C, intercept: 'unpenalised' },
    features: final.features,
    intercept: final.intercept,
    coefficients: [...final.coefficients],
    metrics: { cvAuc: cv.auc, cvAucStd: cv.aucStd, folds },
    excluded: plan.skipped,
    warnings,
  };
  const seconds = (performance.now() - started) / 1000;
  return { model, final, plan, cv, signals, timeHoldout: holdout, warnings, notes, seconds };
}
