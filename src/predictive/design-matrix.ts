import type { FeatureColumn } from './feature-column.js';
import { isScaled, MISSING_LEVEL, OTHER_LEVEL } from './feature.js';
import type { Feature } from './feature.js';

/** Row-major n × p values of the features, the intercept left out. */
export interface Design {
  x: Float64Array;
  rows: number;
  features: number;
}

/** What it takes to compute the features of one column. */
export type Slot =
  | {
      kind: 'scaled';
      column: string;
      index: number;
      median: number;
      mean: number;
      std: number;
      missing: number;
    }
  | { kind: 'levels'; column: string; levels: Map<string, number>; other: number; missing: number };

/** Groups features by column, so that each column is read once per row. */
export function compileSlots(features: readonly Feature[]): Slot[] {
  const slots = new Map<string, Slot>();
  features.forEach((feature, index) => {
    if (isScaled(feature.kind)) {
      const { median = 0, mean = 0, std = 1 } = feature;
      const existing = slots.get(feature.column);
      const missing = existing?.kind === 'scaled' ? existing.missing : -1;
      slots.set(feature.column, {
        kind: 'scaled',
        column: feature.column,
        index,
        median,
        mean,
        std,
        missing,
      });
      return;
    }
    let slot = slots.get(feature.column);
    if (feature.kind === 'missing') {
      if (slot?.kind === 'scaled') slot.missing = index;
      else
        slots.set(feature.column, {
          kind: 'scaled',
          column: feature.column,
          index: -1,
          median: 0,
          mean: 0,
          std: 1,
          missing: index,
        });
      return;
    }
    if (slot === undefined || slot.kind !== 'levels') {
      slot = { kind: 'levels', column: feature.column, levels: new Map(), other: -1, missing: -1 };
      slots.set(feature.column, slot);
    }
    if (feature.level === OTHER_LEVEL) slot.other = index;
    else if (feature.level === MISSING_LEVEL) slot.missing = index;
    else slot.levels.set(feature.level ?? '', index);
  });
  return [...slots.values()];
}

/**
 * The design matrix of some rows of the columns. A value outside the levels a model knows counts as
 * (other), or as no level at all when the model has no (other); a column that is absent is missing throughout.
 */
export function designMatrix(
  features: readonly Feature[],
  columns: ReadonlyMap<string, FeatureColumn>,
  rows: ArrayLike<number>,
): Design {
  const p = features.length;
  const n = rows.length;
  const x = new Float64Array(n * p);
  for (const slot of compileSlots(features)) {
    const column = columns.get(slot.column);
    if (slot.kind === 'scaled') {
      const numbers = column?.kind === 'numeric' ? column.values : undefined;
      for (let r = 0; r < n; r++) {
        const value = numbers ? numbers[rows[r]!]! : Number.NaN;
        const missing = Number.isNaN(value);
        if (slot.index >= 0) x[r * p + slot.index] = ((missing ? slot.median : value) - slot.mean) / slot.std;
        if (missing && slot.missing >= 0) x[r * p + slot.missing] = 1;
      }
      continue;
    }
    if (column?.kind !== 'categorical') {
      if (slot.missing >= 0) for (let r = 0; r < n; r++) x[r * p + slot.missing] = 1;
      continue;
    }
    const indexOf = Int32Array.from(column.levels, (level) => slot.levels.get(level) ?? slot.other);
    for (let r = 0; r < n; r++) {
      const code = column.codes[rows[r]!]!;
      const index = code < 0 ? slot.missing : indexOf[code]!;
      if (index >= 0) x[r * p + index] = 1;
    }
  }
  return { x, rows: n, features: p };
}

/** 0, 1, …, n − 1: every row. */
export function allRows(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}
