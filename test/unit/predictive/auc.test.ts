import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { rocAuc, rocCurve } from '../../../src/predictive/auc.js';

/** The definition: share of (converted, not converted) pairs ranked the right way, ties counting half. */
function pairwiseAuc(scores: number[], outcomes: number[]): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((p, i) => {
    if (outcomes[i] !== 1) return;
    scores.forEach((n, j) => {
      if (outcomes[j] !== 0) return;
      pairs++;
      wins += p > n ? 1 : p === n ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

describe('rocAuc', () => {
  it('is 0.75 for scores 0.1, 0.4, 0.35, 0.8 with outcomes 0, 0, 1, 1', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
  });

  it('counts a tie between a converted and an unconverted lead as half a pair', () => {
    // Pairs (converted, not): (0.5, 0.2) 1, (0.5, 0.5) ½, (0.9, 0.2) 1, (0.9, 0.5) 1 → 3.5 / 4.
    expect(rocAuc([0.2, 0.5, 0.5, 0.9], [0, 0, 1, 1])).toBeCloseTo(0.875, 12);
  });

  it('is 0.5 when every score ties', () => {
    expect(rocAuc([3, 3, 3, 3, 3], [1, 0, 1, 0, 0])).toBe(0.5);
  });

  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAuc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([4, 3, 2, 1], [0, 0, 1, 1])).toBe(0);
  });

  it('is NaN when only one outcome occurs', () => {
    expect(rocAuc([1, 2, 3], [1, 1, 1])).toBeNaN();
  });

  it('equals the pairwise definition on any scores, ties included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1 })), {
          minLength: 2,
          maxLength: 60,
        }),
        (pairs) => {
          const scores = pairs.map(([score]) => score);
          const outcomes = pairs.map(([, outcome]) => outcome);
          fc.pre(outcomes.includes(0) && outcomes.includes(1));
          expect(rocAuc(scores, outcomes)).toBeCloseTo(pairwiseAuc(scores, outcomes), 10);
        },
      ),
    );
  });
});

describe('rocCurve', () => {
  it('runs from (0, 0) to (1, 1), a tie moving diagonally', () => {
    expect(rocCurve([0.9, 0.5, 0.5, 0.1], [1, 1, 0, 0])).toEqual([
      { fpr: 0, tpr: 0 },
      { fpr: 0, tpr: 0.5 },
      { fpr: 0.5, tpr: 1 },
      { fpr: 1, tpr: 1 },
    ]);
  });

  it('keeps at most 200 points, both ends included', () => {
    const scores = Array.from({ length: 5000 }, (_, i) => i);
    const outcomes = scores.map((i) => (i % 3 === 0 ? 1 : 0));
    const curve = rocCurve(scores, outcomes);
    expect(curve.length).toBeLessThanOrEqual(200);
    expect(curve[0]).toEqual({ fpr: 0, tpr: 0 });
    expect(curve.at(-1)).toEqual({ fpr: 1, tpr: 1 });
  });
});
