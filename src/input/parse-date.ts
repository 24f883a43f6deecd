import { cleanText, describeValue, invalid, MISSING, parsed } from './parsed.js';
import type { Parsed } from './parsed.js';

const EXPECTED = 'expected an ISO-8601 date like 2026-03-05T14:22:00Z';

/**
 * Epochs: 13 digits are milliseconds (HubSpot's exports), 10 digits are seconds (Unix tools).
 * Anything else is not guessed: a 7-digit number is far likelier an id or an amount than a 1970 date.
 */
const EPOCH_MS_DIGITS = 13;
const EPOCH_SECONDS_DIGITS = 10;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Reads a date; the accepted forms are listed in normalize-lead.ts. */
export function parseDate(value: unknown): Parsed<Date> {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'number') return fromEpoch(value) ?? invalid('invalid_date', expectedDate(value));
  if (typeof value !== 'string') return invalid('invalid_date', expectedDate(value));
  const text = cleanText(value);
  if (text === undefined) return MISSING;
  if (/^\d+$/.test(text)) return fromEpoch(Number(text)) ?? invalid('invalid_date', expectedDate(value));
  const match = ISO.exec(text);
  if (!match) return invalid('invalid_date', expectedDate(value));
  const date = fromParts(match);
  return date ? parsed(date) : invalid('invalid_date', `${expectedDate(value)} (no such date or time)`);
}

export function expectedDate(value: unknown): string {
  return `${EXPECTED}, got ${describeValue(value)}`;
}

function fromEpoch(epoch: number): Parsed<Date> | undefined {
  if (!Number.isInteger(epoch) || epoch < 0) return undefined;
  const digits = String(epoch).length;
  if (digits !== EPOCH_MS_DIGITS && digits !== EPOCH_SECONDS_DIGITS) return undefined;
  const date = new Date(digits === EPOCH_SECONDS_DIGITS ? epoch * 1000 : epoch);
  return Number.isNaN(date.getTime()) ? undefined : parsed(date);
}

function fromParts(match: RegExpExecArray): Date | undefined {
  const part = (index: number): number => Number(match[index] ?? 0);
  const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  const ms = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = offsetMinutes(match[8]);
  if (offset === undefined) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute - offset, second, ms);
  return date;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Minutes east of UTC; no zone means UTC. */
function offsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 23 || minutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}
