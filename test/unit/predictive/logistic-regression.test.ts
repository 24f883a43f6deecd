import { describe, expect, it } from '@jest/globals';
import { planColumns } from '../../../src/predictive/column-plan.js';
import { allRows } from '../../../src/predictive/design-matrix.js';
import { fitModel } from '../../../src/predictive/fit-model.js';
import { fitLogistic } from '../../../src/predictive/logistic-regression.js';
import { withOutcomes } from '../../../src/predictive/read-training-data.js';
import { syntheticLeads, toTable, TRUE_EFFECTS } from './synthetic-leads.js';

function design(rows: number[][]) {
  return { x: Float64Array.from(rows.flat()), rows: rows.length, features: rows[0]!.length };
}

describe('fitLogistic', () => {
  it('recovers the signs and order of a known generating model (3 numerics + 1 categorical, n = 5000)', () => {
    const data = withOutcomes(toTable(syntheticLeads(5000, 1)), 'converted');
    const plan = planColumns(data.table);
    const model = fitModel(plan.features, data.outcomes, allRows(data.outcomes.length));
    const coefficient = (name: string) =>
      model.coefficients[model.features.findIndex((f) => f.name === name)]!;
    const visits = coefficient('visits');
    const idle = coefficient('days_idle');
    const pages = coefficient('pages');
    expect([Math.sign(visits), Math.sign(idle), Math.sign(pages)]).toEqual([1, -1, 1]);
    expect(Math.abs(visits)).toBeGreaterThan(Math.abs(idle));
    expect(Math.abs(idle)).toBeGreaterThan(Math.abs(pages));
    expect(coefficient('tier = high')).toBeGreaterThan(coefficient('tier = mid'));
    expect(coefficient('tier = mid')).toBeGreaterThan(coefficient('tier = low'));
    // Standardised, the coefficients are per standard deviation: close to the generating ones.
    expect(visits).toBeCloseTo(TRUE_EFFECTS.visits, 0);
    expect(idle).toBeCloseTo(TRUE_EFFECTS.days_idle, 0);
    expect(model.converged).toBe(true);
  });

  it('fits the intercept to the log-odds of the conversion rate when there are no features', () => {
    const y = Uint8Array.from([1, 0, 0, 0, 1, 0, 0, 0]);
    const fit = fitLogistic({ x: new Float64Array(0), rows: 8, features: 0 }, y);
    expect(fit.intercept).toBeCloseTo(Math.log(2 / 6), 10);
  });

  it('keeps coefficients finite when a feature separates the outcomes perfectly', () => {
    const fit = fitLogistic(
      design([[-2], [-1], [-0.5], [0.5], [1], [2]]),
      Uint8Array.from([0, 0, 0, 1, 1, 1]),
    );
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.coefficients[0]!)).toBe(true);
    expect(fit.coefficients[0]).toBeGreaterThan(0);
  });

  it('shrinks coefficients more with a smaller C', () => {
    const x = design([[0], [1], [2], [3], [4], [5], [6], [7]]);
    const y = Uint8Array.from([0, 0, 1, 0, 1, 0, 1, 1]);
    expect(fitLogistic(x, y, { C: 0.01 }).coefficients[0]!).toBeLessThan(
      fitLogistic(x, y, { C: 100 }).coefficients[0]!,
    );
  });

  it('stops where the gradient of the penalised log-loss vanishes (intercept unpenalised)', () => {
    const xs = [0, 1, 2, 3, 4, 5, 6, 7];
    const y = [0, 0, 1, 0, 1, 0, 1, 1];
    const C = 0.5;
    const fit = fitLogistic(design(xs.map((x) => [x])), Uint8Array.from(y), { C });
    const residuals = xs.map(
      (x, i) => 1 / (1 + Math.exp(-(fit.intercept + fit.coefficients[0]! * x))) - y[i]!,
    );
    const interceptGradient = residuals.reduce((sum, r) => sum + r, 0);
    const slopeGradient = residuals.reduce((sum, r, i) => sum + r * xs[i]!, 0) + fit.coefficients[0]! / C;
    expect(Math.abs(interceptGradient)).toBeLessThan(1e-8);
    expect(Math.abs(slopeGradient)).toBeLessThan(1e-8);
  });
});
