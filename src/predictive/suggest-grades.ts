export interface Grades {
  A: number;
  B: number;
  C: number;
}

/** Share of leads each grade starts above: A about the top 20 % by fit, B the next 30 %, C the next 30 %. */
export const GRADE_QUANTILES: Grades = { A: 0.8, B: 0.5, C: 0.2 };

export interface SuggestedGrades {
  grades: Grades;
  /** Share of the leads in each grade, D included. */
  shares: Record<keyof Grades | 'D', number>;
}

/**
 * Grade boundaries from the leads' fit points: A from the fit of the top fifth, B from the median, C from the
 * bottom fifth, each at least a point below the one above (fit points take few values, so the shares are
 * only about these). Undefined when every lead has the same fit (a model without fit rules: the defaults).
 */
export function suggestGrades(fits: readonly number[]): SuggestedGrades | undefined {
  const sorted = [...fits].sort((a, b) => a - b);
  if (new Set(sorted).size < 2) return undefined;
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const A = at(GRADE_QUANTILES.A);
  const B = Math.min(at(GRADE_QUANTILES.B), A - 1);
  const C = Math.min(at(GRADE_QUANTILES.C), B - 1);
  const share = (low: number, high: number) =>
    fits.filter((fit) => fit >= low && fit < high).length / Math.max(1, fits.length);
  return {
    grades: { A, B, C },
    shares: {
      A: share(A, Number.POSITIVE_INFINITY),
      B: share(B, A),
      C: share(C, B),
      D: share(Number.NEGATIVE_INFINITY, C),
    },
  };
}
