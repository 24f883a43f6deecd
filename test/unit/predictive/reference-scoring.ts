/**
 * Predictive scoring written the plain way, feature by feature from the definitions (src/predictive/README.md),
 * to check the fast paths against: one design row per lead (every feature's value), then the intercept plus
 * each value × coefficient in feature order, and the sigmoid.
 */
import { cleanText } from '../../../src/input/parsed.js';
import type { Lead } from '../../../src/model/lead.js';
import { MISSING_LEVEL, OTHER_LEVEL } from '../../../src/predictive/feature.js';
import type { Feature } from '../../../src/predictive/feature.js';
import { leadRow } from '../../../src/predictive/lead-rows.js';
import type { PredictiveModel } from '../../../src/predictive/model-artifact.js';
import { parseNumberCell } from '../../../src/predictive/parse-cell.js';
import { modelActivityTypes } from '../../../src/predictive/predict-leads.js';
import { predictiveScore } from '../../../src/predictive/predict.js';

type Row = Readonly<Record<string, unknown>>;

/** A value as a number: text as written (trimmed; "n/a" and the like missing), numbers when finite. */
function numberOf(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value !== 'string') return Number.NaN;
  return parseNumberCell(cleanText(value), false);
}

function textOf(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : cleanText(String(value));
}

/** Every feature's value for one row. */
export function referenceDesignRow(model: PredictiveModel, row: Row): number[] {
  const categorical = (column: string) => model.features.find((f) => f.column === column)?.kind === 'level';
  const known = (column: string) =>
    new Set(
      model.features
        .filter((f) => f.column === column && f.kind === 'level')
        .map((f) => f.level)
        .filter((level) => level !== OTHER_LEVEL && level !== MISSING_LEVEL),
    );
  return model.features.map((feature: Feature) => {
    const value = row[feature.column];
    if (feature.kind === 'level') {
      const text = categorical(feature.column) ? textOf(value) : undefined;
      const level = text === undefined ? MISSING_LEVEL : known(feature.column).has(text) ? text : OTHER_LEVEL;
      return feature.level === level ? 1 : 0;
    }
    const number = categorical(feature.column) ? Number.NaN : numberOf(value);
    if (feature.kind === 'missing') return Number.isNaN(number) ? 1 : 0;
    const { median = 0, mean = 0, std = 1 } = feature;
    return ((Number.isNaN(number) ? median : number) - mean) / std;
  });
}

function probabilityOf(model: PredictiveModel, x: readonly number[]): number {
  let z = model.intercept;
  x.forEach((value, j) => {
    z += value * model.coefficients[j]!;
  });
  return 1 / (1 + Math.exp(-z));
}

export function referenceProbabilities(model: PredictiveModel, rows: readonly Row[]): number[] {
  return rows.map((row) => probabilityOf(model, referenceDesignRow(model, row)));
}

/** predictLeads the plain way: each lead's row (leadRow), its design row, and every contribution sorted. */
export function referenceLeadPredictions(
  model: PredictiveModel,
  leads: readonly Lead[],
  asOf: Date,
  topFactors = 2,
): Array<{ score: number; factors: string[] }> {
  const types = modelActivityTypes(model);
  return leads.map((lead) => {
    const x = referenceDesignRow(model, leadRow(lead, asOf, types));
    const contributions = x
      .map((value, j) => ({ name: model.features[j]!.name, value: model.coefficients[j]! * value }))
      .filter((c) => c.value > 0)
      .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
    return {
      score: predictiveScore(probabilityOf(model, x)),
      factors: contributions.slice(0, topFactors).map((c) => c.name),
    };
  });
}
