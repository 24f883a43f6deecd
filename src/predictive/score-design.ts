import type { Design } from './design-matrix.js';

/**
 * Probabilities of every row of a design: the vectorised kernel of predictive scoring, one dot product per
 * row over a Float64Array, no allocation but the result.
 */
export function scoreDesign(
  design: Design,
  coefficients: ArrayLike<number>,
  intercept: number,
  out = new Float64Array(design.rows),
): Float64Array {
  const { x, rows, features: p } = design;
  for (let r = 0, at = 0; r < rows; r++, at += p) {
    let z = intercept;
    for (let j = 0; j < p; j++) z += x[at + j]! * coefficients[j]!;
    out[r] = 1 / (1 + Math.exp(-z));
  }
  return out;
}

/** The 0–100 score of a probability, as shown to sales. */
export function predictiveScore(probability: number): number {
  return Math.round(100 * probability);
}
