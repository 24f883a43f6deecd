import { describe, expect, it } from '@jest/globals';
import { formatDuration, formatRate } from '../../../src/ops/progress-format.js';

describe('formatDuration', () => {
  it('shows seconds under a minute', () => expect(formatDuration(12_400)).toBe('12s'));
  it('shows minutes and padded seconds under an hour', () => expect(formatDuration(245_000)).toBe('4m05s'));
  it('shows hours and padded minutes beyond', () => expect(formatDuration(3_723_000)).toBe('1h02m'));
  it('never shows a negative time', () => expect(formatDuration(-5)).toBe('0s'));
});

describe('formatRate', () => {
  it('rounds to whole records from 10/s up', () => expect(formatRate(1_050.4)).toBe('1,050'));
  it('keeps one decimal below 10/s', () => expect(formatRate(2.54)).toBe('2.5'));
});
