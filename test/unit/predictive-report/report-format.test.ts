import { describe, expect, it } from '@jest/globals';
import { coord, formatInt, formatPercent, truncate } from '../../../src/predictive/report/format.js';
import { niceTicks } from '../../../src/predictive/report/svg.js';

describe('report formatting', () => {
  it('formats numbers the same on every locale', () => {
    expect(formatInt(1234567)).toBe('1,234,567');
    expect(formatPercent(0.0912)).toBe('9.1%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.025, 2)).toBe('2.5%');
  });

  it('never writes -0 or long decimals into SVG coordinates', () => {
    expect(coord(-0.0001)).toBe('0');
    expect(coord(1 / 3)).toBe('0.33');
  });

  it('truncates by characters, not UTF-16 units, so an emoji is never cut in half', () => {
    expect(truncate('🚀🚀🚀🚀', 3)).toEqual({ text: '🚀🚀…', truncated: true });
    expect(truncate('short', 10)).toEqual({ text: 'short', truncated: false });
  });

  it('picks round ticks that cover the range, negative values included', () => {
    expect(niceTicks(0, 0.539)).toEqual([0, 0.2, 0.4, 0.6]);
    expect(niceTicks(0, 0.43, 5)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(niceTicks(-1.61, 1.42, 6)).toEqual([-2, -1, 0, 1, 2]);
    expect(niceTicks(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
