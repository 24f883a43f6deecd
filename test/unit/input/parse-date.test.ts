import { describe, expect, it } from '@jest/globals';
import { parseDate } from '../../../src/input/parse-date.js';

const isoOf = (raw: unknown) => {
  const result = parseDate(raw);
  return result.ok ? result.value.toISOString() : undefined;
};

describe('reading dates', () => {
  it('reads a date without a time as midnight UTC', () =>
    expect(isoOf('2026-03-05')).toBe('2026-03-05T00:00:00.000Z'));
  it('reads a date-time in UTC', () =>
    expect(isoOf('2026-03-05T14:22:00Z')).toBe('2026-03-05T14:22:00.000Z'));
  it('converts a date-time with an offset to UTC', () =>
    expect(isoOf('2026-03-05T14:22:00+02:00')).toBe('2026-03-05T12:22:00.000Z'));
  it('reads a date-time without a zone as UTC', () =>
    expect(isoOf('2026-03-05T14:22:10')).toBe('2026-03-05T14:22:10.000Z'));
  it('reads fractions of a second', () =>
    expect(isoOf('2026-03-05T14:22:10.25Z')).toBe('2026-03-05T14:22:10.250Z'));
  it('reads a space instead of the "T", without seconds', () =>
    expect(isoOf('2026-03-05 14:22')).toBe('2026-03-05T14:22:00.000Z'));
  it('reads a space instead of the "T", with seconds', () =>
    expect(isoOf('2026-03-05 14:22:10')).toBe('2026-03-05T14:22:10.000Z'));
  it('reads epoch milliseconds given as a number', () =>
    expect(isoOf(1772720520000)).toBe('2026-03-05T14:22:00.000Z'));
  it('reads epoch milliseconds given as text, as HubSpot exports them', () =>
    expect(isoOf('1772720520000')).toBe('2026-03-05T14:22:00.000Z'));
  it('reads ten-digit epoch seconds, as Unix tools export them', () =>
    expect(isoOf(1772720520)).toBe('2026-03-05T14:22:00.000Z'));
  it('does not read an eleven-digit number as a date', () =>
    expect(parseDate('17727205200')).toMatchObject({ ok: false, problem: { code: 'invalid_date' } }));
  it('accepts 29 February in a leap year', () =>
    expect(isoOf('2028-02-29')).toBe('2028-02-29T00:00:00.000Z'));

  it('does not guess what "03/05/2026" means', () =>
    expect(parseDate('03/05/2026')).toEqual({
      ok: false,
      problem: {
        code: 'invalid_date',
        message: 'expected an ISO-8601 date like 2026-03-05T14:22:00Z, got "03/05/2026"',
      },
    }));

  it.each([['2026-02-30'], ['2026-02-29'], ['2026-13-01'], ['2026-03-05T24:00'], ['2026-03-05T12:60']])(
    'rejects %s, which does not exist',
    (text) => expect(parseDate(text)).toMatchObject({ ok: false, problem: { code: 'invalid_date' } }),
  );

  it('does not read a short number like 20260305 as epoch milliseconds', () =>
    expect(parseDate('20260305')).toMatchObject({ ok: false, problem: { code: 'invalid_date' } }));

  it.each([[''], ['null'], [null]])('treats %j as missing without a problem', (raw) =>
    expect(parseDate(raw)).toEqual({ ok: false }),
  );
});
