import { describe, expect, it } from '@jest/globals';
import {
  atThreshold,
  calibration,
  gradeTable,
  liftTopDecile,
  scoreBands,
  scoreHistogram,
} from '../../../src/predictive/score-metrics.js';

describe('score metrics', () => {
  it('counts conversions by band 0–9 … 90–100, out-of-range scores in the nearest end', () => {
    const bands = scoreBands(scoreHistogram([-5, 3, 9, 10, 95, 100, 130], [0, 1, 0, 1, 1, 0, 1]));
    expect(bands.map((b) => b.band)).toEqual([
      '0–9',
      '10–19',
      '20–29',
      '30–39',
      '40–49',
      '50–59',
      '60–69',
      '70–79',
      '80–89',
      '90–100',
    ]);
    expect(bands[0]).toEqual({
      band: '0–9',
      from: 0,
      to: 9,
      count: 3,
      conversions: 1,
      conversionRate: 1 / 3,
    });
    expect(bands[1]).toMatchObject({ count: 1, conversions: 1, conversionRate: 1 });
    expect(bands[5]).toMatchObject({ count: 0, conversionRate: null });
    expect(bands[9]).toMatchObject({ count: 3, conversions: 2 });
  });

  it('counts conversions by grade', () => {
    expect(gradeTable(['A', 'A', 'C'], [1, 0, 1])).toEqual([
      { grade: 'A', count: 2, conversions: 1, conversionRate: 0.5 },
      { grade: 'B', count: 0, conversions: 0, conversionRate: null },
      { grade: 'C', count: 1, conversions: 1, conversionRate: 1 },
      { grade: 'D', count: 0, conversions: 0, conversionRate: null },
    ]);
  });

  it('measures precision and recall of the leads at or above the threshold', () => {
    expect(atThreshold([80, 60, 59, 90, 10], [1, 0, 1, 1, 0], 60)).toEqual({
      threshold: 60,
      mql: 3,
      truePositives: 2,
      precision: 2 / 3,
      recall: 2 / 3,
    });
  });

  it('gives the lift of the top decile: its conversion rate over the overall rate', () => {
    const scores = Array.from({ length: 20 }, (_, i) => i);
    const outcomes = scores.map((s) => (s >= 18 || s < 3 ? 1 : 0));
    // Top 2 of 20 both converted: 100 % against 5 / 20 overall.
    expect(liftTopDecile(scores, outcomes)).toBeCloseTo(4, 12);
  });

  it('counts leads tied at the decile cut in proportion, whatever their order in the file', () => {
    const scores = [...Array<number>(10).fill(50), ...Array<number>(10).fill(10)];
    const outcomes = [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, ...Array<number>(10).fill(0)];
    // Every top-decile candidate ties at 50, half of them converted: rate 0.5 over 0.25 overall.
    expect(liftTopDecile(scores, outcomes)).toBeCloseTo(2, 12);
    expect(liftTopDecile(scores, [...outcomes.slice(0, 10).reverse(), ...outcomes.slice(10)])).toBeCloseTo(
      2,
      12,
    );
  });

  it('bins predictions for calibration with their mean and the observed rate', () => {
    const bins = calibration([0.05, 0.15, 0.12, 0.95, 1], [0, 1, 0, 1, 1]);
    expect(bins).toHaveLength(10);
    expect(bins[1]).toMatchObject({ count: 2, observedRate: 0.5 });
    expect(bins[1]!.meanPredicted).toBeCloseTo(0.135, 12);
    expect(bins[9]).toMatchObject({ count: 2, observedRate: 1 });
    expect(bins[4]).toMatchObject({ count: 0, meanPredicted: null, observedRate: null });
  });
});
