import { cleanText } from '../input/parsed.js';
import type { Design, Slot } from './design-matrix.js';
import { compileSlots } from './design-matrix.js';
import type { PredictiveModel } from './model-artifact.js';
import { parseNumberCell, simpleDecimal } from './parse-cell.js';

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

/**
 * Reads the model's columns as predict.ts did through typed feature columns (same values, same missing):
 * a table's cells are trimmed with missing values undefined; rows' values are cleaned here (cleanText),
 * numbers taken as they are when finite. A column read as categorical when its first feature is a level.
 */
export function slotValues(model: PredictiveModel, source: CellSource): SlotValues {
  const categorical = new Map<string, boolean>();
  for (const feature of model.features)
    if (!categorical.has(feature.column)) categorical.set(feature.column, feature.kind === 'level');
  const slots = compileSlots(model.features);
  const rows = source.kind === 'table' ? source.rows : source.rows.length;
  const cells = slots.map((slot) => cellsOf(source, slot.column));
  // Two allocations for all the slots, not one each.
  const scaledCount = slots.filter((slot) => slot.kind === 'scaled').length;
  const allNumbers = new Float64Array(scaledCount * rows);
  const allIndexes = new Int32Array((slots.length - scaledCount) * rows);
  let numbersAt = 0;
  let indexesAt = 0;
  return {
    slots,
    values: slots.map((slot, s) => {
      const column = cells[s];
      const isCategorical = categorical.get(slot.column) === true;
      if (slot.kind === 'scaled') {
        const numbers = allNumbers.subarray(numbersAt, (numbersAt += rows));
        if (column === undefined || isCategorical) numbers.fill(Number.NaN);
        else if (source.kind === 'table') tableNumbers(column, source.decimalComma, numbers);
        else rowNumbers(column, numbers);
        return numbers;
      }
      const indexes = allIndexes.subarray(indexesAt, (indexesAt += rows));
      if (column === undefined || !isCategorical) indexes.fill(slot.missing);
      else levelIndexes(column, slot, source.kind === 'table', indexes);
      return indexes;
    }),
    rows,
    features: model.features.length,
  };
}

function cellsOf(source: CellSource, column: string): ArrayLike<unknown> | undefined {
  if (source.kind === 'table') return source.cellsOf(column);
  const { rows } = source;
  const values = new Array<unknown>(rows.length);
  for (let r = 0; r < rows.length; r++) values[r] = rows[r]![column];
  return values;
}

function tableNumbers(cells: ArrayLike<unknown>, decimalComma: boolean, out: Float64Array): void {
  for (let r = 0; r < out.length; r++) {
    const value = cells[r];
    if (typeof value === 'string') out[r] = parseNumberCell(value, decimalComma);
    else if (typeof value === 'number') out[r] = Number.isFinite(value) ? value : Number.NaN;
    else out[r] = Number.NaN;
  }
}

function rowNumbers(cells: ArrayLike<unknown>, out: Float64Array): void {
  for (let r = 0; r < out.length; r++) {
    const value = cells[r];
    if (typeof value === 'string') {
      // Plain digits need no cleaning: trimming leaves them, and no missing token has a digit.
      const simple = simpleDecimal(value);
      out[r] = Number.isNaN(simple) ? parseNumberCell(cleanText(value), false) : simple;
    } else if (typeof value === 'number') out[r] = Number.isFinite(value) ? value : Number.NaN;
    else out[r] = Number.NaN;
  }
}

/** Distinct cells of a column compared one by one before hashing: most columns have a few categories. */
const FEW = 16;

/**
 * The feature each row's category sets, looked up once per distinct cell: the first few distinct cells are
 * found by comparison (===, fast on strings shared by many rows), the rest through a Map.
 */
