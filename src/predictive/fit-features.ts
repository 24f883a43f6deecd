import type { CategoricalColumn, FeatureColumn, NumericColumn } from './feature-column.js';
import { MISSING_LEVEL, OTHER_LEVEL } from './feature.js';
import type { Feature } from './feature.js';

/** A level seen in fewer training rows than this is grouped into (other). */
export function minLevelCount(rows: number): number {
  return Math.max(10, Math.ceil(0.005 * rows));
}

/**
 * The features of some columns, fitted on the training rows only (medians, means, standard deviations,
 * the levels kept): nothing about the rows a model is tested on may shape it.
 * - numeric: missing → the median, then standardised; plus a missing indicator when any value is missing.
 * - categorical: one indicator per level seen at least minLevelCount times, (other) for the rarer ones,
 *   (missing) when any value is missing. No level is dropped: the L2 penalty keeps the model identifiable.
 */
export function fitFeatures(columns: readonly FeatureColumn[], rows: ArrayLike<number>): Feature[] {
  const features: Feature[] = [];
  for (const column of columns) {
    if (column.kind === 'numeric') features.push(...numericFeatures(column, rows));
    else features.push(...levelFeatures(column, rows));
  }
  return features;
}

function numericFeatures(column: NumericColumn, rows: ArrayLike<number>): Feature[] {
  const present: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const value = column.values[rows[i]!]!;
    if (!Number.isNaN(value)) present.push(value);
  }
  if (present.length === 0) return [];
  present.sort((a, b) => a - b);
  const middle = present.length >> 1;
  const median = present.length % 2 ? present[middle]! : (present[middle - 1]! + present[middle]!) / 2;
  const missing = rows.length - present.length;
  let sum = missing * median;
  for (const value of present) sum += value;
  const mean = sum / rows.length;
  let squares = missing * (median - mean) ** 2;
  for (const value of present) squares += (value - mean) ** 2;
  const deviation = Math.sqrt(squares / rows.length);
  // Constant in this fold: centred it is 0 everywhere, and a unit scale keeps it so.
  const std = deviation > 1e-12 ? deviation : 1;
  const name = column.name;
  const features: Feature[] = [{ name, column: name, kind: column.role ?? 'numeric', median, mean, std }];
  if (missing > 0) {
    features.push({
      name: `${name} ${MISSING_LEVEL}`,
      column: name,
      kind: 'missing',
      share: missing / rows.length,
    });
  }
  return features;
}

function levelFeatures(column: CategoricalColumn, rows: ArrayLike<number>): Feature[] {
  const counts = new Int32Array(column.levels.length);
  let missing = 0;
  for (let i = 0; i < rows.length; i++) {
    const code = column.codes[rows[i]!]!;
    if (code < 0) missing++;
    else counts[code]!++;
  }
  const minimum = minLevelCount(rows.length);
  const kept = column.levels
    .map((level, code) => [level, counts[code]!] as [string, number])
    .filter(([, count]) => count >= minimum)
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  const rare = rows.length - missing - kept.reduce((sum, [, count]) => sum + count, 0);
  const levels: Array<[string, number]> = [...kept];
  if (rare > 0) levels.push([OTHER_LEVEL, rare]);
  if (missing > 0) levels.push([MISSING_LEVEL, missing]);
  const name = column.name;
  return levels.map(([level, count]) => ({
    name: `${name} = ${level}`,
    column: name,
    kind: 'level',
    level,
    share: count / rows.length,
  }));
}
