import { describe, expect, it } from '@jest/globals';
import { parseAmount } from '../../../src/input/parse-number.js';

const valueOf = (raw: unknown) => {
  const result = parseAmount(raw);
  return result.ok ? result.value : undefined;
};

describe('reading numbers (employees, annualRevenue)', () => {
  it('keeps a JSON number as it is', () => expect(valueOf(1234.5)).toBe(1234.5));
  it('reads "1.5" with a decimal point', () => expect(valueOf('1.5')).toBe(1.5));
  it('reads employees "50-200" as the midpoint 125', () => expect(valueOf('50-200')).toBe(125));
  it('reads a range with an en dash', () => expect(valueOf('50–200')).toBe(125));
  it('reads a range written "50 to 200"', () => expect(valueOf('50 to 200')).toBe(125));
  it('rounds the midpoint of a range to an integer', () => expect(valueOf('1-2')).toBe(2));
  it('reads a range of amounts with suffixes "$1M-$5M"', () => expect(valueOf('$1M-$5M')).toBe(3_000_000));

  it.each([['1,000+'], ['1000 or more'], ['>1000'], ['over 1,000'], ['1000 and above']])(
    'reads "%s" as its lower bound 1000',
    (text) => expect(valueOf(text)).toBe(1000),
  );

  it.each([['<10'], ['under 10'], ['less than 10'], ['up to 10']])(
    'reads "%s" as half the bound, 5',
    (text) => expect(valueOf(text)).toBe(5),
  );

  it.each([
    ['1,000', 1000],
    ['1 000', 1000],
    ['12 345 678', 12_345_678],
    ['1.000.000', 1_000_000],
    ["1'000", 1000],
    ['1,000.50', 1000.5],
    ['1.000,50', 1000.5],
    ['2,5', 2.5],
  ])('reads the thousands separators and decimal mark of "%s"', (text, expected) =>
    expect(valueOf(text)).toBe(expected),
  );

  it.each([
    ['$5M', 5_000_000],
    ['€1,200', 1200],
    ['£300k', 300_000],
    ['USD 3k', 3000],
    ['2.5 million EUR', 2_500_000],
  ])('ignores the currency in "%s"', (text, expected) => expect(valueOf(text)).toBe(expected));

  it.each([
    ['10k', 10_000],
    ['1.5m', 1_500_000],
    ['1.1m', 1_100_000],
    ['2bn', 2_000_000_000],
    ['3B', 3_000_000_000],
  ])('reads the suffix of "%s"', (text, expected) => expect(valueOf(text)).toBe(expected));

  it.each([
    ['51-200 employees', 126],
    ['10,001+ employees', 10_001],
  ])('reads the company size "%s" as written by LinkedIn', (text, expected) =>
    expect(valueOf(text)).toBe(expected),
  );

  it('does not guess whether "1.500" means 1.5 or 1500', () =>
    expect(parseAmount('1.500')).toEqual({
      ok: false,
      problem: {
        code: 'invalid_number',
        message: 'expected a number or a range like "50-200", got "1.500" (is the dot a decimal point?)',
      },
    }));

  it('rejects "lots" with a message that shows the expected forms', () =>
    expect(parseAmount('lots')).toEqual({
      ok: false,
      problem: { code: 'invalid_number', message: 'expected a number or a range like "50-200", got "lots"' },
    }));

  it('rejects a negative number', () =>
    expect(parseAmount('-5')).toEqual({
      ok: false,
      problem: { code: 'invalid_number', message: 'expected a number of 0 or more, got "-5"' },
    }));

  it('rejects a JSON boolean', () => expect(parseAmount(true)).toMatchObject({ ok: false }));

  it.each([[''], ['  '], ['null'], ['N/A'], ['-'], [null]])('treats %j as missing without a problem', (raw) =>
    expect(parseAmount(raw)).toEqual({ ok: false }),
  );
});
