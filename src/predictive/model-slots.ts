import type { Design, Slot } from './design-matrix.js';
import { compileSlots } from './design-matrix.js';
import type { Feature } from './feature.js';
import type { LevelLookup } from './level-lookup.js';
import type { PredictiveModel } from './model-artifact.js';
import { LevelEncoder, levelLookup, NumberEncoder } from './slot-encoders.js';
import type { CellKind, SlotEncoder } from './slot-encoders.js';

/**
 * The model's columns read for some rows, one entry per slot (see design-matrix.ts): a scaled slot's
 * numbers (NaN where missing), a levels slot's feature index per row (−1: no feature). Everything the
 * design matrix holds, in n numbers per column rather than n × p.
 */
export interface SlotValues {
  slots: Slot[];
  values: Array<Float64Array | Int32Array>;
  rows: number;
  features: number;
}

/** Where the cells of a column come from: a table's column (undefined: absent), or the rows' property. */
export type CellSource =
  | {
      kind: 'table';
      rows: number;
      cellsOf: (column: string) => ArrayLike<unknown> | undefined;
      decimalComma: boolean;
    }
  | { kind: 'rows'; rows: ReadonlyArray<Readonly<Record<string, unknown>>> };

/** Slot values to be filled in: one encoder per slot, undefined where the slot keeps its fill. */
export interface SlotEncoding {
  values: SlotValues;
  encoders: Array<SlotEncoder | undefined>;
}

/**
 * Allocates the slot values of `rows` rows (two typed arrays for all the slots) and an encoder for each slot
 * the cells can fill. A column read as categorical when its first feature is a level; a slot of the other
 * kind, or of a column `has` says is absent, stays missing throughout (NaN, or the slot's (missing)).
 */
export function slotEncoding(
  model: PredictiveModel,
  rows: number,
  kind: CellKind,
  has: (column: string) => boolean = () => true,
  decimalComma = false,
): SlotEncoding {
  const plan = slotPlan(model.features);
  const { slots } = plan;
  const lookups = lookupsOf(plan, kind);
  const allNumbers = new Float64Array(plan.scaledCount * rows);
  const allIndexes = new Int32Array((slots.length - plan.scaledCount) * rows);
  let numbersAt = 0;
  let indexesAt = 0;
  const values: Array<Float64Array | Int32Array> = [];
  const encoders = slots.map((slot, s): SlotEncoder | undefined => {
    const present = has(slot.column);
    const isCategorical = plan.categorical[s]!;
    if (slot.kind === 'scaled') {
      const numbers = allNumbers.subarray(numbersAt, (numbersAt += rows));
      values.push(numbers);
      if (present && !isCategorical) return new NumberEncoder(numbers, kind, decimalComma);
      numbers.fill(Number.NaN);
      return undefined;
    }
    const indexes = allIndexes.subarray(indexesAt, (indexesAt += rows));
    values.push(indexes);
    if (present && isCategorical) return new LevelEncoder(indexes, slot, kind, lookups[s]!);
    indexes.fill(slot.missing);
    return undefined;
  });
  return { values: { slots, values, rows, features: model.features.length }, encoders };
}

/** What reading a model's columns takes from its features, worked out once. */
interface SlotPlan {
  slots: Slot[];
  /** Per slot: whether its column is categorical (its first feature is a level). */
  categorical: boolean[];
  scaledCount: number;
  /** Per kind of cell, each levels slot's lookup, with the texts it has resolved so far. */
  lookups: Map<CellKind, Array<LevelLookup | undefined>>;
}

/**
 * Plans by features array: a sync scores page after page with one model, and the texts one page resolved
 * are found again on the next. A model's features are data, never changed once the model is made.
 */
const plans = new WeakMap<readonly Feature[], SlotPlan>();

function slotPlan(features: readonly Feature[]): SlotPlan {
  let plan = plans.get(features);
  if (plan) return plan;
  const categorical = new Map<string, boolean>();
  for (const feature of features)
    if (!categorical.has(feature.column)) categorical.set(feature.column, feature.kind === 'level');
  const slots = compileSlots(features);
  plan = {
    slots,
    categorical: slots.map((slot) => categorical.get(slot.column) === true),
    scaledCount: slots.filter((slot) => slot.kind === 'scaled').length,
    lookups: new Map(),
  };
  plans.set(features, plan);
  return plan;
}

function lookupsOf(plan: SlotPlan, kind: CellKind): Array<LevelLookup | undefined> {
  let lookups = plan.lookups.get(kind);
  if (!lookups) {
    lookups = plan.slots.map((slot) => (slot.kind === 'levels' ? levelLookup(slot, kind) : undefined));
    plan.lookups.set(kind, lookups);
  }
  return lookups;
}

/**
 * Reads the model's columns from a table or from rows, a column at a time: a table's cells are trimmed with
 * missing values undefined; rows' values are cleaned here (cleanText), numbers taken as they are when finite.
 */
export function slotValues(model: PredictiveModel, source: CellSource): SlotValues {
  if (source.kind === 'table') {
    const columns = new Map<string, ArrayLike<unknown> | undefined>();
    const cellsOf = (column: string) => {
      if (!columns.has(column)) columns.set(column, source.cellsOf(column));
      return columns.get(column);
    };
    const { values, encoders } = slotEncoding(
      model,
      source.rows,
      'table',
      (column) => cellsOf(column) !== undefined,
      source.decimalComma,
    );
    encoders.forEach((encoder, s) => encoder?.setAll(cellsOf(values.slots[s]!.column)!));
    return values;
  }
  const { rows } = source;
  const { values, encoders } = slotEncoding(model, rows.length, 'row');
  encoders.forEach((encoder, s) => {
    if (!encoder) return;
    const column = values.slots[s]!.column;
    const cells = new Array<unknown>(rows.length);
    for (let r = 0; r < rows.length; r++) cells[r] = rows[r]![column];
    encoder.setAll(cells);
  });
  return values;
}

/** The row-major design matrix of slot values: what designMatrix gives for the same columns. */
export function slotDesign({ slots, values, rows: n, features: p }: SlotValues): Design {
  const x = new Float64Array(n * p);
  slots.forEach((slot, s) => {
    if (slot.kind === 'scaled') {
      const numbers = values[s] as Float64Array;
      const { index, median, mean, std, missing: missingAt } = slot;
      for (let r = 0, at = 0; r < n; r++, at += p) {
        const value = numbers[r]!;
        const missing = Number.isNaN(value);
        if (index >= 0) x[at + index] = ((missing ? median : value) - mean) / std;
        if (missing && missingAt >= 0) x[at + missingAt] = 1;
      }
      return;
    }
    const indexes = values[s] as Int32Array;
    for (let r = 0, at = 0; r < n; r++, at += p) {
      const index = indexes[r]!;
      if (index >= 0) x[at + index] = 1;
    }
  });
  return { x, rows: n, features: p };
}
