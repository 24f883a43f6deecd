import type { Slot } from './design-matrix.js';
import { slotDesign } from './model-slots.js';
import type { SlotValues } from './model-slots.js';
import { scoreDesign } from './score-design.js';

/** scoreDesign(design of the values), without building the design when the coefficients allow. */
export function scoreValues(
  values: SlotValues,
  coefficients: ArrayLike<number>,
  intercept: number,
): Float64Array {
  return (
    scoreSlots(values, coefficients, intercept) ?? scoreDesign(slotDesign(values), coefficients, intercept)
  );
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
