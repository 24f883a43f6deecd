import { describe, expect, it } from '@jest/globals';
import { crossValidate } from '../../../src/predictive/cross-validate.js';
import { categoricalColumn } from '../../../src/predictive/feature-column.js';
import type { FeatureColumn } from '../../../src/predictive/feature-column.js';

const n = 60;
const outcomes = Uint8Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 0));
// One huge value: a fold that tests it must not see it in its mean, median or std.
const visits = Float64Array.from({ length: n }, (_, i) => (i === 0 ? 1e6 : i));
const columns: FeatureColumn[] = [
  { name: 'visits', kind: 'numeric', values: visits },
  categoricalColumn(
    'source',
    Array.from({ length: n }, (_, i) => (i < 12 ? 'only-early' : i % 3 ? 'A' : 'B')),
  ),
];

const mean = (rows: Int32Array) => rows.reduce((sum, row) => sum + visits[row]!, 0) / rows.length;

describe('crossValidate', () => {
  const cv = crossValidate(columns, outcomes, { folds: 4, seed: 3 });

  it('fits each fold’s scaling on its training rows only', () => {
    for (const fold of cv.folds) {
      const feature = fold.model.features.find((f) => f.name === 'visits')!;
      expect(feature.mean).toBeCloseTo(mean(fold.train), 9);
    }
    const testingTheOutlier = cv.folds.find((fold) => fold.test.includes(0))!;
    expect(testingTheOutlier.model.features[0]!.mean).toBeLessThan(100);
  });

  it('scores every row once, by the model of the folds that did not see it', () => {
    expect(cv.folds.flatMap((fold) => [...fold.test]).sort((a, b) => a - b)).toEqual([...outcomes.keys()]);
    expect(cv.outOfFold.every((p) => p >= 0 && p <= 1)).toBe(true);
  });

  it('reports the mean and population standard deviation of the folds’ AUCs', () => {
    const aucs = cv.folds.map((fold) => fold.auc);
    const average = aucs.reduce((a, b) => a + b) / aucs.length;
    expect(cv.auc).toBeCloseTo(average, 12);
    expect(cv.aucStd).toBeCloseTo(
      Math.sqrt(aucs.reduce((s, a) => s + (a - average) ** 2, 0) / aucs.length),
      12,
    );
  });

  it('is identical for the same seed', () => {
    const again = crossValidate(columns, outcomes, { folds: 4, seed: 3 });
    expect(Array.from(again.outOfFold)).toEqual(Array.from(cv.outOfFold));
  });
});
