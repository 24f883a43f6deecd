import { choleskySolve } from './cholesky.js';
import type { Design } from './design-matrix.js';

export interface LogisticOptions {
  /** Inverse L2 strength, as scikit-learn's C: minimises C·Σ log-loss + ½‖w‖² (intercept not penalised). */
  C: number;
  maxIterations: number;
  /** Stop when half the Newton decrement falls below tolerance × (1 + objective). */
  tolerance: number;
}

export const DEFAULT_LOGISTIC: LogisticOptions = { C: 1, maxIterations: 100, tolerance: 1e-12 };

export interface LogisticFit {
  intercept: number;
  coefficients: Float64Array;
  iterations: number;
  converged: boolean;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + eᶻ) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** The non-zero entries of each row: after one-hot encoding most of a lead's features are 0. */
interface SparseRows {
  offsets: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

function sparseRows({ x, rows, features }: Design): SparseRows {
  let nonZero = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== 0) nonZero++;
  const offsets = new Int32Array(rows + 1);
  const indices = new Int32Array(nonZero);
  const values = new Float64Array(nonZero);
  let at = 0;
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < features; j++) {
      const value = x[r * features + j]!;
      if (value === 0) continue;
      indices[at] = j;
      values[at++] = value;
    }
    offsets[r + 1] = at;
  }
  return { offsets, indices, values };
}

/**
 * L2-regularised logistic regression by Newton's method (IRLS) with a Cholesky solve of the (p+1)² Hessian
 * and a backtracking line search. Deterministic: no randomness, a fixed order of every sum. The penalty
 * keeps coefficients finite when a feature separates the classes.
 */
export function fitLogistic(
  design: Design,
  y: Uint8Array,
  options: Partial<LogisticOptions> = {},
): LogisticFit {
  const { C, maxIterations, tolerance } = { ...DEFAULT_LOGISTIC, ...options };
  const { rows: n, features: p } = design;
  const m = p + 1;
  const lambda = 1 / C;
  const sparse = sparseRows(design);
  const w = new Float64Array(m);
  const positives = y.reduce((sum, v) => sum + v, 0);
  w[p] = Math.log((positives + 0.5) / (n - positives + 0.5));
  const z = new Float64Array(n);
  const objective = (weights: Float64Array): number => {
    linear(sparse, weights, p, z);
    let total = 0;
    for (let i = 0; i < n; i++) total += softplus(z[i]!) - y[i]! * z[i]!;
    let penalty = 0;
    for (let j = 0; j < p; j++) penalty += weights[j]! ** 2;
    return total + 0.5 * lambda * penalty;
  };
  let current = objective(w);
  const gradient = new Float64Array(m);
  const hessian = new Float64Array(m * m);
  const trial = new Float64Array(m);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    linear(sparse, w, p, z);
    accumulate(sparse, z, y, p, gradient, hessian);
    for (let j = 0; j < p; j++) {
      gradient[j]! += lambda * w[j]!;
      hessian[j * m + j]! += lambda;
    }
    const step = choleskySolve(hessian, gradient, m);
    let decrement = 0;
    for (let j = 0; j < m; j++) decrement += gradient[j]! * step[j]!;
    if (decrement / 2 <= tolerance * (1 + Math.abs(current))) return done(w, p, iteration, true);
    let t = 1;
    let next = Number.POSITIVE_INFINITY;
    for (let halving = 0; halving < 40; halving++, t /= 2) {
      for (let j = 0; j < m; j++) trial[j] = w[j]! - t * step[j]!;
      next = objective(trial);
      if (next <= current - 1e-4 * t * decrement) break;
    }
    if (!(next < current)) return done(w, p, iteration, true);
    w.set(trial);
    current = next;
  }
  return done(w, p, maxIterations, false);
}

/** Gradient and upper triangle of the Hessian of the log-loss at z (the intercept is index p). */
function accumulate(
  { offsets, indices, values }: SparseRows,
  z: Float64Array,
  y: Uint8Array,
  p: number,
  gradient: Float64Array,
  hessian: Float64Array,
): void {
  const m = p + 1;
  gradient.fill(0);
  hessian.fill(0);
  for (let i = 0; i < z.length; i++) {
    const prob = sigmoid(z[i]!);
    const residual = prob - y[i]!;
    const weight = prob * (1 - prob);
    gradient[p]! += residual;
    hessian[p * m + p]! += weight;
    const end = offsets[i + 1]!;
    for (let a = offsets[i]!; a < end; a++) {
      const value = values[a]!;
      const row = indices[a]! * m;
      const wa = weight * value;
      gradient[indices[a]!]! += residual * value;
      hessian[row + p]! += wa;
      for (let b = a; b < end; b++) hessian[row + indices[b]!]! += wa * values[b]!;
    }
  }
}

/** z = X w + intercept, for every row. */
function linear({ offsets, indices, values }: SparseRows, w: Float64Array, p: number, z: Float64Array): void {
  for (let i = 0; i < z.length; i++) {
    let sum = w[p]!;
    const end = offsets[i + 1]!;
    for (let a = offsets[i]!; a < end; a++) sum += w[indices[a]!]! * values[a]!;
    z[i] = sum;
  }
}

function done(w: Float64Array, p: number, iterations: number, converged: boolean): LogisticFit {
  return { intercept: w[p]!, coefficients: w.slice(0, p), iterations, converged };
}
