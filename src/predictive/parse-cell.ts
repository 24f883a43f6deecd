import { parseDate } from '../input/parse-date.js';

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/** 10⁰ … 10¹⁵, all exact doubles. */
const POWERS_OF_TEN = Float64Array.from({ length: 16 }, (_, k) => 10 ** k);
/** A sign, 15 digits and a point. */
const LONGEST_SIMPLE = 17;
const MOST_DIGITS = 15;
const PLUS = 43;
const MINUS = 45;
const POINT = 46;
const ZERO = 48;

/**
 * "12", "-0.5", ".5", "+3.": at most 15 digits, a point, no exponent: the value Number() gives, without
 * the regex and the string conversion; NaN for any other text (then the caller tries the general rules).
 * Exact: the digits make an integer below 2⁵³ and 10^k (k ≤ 15) is exact, so one division rounds correctly.
 */
export function simpleDecimal(text: string): number {
  const length = text.length;
  if (length === 0 || length > LONGEST_SIMPLE) return Number.NaN;
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === MINUS) {
    negative = true;
    i = 1;
  } else if (first === PLUS) i = 1;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    const digit = code - ZERO;
    if (digit >= 0 && digit <= 9) {
      mantissa = mantissa * 10 + digit;
      digits++;
      if (decimals >= 0) decimals++;
    } else if (code === POINT && decimals < 0) decimals = 0;
    else return Number.NaN;
  }
  if (digits === 0 || digits > MOST_DIGITS) return Number.NaN;
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
  return negative ? -value : value;
}

/** A number as written in a data file ("12", "-0.5", "1e3"; "1,5" when decimal commas are expected), else NaN. */
export function parseNumberCell(text: string | undefined, decimalComma: boolean): number {
  if (text === undefined) return Number.NaN;
  const simple = simpleDecimal(text);
  if (!Number.isNaN(simple)) return simple;
  if (PLAIN_NUMBER.test(text)) return Number(text);
  if (decimalComma && DECIMAL_COMMA.test(text)) return Number(text.replace(',', '.'));
  return Number.NaN;
}

/** Milliseconds of a date as src/input reads dates (ISO-8601 or epochs), else NaN. */
export function parseDateCell(text: string | undefined): number {
  const date = parseDate(text);
  return date.ok ? date.value.getTime() : Number.NaN;
}
