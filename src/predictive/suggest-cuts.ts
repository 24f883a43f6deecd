/** Inactivity periods a rule may use: the ones people already think in. */
export const INACTIVITY_DAYS = [7, 14, 30, 60, 90, 180, 365] as const;

/** Quantiles tried as cuts of a number. */
const CUT_QUANTILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** A number to two significant digits: 237 → 240, 1,234 → 1,200, 0.4567 → 0.46. */
export function niceNumber(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  return Number((Math.round(value / magnitude) * magnitude).toPrecision(12));
}

/**
 * How strongly splitting the leads by `inside` separates converters: the two-proportion z statistic of the
 * conversion rates inside and outside, 0 when either side has fewer than `minimum` leads.
 */
export function splitStrength(
  inside: ArrayLike<boolean>,
  outcomes: ArrayLike<number>,
  minimum: number,
): number {
  let n1 = 0;
  let y1 = 0;
  let y = 0;
  const n = outcomes.length;
  for (let i = 0; i < n; i++) {
    y += outcomes[i]!;
    if (!inside[i]) continue;
    n1++;
    y1 += outcomes[i]!;
  }
  const n0 = n - n1;
  if (n1 < minimum || n0 < minimum) return 0;
  const pooled = y / n;
  const spread = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
  return spread === 0 ? 0 : Math.abs(y1 / n1 - (y - y1) / n0) / spread;
}

function quantile(sorted: readonly number[], q: number): number {
  const at = q * (sorted.length - 1);
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

/**
 * The cut of a number (NaN = missing) whose `value ≥ cut` best separates converters, among its deciles
 * rounded to two significant digits (above its smallest value); undefined when no cut leaves `minimum`
 * leads on each side.
 */
export function bestCut(
  values: Float64Array,
  outcomes: ArrayLike<number>,
  minimum: number,
): number | undefined {
  const present = [...values].filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (present.length === 0) return undefined;
  // A cut at the smallest value would only say that the value is known: the missing indicator says that.
  const cuts = [...new Set(CUT_QUANTILES.map((q) => niceNumber(quantile(present, q))))].filter(
    (cut) => cut > present[0]!,
  );
  return strongest(cuts, (cut) => Array.from(values, (value) => value >= cut), outcomes, minimum);
}

/**
 * The inactivity period (INACTIVITY_DAYS) that best separates converters: inactive = no activity at all
 * (NaN), or the last one more than that many days ago.
 */
export function bestInactivity(
  daysSinceLast: Float64Array,
  outcomes: ArrayLike<number>,
  minimum: number,
): number | undefined {
  return strongest(
    [...INACTIVITY_DAYS],
    (days) => Array.from(daysSinceLast, (value) => Number.isNaN(value) || value > days),
    outcomes,
    minimum,
  );
}

function strongest(
  cuts: readonly number[],
  split: (cut: number) => boolean[],
  outcomes: ArrayLike<number>,
  minimum: number,
): number | undefined {
  let best: number | undefined;
  let strength = 0;
  for (const cut of cuts) {
    const z = splitStrength(split(cut), outcomes, minimum);
    if (z > strength) {
      strength = z;
      best = cut;
    }
  }
  return best;
}

/** How many occurrences of an activity count: the 90th percentile among leads with any (1–10). */
export function countCap(counts: Float64Array): number {
  const some = [...counts].filter((count) => count > 0).sort((a, b) => a - b);
  if (some.length === 0) return 1;
  // Less a hair: 4 + 5 × 0.2 is 5.000000000000001 in floating point, and its ceiling 6.
  return Math.min(10, Math.max(1, Math.ceil(quantile(some, 0.9) - 1e-9)));
}
