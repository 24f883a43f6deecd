import type { FeatureColumn } from './feature-column.js';
import { designMatrix } from './design-matrix.js';
import type { Feature } from './feature.js';
import { fitFeatures } from './fit-features.js';
import { fitLogistic } from './logistic-regression.js';
import type { LogisticOptions } from './logistic-regression.js';
import { scoreDesign } from './score-design.js';

export interface FittedModel {
  features: Feature[];
  intercept: number;
  coefficients: Float64Array;
  iterations: number;
  converged: boolean;
}

export function columnMap(columns: readonly FeatureColumn[]): Map<string, FeatureColumn> {
  return new Map(columns.map((column) => [column.name, column]));
}

/** Preprocessing and regression, both fitted on `rows` only. */
export function fitModel(
  columns: readonly FeatureColumn[],
  outcomes: Uint8Array,
  rows: Int32Array,
  logistic: Partial<LogisticOptions> = {},
): FittedModel {
  const features = fitFeatures(columns, rows);
  const design = designMatrix(features, columnMap(columns), rows);
  const fit = fitLogistic(
    design,
    Uint8Array.from(rows, (row) => outcomes[row]!),
    logistic,
  );
  return { features, ...fit };
}

export function predictRows(
  model: Pick<FittedModel, 'features' | 'intercept' | 'coefficients'>,
  columns: ReadonlyMap<string, FeatureColumn>,
  rows: Int32Array,
): Float64Array {
  return scoreDesign(designMatrix(model.features, columns, rows), model.coefficients, model.intercept);
}