function levelIndexes(
  cells: ArrayLike<unknown>,
  slot: Extract<Slot, { kind: 'levels' }>,
  cleaned: boolean,
  out: Int32Array,
): void {
  const few: unknown[] = [];
  const fewIndexes = new Int32Array(FEW);
  const known = new Map<unknown, number>();
  const indexOf = (value: unknown): number => {
    const text = cleaned ? value : textOf(value);
    return text === undefined ? slot.missing : (slot.levels.get(text as string) ?? slot.other);
  };
  let last: unknown = undefined;
  let lastIndex = cleaned ? slot.missing : -2;
  for (let r = 0; r < out.length; r++) {
    const value = cells[r];
    if (value === last && lastIndex !== -2) {
      out[r] = lastIndex;
      continue;
    }
    let index = -2;
    for (let k = 0; k < few.length; k++)
      if (few[k] === value) {
        index = fewIndexes[k]!;
        break;
      }
    if (index === -2) {
      // An object's text may change between calls: only plain values are remembered.
      const plain = typeof value !== 'object' || value === null;
      const cached = plain ? known.get(value) : undefined;
      if (cached !== undefined) index = cached;
      else {
        index = indexOf(value);
        if (plain && few.length < FEW) {
          fewIndexes[few.length] = index;
          few.push(value);
        } else if (plain) known.set(value, index);
      }
    }
    out[r] = index;
    if (typeof value !== 'object' || value === null) {
      last = value;
      lastIndex = index;
    } else lastIndex = -2;
  }
}

function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return cleanText(typeof value === 'string' ? value : String(value));
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

/**
 * Probabilities straight from slot values, bit for bit those of scoreDesign over slotDesign, without the
 * n × p matrix: each row's sum gains its terms in feature order, a run of consecutive features of one
 * column at a time over all rows. A 0 of the design adds nothing, so only the features a row sets are added
 * (the one exception, 0 × an infinite coefficient, is left to scoreDesign).
 */
export function scoreSlots(
  { slots, values, rows: n, features: p }: SlotValues,
  coefficients: ArrayLike<number>,
  intercept: number,
  out = new Float64Array(n),
): Float64Array | undefined {
  for (let j = 0; j < p; j++) if (!Number.isFinite(coefficients[j]!)) return undefined;
  const owner = new Int32Array(p).fill(-1);
  slots.forEach((slot, s) => {
    if (slot.kind === 'scaled') {
      if (slot.index >= 0) owner[slot.index] = s;
      if (slot.missing >= 0) owner[slot.missing] = s;
      return;
    }
    for (const index of slot.levels.values()) owner[index] = s;
    if (slot.other >= 0) owner[slot.other] = s;
    if (slot.missing >= 0) owner[slot.missing] = s;
  });
  const z = out.fill(intercept);
  for (let lo = 0; lo < p;) {
    const s = owner[lo]!;
    let hi = lo;
    while (hi + 1 < p && owner[hi + 1] === s) hi++;
    if (s >= 0) addRun(slots[s]!, values[s]!, lo, hi, coefficients, z);
    lo = hi + 1;
  }
  for (let r = 0; r < n; r++) out[r] = 1 / (1 + Math.exp(-z[r]!));
  return out;
}

/** Adds to each row's sum the terms of the slot's features lo … hi, in feature order. */
function addRun(
  slot: Slot,
  values: Float64Array | Int32Array,
  lo: number,
  hi: number,
  coefficients: ArrayLike<number>,
  z: Float64Array,
): void {
  const inRun = (index: number) => index >= lo && index <= hi;
  if (slot.kind === 'levels') {
    const indexes = values as Int32Array;
    const coefficient = new Float64Array(hi - lo + 1);
    for (let j = lo; j <= hi; j++) coefficient[j - lo] = coefficients[j]!;
    for (let r = 0; r < z.length; r++) {
      const at = indexes[r]! - lo;
      if (at >= 0 && at <= hi - lo) z[r]! += coefficient[at]!;
    }
    return;
  }
  const numbers = values as Float64Array;
  const { median, mean, std } = slot;
  const scaled = inRun(slot.index);
  const flagged = inRun(slot.missing);
  const scaledCoefficient = scaled ? coefficients[slot.index]! : 0;
  const missingCoefficient = flagged ? coefficients[slot.missing]! : 0;
  if (scaled && flagged && slot.missing < slot.index) {
    for (let r = 0; r < z.length; r++) {
      const value = numbers[r]!;
      const missing = Number.isNaN(value);
      if (missing) z[r]! += missingCoefficient;
      z[r]! += (((missing ? median : value) - mean) / std) * scaledCoefficient;
    }
  } else if (scaled) {
    for (let r = 0; r < z.length; r++) {
      const value = numbers[r]!;
      const missing = Number.isNaN(value);
      z[r]! += (((missing ? median : value) - mean) / std) * scaledCoefficient;
      if (flagged && missing) z[r]! += missingCoefficient;
    }
  } else if (flagged) {
    for (let r = 0; r < z.length; r++) if (Number.isNaN(numbers[r]!)) z[r]! += missingCoefficient;
  }
}
