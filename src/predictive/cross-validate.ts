import type { FeatureColumn } from './feature-column.js';
import { rocAuc } from './auc.js';
import { columnMap, fitModel, predictRows } from './fit-model.js';
import type { FittedModel } from './fit-model.js';
import { splitFold, stratifiedFolds } from './folds.js';
import type { LogisticOptions } from './logistic-regression.js';

export interface FoldResult {
  train: Int32Array;
  test: Int32Array;
  /** Fitted on `train` only. */
  model: FittedModel;
  auc: number;
}

export interface CrossValidation {
  folds: FoldResult[];
  /** Each row's fold. */
  foldOf: Int32Array;
  /** Each row's probability from the model that did not see it. */
  outOfFold: Float64Array;
  /** Mean and (population) standard deviation of the folds' AUCs. */
  auc: number;
  aucStd: number;
}

export interface CrossValidateOptions {
  folds: number;
  seed: number;
  logistic?: Partial<LogisticOptions>;
  /** Named in errors. */
  file?: string;
}

/** Stratified K-fold cross-validation of the whole pipeline: each fold fits its own preprocessing and model. */
export function crossValidate(
  columns: readonly FeatureColumn[],
  outcomes: Uint8Array,
  options: CrossValidateOptions,
): CrossValidation {
  const foldOf = stratifiedFolds(outcomes, options.folds, options.seed, options.file);
  const byName = columnMap(columns);
  const outOfFold = new Float64Array(outcomes.length);
  const folds: FoldResult[] = [];
  for (let fold = 0; fold < options.folds; fold++) {
    const { train, test } = splitFold(foldOf, fold);
    const model = fitModel(columns, outcomes, train, options.logistic);
    const predicted = predictRows(model, byName, test);
    test.forEach((row, i) => (outOfFold[row] = predicted[i]!));
    folds.push({
      train,
      test,
      model,
      auc: rocAuc(
        predicted,
        Uint8Array.from(test, (row) => outcomes[row]!),
      ),
    });
  }
  const { mean, std } = meanAndStd(folds.map((fold) => fold.auc));
  return { folds, foldOf, outOfFold, auc: mean, aucStd: std };
}

export function meanAndStd(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}
