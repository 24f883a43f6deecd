import { cleanText, describeValue, invalid, MISSING, parsed } from './parsed.js';
import type { Parsed, ValueProblem } from './parsed.js';

/** Longest text kept in a profile field; longer values are cut (and reported) rather than rejected. */
export const MAX_TEXT_LENGTH = 255;

export function parseText(value: unknown, maxLength = MAX_TEXT_LENGTH): Parsed<string> {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'number' && Number.isFinite(value)) return parsed(String(value));
  if (typeof value === 'boolean') return parsed(String(value));
  if (typeof value !== 'string')
    return invalid('invalid_string', `expected text, got ${describeValue(value)}`);
  const text = cleanText(value);
  return text === undefined ? MISSING : truncate(text, maxLength);
}

function truncate(text: string, maxLength: number): Parsed<string> {
  if (text.length <= maxLength) return parsed(text);
  // Cut by code point so an emoji at the boundary is not split into half a surrogate pair.
  const chars = Array.from(text);
  if (chars.length <= maxLength) return parsed(text);
  return parsed(chars.slice(0, maxLength).join(''), {
    code: 'truncated',
    message: `${chars.length} characters long; truncated to ${maxLength}`,
  });
}

/** Record ids are never truncated: a cut id would point at another record. */
export function parseId(value: unknown): Parsed<string> {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'number' && Number.isFinite(value)) return parsed(String(value));
  if (typeof value !== 'string') {
    return invalid('missing_id', `expected text or a number, got ${describeValue(value)}`);
  }
  const text = cleanText(value);
  return text === undefined ? MISSING : parsed(text);
}

export function parseEmail(value: unknown): Parsed<string> {
  const text = parseText(value);
  if (!text.ok) return text;
  const email = text.value.toLowerCase();
  if (text.note || email.includes('@')) return parsed(email, text.note);
  return parsed(email, { code: 'invalid_email', message: `${describeValue(email)} has no "@"; kept as is` });
}

const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'no', 'n', '0']);

export function parseBoolean(value: unknown): Parsed<boolean> {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'boolean') return parsed(value);
  if (value === 1 || value === 0) return parsed(value === 1);
  if (typeof value === 'string') {
    const text = cleanText(value)?.toLowerCase();
    if (text === undefined) return MISSING;
    if (TRUE_WORDS.has(text)) return parsed(true);
    if (FALSE_WORDS.has(text)) return parsed(false);
  }
  return invalid('invalid_boolean', `expected true/false, yes/no, y/n or 1/0, got ${describeValue(value)}`);
}

const LIST_SEPARATOR = /[;|,]/;

export function parseStringList(value: unknown): Parsed<string[]> {
  if (value === null || value === undefined) return MISSING;
  if (Array.isArray(value)) return listOf(value);
  if (typeof value !== 'string') {
    return invalid(
      'invalid_list',
      `expected a list like "Salesforce; HubSpot" or ["Salesforce", "HubSpot"], got ${describeValue(value)}`,
    );
  }
  const text = value.trim();
  if (text.startsWith('[') && text.endsWith(']')) {
    const array = jsonArray(text);
    if (array) return listOf(array);
  }
  return listOf(text.split(LIST_SEPARATOR));
}

function jsonArray(text: string): unknown[] | undefined {
  try {
    const json: unknown = JSON.parse(text);
    return Array.isArray(json) ? json : undefined;
  } catch {
    return undefined;
  }
}

function listOf(entries: unknown[]): Parsed<string[]> {
  const items: string[] = [];
  let dropped = 0;
  let truncated: ValueProblem | undefined;
  for (const entry of entries) {
    const item = Array.isArray(entry) ? invalid('invalid_list', 'nested list') : parseText(entry);
    if (item.ok) items.push(item.value);
    else if (item.problem) dropped++;
    if (item.ok && item.note) truncated = { code: 'truncated', message: `an entry is ${item.note.message}` };
  }
  const droppedNote: ValueProblem | undefined = dropped
    ? {
        code: 'invalid_list',
        message: `dropped ${dropped === 1 ? '1 entry that is' : `${dropped} entries that are`} not text`,
      }
    : undefined;
  if (items.length === 0) return droppedNote ? { ok: false, problem: droppedNote } : MISSING;
  return parsed(items, droppedNote ?? truncated);
}
