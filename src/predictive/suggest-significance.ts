import { choleskySolve } from './cholesky.js';
import type { Design } from './design-matrix.js';
import { DEFAULT_LOGISTIC, sigmoid } from './logistic-regression.js';
import type { LogisticFit } from './logistic-regression.js';

/**
 * |coefficient| / standard error of each coefficient of a fitted logistic regression (the Wald statistic),
 * from the inverse of the penalised Hessian at the fit: XᵀWX + I/C, the intercept unpenalised. Above about
 * 2 a rule's effect is unlikely to be noise of this sample.
 */
export function waldStatistics(design: Design, fit: LogisticFit, C = DEFAULT_LOGISTIC.C): Float64Array {
  const { rows: n, features: p, x } = design;
  const m = p + 1;
  const hessian = new Float64Array(m * m);
  const row = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    let z = fit.intercept;
    for (let j = 0; j < p; j++) {
      row[j] = x[i * p + j]!;
      z += fit.coefficients[j]! * row[j]!;
    }
    row[p] = 1;
    const prob = sigmoid(z);
    const weight = prob * (1 - prob);
    for (let a = 0; a < m; a++) {
      if (row[a] === 0) continue;
      const wa = weight * row[a]!;
      for (let b = a; b < m; b++) hessian[a * m + b]! += wa * row[b]!;
    }
  }
  for (let j = 0; j < p; j++) hessian[j * m + j]! += 1 / C;
  const unit = new Float64Array(m);
  return Float64Array.from({ length: p }, (_, j) => {
    unit.fill(0);
    unit[j] = 1;
    const variance = choleskySolve(hessian, unit, m)[j]!;
    return variance > 0 ? Math.abs(fit.coefficients[j]!) / Math.sqrt(variance) : 0;
  });
}
