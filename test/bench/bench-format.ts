/** Small helpers shared by the benchmarks: reading whole-number options and formatting figures. */

/** The text of option `--name` as a whole number ≥ `min`; throws a readable error otherwise. */
export const wholeNumber = (name: string, text: string | undefined, min = 1): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name}: expected a whole number ≥ ${min}, got ${text}`);
  return n;
};

/** `n` with thousands separators and exactly `digits` decimals, as in `1,234.5`. */
export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Nanoseconds (from process.hrtime.bigint) as seconds. */
export const seconds = (ns: bigint) => Number(ns) / 1e9;
