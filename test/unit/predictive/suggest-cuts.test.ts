import { describe, expect, it } from '@jest/globals';
import { bestCut, bestInactivity, countCap, niceNumber } from '../../../src/predictive/suggest-cuts.js';

describe('suggest cuts', () => {
  it('rounds cuts to two significant digits', () => {
    expect([237, 1234, 0.4567, 50].map(niceNumber)).toEqual([240, 1200, 0.46, 50]);
  });

  it('cuts a number where conversion changes', () => {
    // 100 leads of 1…100 employees; those with 70 or more converted.
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    const outcomes = Array.from(values, (v) => (v >= 70 ? 1 : 0));
    expect(bestCut(values, outcomes, 10)).toBe(70);
  });

  it('never cuts at the smallest value, which would only say the value is known', () => {
    const values = Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, Number.NaN, Number.NaN]);
    const outcomes = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0];
    expect(bestCut(values, outcomes, 1)).not.toBe(0);
  });

  it('picks the inactivity period that separates converters, no activity counting as inactive', () => {
    const days = Float64Array.from([1, 5, 10, 20, 25, 40, 50, 70, 100, Number.NaN]);
    const outcomes = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    expect(bestInactivity(days, outcomes, 2)).toBe(30);
  });

  it('counts activities up to the 90th percentile of the leads that have any', () => {
    // Of the nine leads with any, the 90th percentile lies a fifth of the way from 4 to 9.
    expect(countCap(Float64Array.from([0, 0, 1, 1, 2, 2, 3, 3, 3, 4, 9]))).toBe(5);
    expect(countCap(Float64Array.from([0, 50, 50, 50]))).toBe(10);
  });
});
