import { describe, expect, it } from '@jest/globals';
import { splitFold, stratifiedFolds } from '../../../src/predictive/folds.js';

const outcomes = Uint8Array.from({ length: 103 }, (_, i) => (i % 3 === 0 ? 1 : 0));

describe('stratifiedFolds', () => {
  it('gives every fold the same number of converted leads, within one', () => {
    const folds = stratifiedFolds(outcomes, 5, 42);
    const positives = [0, 1, 2, 3, 4].map(
      (fold) => outcomes.filter((o, row) => o === 1 && folds[row] === fold).length,
    );
    expect(Math.max(...positives) - Math.min(...positives)).toBeLessThanOrEqual(1);
  });

  it('gives folds sizes within one of each other', () => {
    const folds = stratifiedFolds(outcomes, 5, 42);
    const sizes = [0, 1, 2, 3, 4].map((fold) => folds.filter((f) => f === fold).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(stratifiedFolds(outcomes, 5, 7)).toEqual(stratifiedFolds(outcomes, 5, 7));
    expect(stratifiedFolds(outcomes, 5, 7)).not.toEqual(stratifiedFolds(outcomes, 5, 8));
  });

  it('splits a fold off the others, together every row once', () => {
    const { train, test } = splitFold(stratifiedFolds(outcomes, 4, 1), 2);
    expect([...train, ...test].sort((a, b) => a - b)).toEqual([...outcomes.keys()]);
  });

  it('refuses more folds than leads of the rarer outcome', () => {
    expect(() => stratifiedFolds(Uint8Array.from([1, 1, 0, 0, 0, 0]), 3, 42, 'few.csv')).toThrow(
      'few.csv: 3 folds need at least 3 leads of each outcome; there are 2 converted and 4 not',
    );
  });
});
