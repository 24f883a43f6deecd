import { parseDate } from '../input/parse-date.js';

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/** A number as written in a data file ("12", "-0.5", "1e3"; "1,5" when decimal commas are expected), else NaN. */
export function parseNumberCell(text: string | undefined, decimalComma: boolean): number {
  if (text === undefined) return Number.NaN;
  if (PLAIN_NUMBER.test(text)) return Number(text);
  if (decimalComma && DECIMAL_COMMA.test(text)) return Number(text.replace(',', '.'));
  return Number.NaN;
}

/** Milliseconds of a date as src/input reads dates (ISO-8601 or epochs), else NaN. */
export function parseDateCell(text: string | undefined): number {
  const date = parseDate(text);
  return date.ok ? date.value.getTime() : Number.NaN;
}
