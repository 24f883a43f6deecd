import { cleanText, describeValue, invalid, MISSING, parsed } from './parsed.js';
import type { Parsed } from './parsed.js';

const EXPECTED = 'expected a number or a range like "50-200"';
const AMBIGUOUS = Symbol('ambiguous');
type Amount = number | undefined | typeof AMBIGUOUS;

/** Reads a count or an amount of money as written in CRM exports; the rules are listed in normalize-lead.ts. */
export function parseAmount(value: unknown): Parsed<number> {
  if (value === null || value === undefined) return MISSING;
  let amount: Amount = undefined;
  if (typeof value === 'number') amount = Number.isFinite(value) ? value : undefined;
  else if (typeof value === 'string') {
    const text = cleanText(value);
    if (text === undefined) return MISSING;
    amount = readAmount(normalise(text));
  }
  const got = describeValue(value);
  if (amount === AMBIGUOUS)
    return invalid('invalid_number', `${EXPECTED}, got ${got} (is the dot a decimal point?)`);
  if (amount === undefined) return invalid('invalid_number', `${EXPECTED}, got ${got}`);
  if (amount < 0) return invalid('invalid_number', `expected a number of 0 or more, got ${got}`);
  return parsed(amount);
}

const CURRENCY = /us\$|[$€£¥]|usd|eur|gbp|cad|aud|chf|jpy/g;
/** As in LinkedIn-style company sizes: "51-200 employees". */
const HEADCOUNT_WORDS = /\b(?:employees?|people|staff)\b/g;

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(CURRENCY, '')
    .replace(HEADCOUNT_WORDS, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const NEGATIVE = /^[-−]\s*(\d.*)$/;
const AT_LEAST_PREFIX = /^(?:>=?|≥|over|more than|at least)\s*(.+)$/;
const AT_LEAST_SUFFIX = /^(.+?)\s*(?:\+|or more|and more|and above|and up)$/;
const BELOW_PREFIX = /^(?:<=?|≤|under|less than|fewer than|below|up to)\s*(.+)$/;
const RANGE = /^(.+?)\s*(?:-|–|—|to)\s*(.+)$/;

function readAmount(text: string): Amount {
  const negative = NEGATIVE.exec(text);
  if (negative) return map(single(negative[1]!), (n) => -n);
  const atLeast = AT_LEAST_PREFIX.exec(text) ?? AT_LEAST_SUFFIX.exec(text);
  if (atLeast) return single(atLeast[1]!);
  const below = BELOW_PREFIX.exec(text);
  if (below) return map(single(below[1]!), (n) => Math.round(n / 2));
  const range = RANGE.exec(text);
  if (range) {
    const low = single(range[1]!);
    const high = single(range[2]!);
    if (low === AMBIGUOUS || high === AMBIGUOUS) return AMBIGUOUS;
    return low === undefined || high === undefined ? undefined : Math.round((low + high) / 2);
  }
  return single(text);
}

function map(amount: Amount, f: (n: number) => number): Amount {
  return typeof amount === 'number' ? f(amount) : amount;
}

const SINGLE = /^(\d[\d.,' ’]*?)\s*(k|thousand|mm|mn|m|million|bn|b|billion)?$/;
const EXPONENT: Record<string, number> = {
  k: 3,
  thousand: 3,
  m: 6,
  mm: 6,
  mn: 6,
  million: 6,
  b: 9,
  bn: 9,
  billion: 9,
};

function single(text: string): Amount {
  const match = SINGLE.exec(text);
  if (!match) return undefined;
  const suffix = match[2];
  const decimal = plainDecimal(match[1]!, suffix !== undefined);
  if (decimal === undefined || decimal === AMBIGUOUS) return decimal;
  // Shifting the exponent in the text keeps "1.1m" exactly 1100000 (1.1 * 1e6 is not).
  return Number(`${decimal}e${suffix ? EXPONENT[suffix] : 0}`);
}

/** Digits with thousands separators and a decimal mark, as a plain decimal string ("1.000,5" → "1000.5"). */
function plainDecimal(digits: string, hasSuffix: boolean): string | undefined | typeof AMBIGUOUS {
  if (/^\d+$/.test(digits)) return digits;
  if (/^\d+\.\d+$/.test(digits)) {
    // "1.500" is 1.5 in English and 1500 in German: not guessed.
    return !hasSuffix && /^[1-9]\d{0,2}\.\d{3}$/.test(digits) ? AMBIGUOUS : digits;
  }
  if (/^\d{1,3}([,' ’])\d{3}(?:\1\d{3})*(?:\.\d+)?$/.test(digits)) return digits.replace(/[,' ’]/g, '');
  if (/^\d{1,3}([.' ’])\d{3}(?:\1\d{3})*,\d+$/.test(digits)) {
    return digits.replace(/[.' ’]/g, '').replace(',', '.');
  }
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(digits)) return digits.replace(/\./g, '');
  if (/^\d+,\d{1,2}$/.test(digits)) return digits.replace(',', '.');
  return undefined;
}
