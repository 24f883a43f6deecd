import { rocAuc } from './auc.js';
import { isPresent } from './feature-column.js';
import type { CategoricalColumn, FeatureColumn } from './feature-column.js';
import { minLevelCount } from './fit-features.js';

/** How well one column predicts the outcome on its own. */
export interface ColumnSignal {
  column: string;
  kind: 'numeric' | 'categorical';
  /** ROC AUC of the column alone over all rows, 0.5–1 whichever way it points. */
  auc: number;
  /** The same over the rows where the column has a value (null when too few rows of either outcome do). */
  aucWherePresent: number | null;
  /** Share of rows where the column has a value. */
  present: number;
}

/** Fewer rows of either outcome than this with a value, and the where-present AUC says too little to report. */
const MIN_PRESENT_PER_CLASS = 10;

/**
 * Each column's predictive power on its own. Numbers are ranked as they are (a missing value at the median);
 * categories by their conversion rate, learnt out of fold (rates from the other folds, rare levels pooled) so
 * that a column of many small levels cannot look perfect by memorising its rows.
 */
export function columnSignals(
  columns: readonly FeatureColumn[],
  outcomes: Uint8Array,
  foldOf: Int32Array,
): ColumnSignal[] {
  return columns
    .map((column) => {
      const scores =
        column.kind === 'numeric' ? imputed(column.values) : outOfFoldRates(column, outcomes, foldOf);
      const present: number[] = [];
      for (let row = 0; row < outcomes.length; row++) if (isPresent(column, row)) present.push(row);
      return {
        column: column.name,
        kind: column.kind,
        auc: pointless(rocAuc(scores, outcomes)),
        aucWherePresent: wherePresent(scores, outcomes, present),
        present: present.length / outcomes.length,
      };
    })
    .sort((a, b) => b.auc - a.auc || (a.column < b.column ? -1 : 1));
}

function wherePresent(scores: Float64Array, outcomes: Uint8Array, rows: readonly number[]): number | null {
  const subset = Uint8Array.from(rows, (row) => outcomes[row]!);
  const positives = subset.reduce((sum, v) => sum + v, 0);
  if (positives < MIN_PRESENT_PER_CLASS || subset.length - positives < MIN_PRESENT_PER_CLASS) return null;
  return pointless(
    rocAuc(
      Float64Array.from(rows, (row) => scores[row]!),
      subset,
    ),
  );
}

/** An AUC below 0.5 predicts the other way round just as well. */
function pointless(auc: number): number {
  return Number.isNaN(auc) ? 0.5 : Math.max(auc, 1 - auc);
}

function imputed(values: Float64Array): Float64Array {
  const present = values.filter((v) => !Number.isNaN(v)).sort();
  const median = present.length ? present[present.length >> 1]! : 0;
  return values.map((v) => (Number.isNaN(v) ? median : v));
}

function outOfFoldRates(column: CategoricalColumn, outcomes: Uint8Array, foldOf: Int32Array): Float64Array {
  const folds = foldOf.reduce((most, fold) => Math.max(most, fold), 0) + 1;
  const scores = new Float64Array(outcomes.length);
  // Code −1 (missing) is a level of its own, counted in slot 0.
  const slots = column.levels.length + 1;
  for (let fold = 0; fold < folds; fold++) {
    const counts = new Int32Array(slots);
    const positives = new Int32Array(slots);
    let total = 0;
    let totalPositives = 0;
    for (let row = 0; row < outcomes.length; row++) {
      if (foldOf[row] === fold) continue;
      const slot = column.codes[row]! + 1;
      counts[slot]!++;
      positives[slot]! += outcomes[row]!;
      total++;
      totalPositives += outcomes[row]!;
    }
    const minimum = minLevelCount(total);
    let rareCount = 0;
    let rarePositives = 0;
    for (let slot = 0; slot < slots; slot++) {
      if (counts[slot]! >= minimum) continue;
      rareCount += counts[slot]!;
      rarePositives += positives[slot]!;
    }
    const rareRate = rareCount ? rarePositives / rareCount : totalPositives / total;
    for (let row = 0; row < outcomes.length; row++) {
      if (foldOf[row] !== fold) continue;
      const slot = column.codes[row]! + 1;
      scores[row] = counts[slot]! >= minimum ? positives[slot]! / counts[slot]! : rareRate;
    }
  }
  return scores;
}
