import { describe, expect, it } from '@jest/globals';
import { chooseThreshold } from '../../../src/predictive/suggest-threshold.js';

// Ten leads, scores 10…100; the top three and the 5th converted.
const SCORES = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10];
const OUTCOMES = [1, 1, 1, 0, 1, 0, 0, 0, 0, 0];

describe('chooseThreshold', () => {
  it('gives the MQL count closest to --target-mqls', () => {
    const choice = chooseThreshold(SCORES, OUTCOMES, { kind: 'mqls', count: 4 });
    expect(choice.threshold).toBe(70);
    expect(choice.metrics).toMatchObject({ mql: 4, truePositives: 3, precision: 0.75, recall: 0.75 });
  });

  it('reads a share of the leads as a count', () => {
    expect(chooseThreshold(SCORES, OUTCOMES, { kind: 'share', share: 0.2 }).metrics.mql).toBe(2);
  });

  it('prefers fewer MQLs when two thresholds are as close to the target', () => {
    const tied = [50, 50, 40, 40, 10, 10];
    const choice = chooseThreshold(tied, [1, 1, 0, 1, 0, 0], { kind: 'mqls', count: 3 });
    expect(choice.metrics.mql).toBe(2);
  });

  it('gives the most MQLs whose precision reaches --target-precision', () => {
    const choice = chooseThreshold(SCORES, OUTCOMES, { kind: 'precision', precision: 0.8 });
    expect(choice.threshold).toBe(60);
    expect(choice.metrics.precision).toBe(0.8);
    expect(choice.reached).toBe(true);
  });

  it('takes the most precise threshold and says so when the precision target is out of reach', () => {
    const choice = chooseThreshold([30, 20, 10], [0, 1, 0], { kind: 'precision', precision: 0.9 });
    expect(choice.reached).toBe(false);
    expect(choice.threshold).toBe(20);
  });

  it('maximises F1 by default', () => {
    const choice = chooseThreshold(SCORES, OUTCOMES, { kind: 'f1' });
    expect(choice.threshold).toBe(60);
    expect(choice.f1).toBeCloseTo(8 / 9);
  });
});
