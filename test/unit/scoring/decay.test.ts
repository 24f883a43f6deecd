import { describe, expect, it } from '@jest/globals';
import { compileDecay, DAY_MS } from '../../../src/scoring/decay.js';

describe('half-life decay', () => {
  const decay = compileDecay({ halfLifeDays: 30 });
  it('keeps full points for an interaction of today', () => expect(decay(0)).toBe(1));
  it('halves points exactly at the half-life', () => expect(decay(30 * DAY_MS)).toBeCloseTo(0.5, 12));
  it('quarters points at two half-lives', () => expect(decay(60 * DAY_MS)).toBeCloseTo(0.25, 12));
});

describe('percent-per-period decay', () => {
  const decay = compileDecay({ percent: 10, everyDays: 30 });
  it('keeps full points one day before the first period ends', () => expect(decay(29 * DAY_MS)).toBe(1));
  it('takes 10 % off exactly when the first period ends', () =>
    expect(decay(30 * DAY_MS)).toBeCloseTo(0.9, 12));
  it('takes 10 % off one day after the first period ends', () =>
    expect(decay(31 * DAY_MS)).toBeCloseTo(0.9, 12));
  it('compounds over two periods', () => expect(decay(60 * DAY_MS)).toBeCloseTo(0.81, 12));
});

describe('no decay', () => {
  it('keeps full points at any age', () => expect(compileDecay('none')(3650 * DAY_MS)).toBe(1));
});
