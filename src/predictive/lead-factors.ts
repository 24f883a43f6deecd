import type { Slot } from './design-matrix.js';
import type { SlotValues } from './model-slots.js';

/**
 * The features that raise a row's log-odds most: those whose coefficient × value is positive, largest first,
 * equal ones by name (localeCompare), then in feature order. That is the order a stable sort of every
 * feature's contribution gives; the features a row does not set contribute 0 and are never among them.
 * The best `limit` are kept as they come (any other limit than a whole number is left to a sort).
 */
export class RowFactors {
  private readonly kept: number;
  /** The best so far, best first, with one spare place for the candidate being placed. */
  private readonly features: Int32Array;
  private readonly contributions: Float64Array;
  private count = 0;
  private found: number[] = [];
  /** Per slot, what its features take: typed arrays rather than slots of two shapes. */
  private readonly scaled: Uint8Array;
  private readonly index: Int32Array;
  private readonly missing: Int32Array;
  private readonly median: Float64Array;
  private readonly mean: Float64Array;
  private readonly std: Float64Array;

  constructor(
    private readonly values: SlotValues,
    private readonly coefficients: ArrayLike<number>,
    private readonly names: readonly string[],
    private readonly limit: number,
  ) {
    this.kept = Number.isInteger(limit) && limit >= 0 ? Math.min(limit, values.features) : -1;
    this.features = new Int32Array(this.kept + 1);
    this.contributions = new Float64Array(this.kept + 1);
    const { slots } = values;
    const scaled = (f: (slot: Extract<Slot, { kind: 'scaled' }>) => number) =>
      slots.map((slot) => (slot.kind === 'scaled' ? f(slot) : -1));
    this.scaled = Uint8Array.from(slots, (slot) => (slot.kind === 'scaled' ? 1 : 0));
    this.index = Int32Array.from(scaled((slot) => slot.index));
    this.missing = Int32Array.from(scaled((slot) => slot.missing));
    this.median = Float64Array.from(scaled((slot) => slot.median));
    this.mean = Float64Array.from(scaled((slot) => slot.mean));
    this.std = Float64Array.from(scaled((slot) => slot.std));
  }

  /** Names of the top features of `row`, at most `limit`. */
  of(row: number): string[] {
    this.count = 0;
    if (this.kept < 0) this.found = [];
    const { values } = this.values;
    const coefficients = this.coefficients;
    for (let s = 0; s < values.length; s++) {
      if (this.scaled[s] === 0) {
        const index = values[s]![row]!;
        if (index >= 0) this.consider(index, coefficients[index]! * 1);
        continue;
      }
      const value = values[s]![row]!;
      const missing = Number.isNaN(value);
      const index = this.index[s]!;
      if (index >= 0) {
        const scaled = ((missing ? this.median[s]! : value) - this.mean[s]!) / this.std[s]!;
        this.consider(index, coefficients[index]! * scaled);
      }
      const flag = this.missing[s]!;
      if (missing && flag >= 0) this.consider(flag, coefficients[flag]! * 1);
    }
    if (this.kept < 0) return this.sorted().slice(0, this.limit);
    const names: string[] = [];
    for (let k = 0; k < this.count; k++) names.push(this.names[this.features[k]!]!);
    return names;
  }

  private consider(feature: number, contribution: number): void {
    if (!(contribution > 0)) return;
    if (this.kept < 0) {
      this.found.push(feature, contribution);
      return;
    }
    const { features, contributions } = this;
    // Full, and below the last kept: most candidates end here.
    if (this.count === this.kept && (this.kept === 0 || contribution < contributions[this.kept - 1]!)) return;
    let at = this.count;
    while (at > 0 && this.before(feature, contribution, features[at - 1]!, contributions[at - 1]!)) {
      features[at] = features[at - 1]!;
      contributions[at] = contributions[at - 1]!;
      at--;
    }
    features[at] = feature;
    contributions[at] = contribution;
    if (this.count < this.kept) this.count++;
  }

  private sorted(): string[] {
    const found = this.found;
    const order = Array.from({ length: found.length / 2 }, (_, k) => k);
    order.sort((a, b) => this.order(found[2 * a]!, found[2 * a + 1]!, found[2 * b]!, found[2 * b + 1]!));
    return order.map((k) => this.names[found[2 * k]!]!);
  }

  private before(a: number, aValue: number, b: number, bValue: number): boolean {
    return this.order(a, aValue, b, bValue) < 0;
  }

  private order(a: number, aValue: number, b: number, bValue: number): number {
    return this.compare(a, aValue, b, bValue) || a - b;
  }

  /** predictLeads' order of two contributions; a stable sort keeps equal ones in feature order. */
  private compare(a: number, aValue: number, b: number, bValue: number): number {
    return bValue - aValue || this.names[a]!.localeCompare(this.names[b]!);
  }
}
