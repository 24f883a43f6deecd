import type { FieldDef, FieldValue } from '../data/field-types.js';
import { invalidField, malformedQuery, unsupported } from './query-error.js';

const DAY_MS = 86_400_000;

/** A literal ready for comparison: a plain value, or a date range for `TODAY`, `LAST_N_DAYS:30`... */
export type Literal = { kind: 'value'; value: FieldValue } | { kind: 'range'; start: number; end: number };

const TEMPORAL = new Set(['date', 'datetime']);
const NUMERIC = new Set(['int', 'double']);

function requireType(field: FieldDef, literalType: string): void {
  if (literalType === 'NULL') return;
  const t = field.type;
  const ok = TEMPORAL.has(t)
    ? ['DATE_LITERAL', 'DATE_N_LITERAL', t === 'date' ? 'DATE' : 'DATETIME'].includes(literalType)
    : t === 'boolean'
      ? literalType === 'BOOLEAN'
      : NUMERIC.has(t)
        ? literalType === 'INTEGER' || literalType === 'DECIMAL'
        : literalType === 'STRING';
  if (ok) return;
  const want =
    t === 'int' || t === 'double' ? 'double' : TEMPORAL.has(t) ? (t === 'date' ? 'date' : 'dateTime') : t;
  const quotes = want === 'string' || want === 'id' || want === 'reference' ? 'should be' : 'should not be';
  throw invalidField(
    `value of filter criterion for field '${field.name}' must be of type ${want} and ${quotes} enclosed in quotes`,
  );
}

/** Converts one literal of a WHERE condition for a field, checking its type as Salesforce does. */
export function toLiteral(raw: string, literalType: string, field: FieldDef, nowMs: number): Literal {
  requireType(field, literalType);
  switch (literalType) {
    case 'NULL':
      return { kind: 'value', value: null };
    case 'STRING':
      return { kind: 'value', value: raw.slice(1, -1).replace(/\\(.)/g, '$1') };
    case 'INTEGER':
    case 'DECIMAL':
      return { kind: 'value', value: Number(raw) };
    case 'BOOLEAN':
      return { kind: 'value', value: raw.toUpperCase() === 'TRUE' };
    case 'DATE':
      return { kind: 'value', value: Date.parse(`${raw}T00:00:00Z`) };
    case 'DATETIME': {
      const ms = Date.parse(raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      if (Number.isNaN(ms)) throw malformedQuery(`invalid date/time: ${raw}`);
      return { kind: 'value', value: ms };
    }
    case 'DATE_LITERAL':
    case 'DATE_N_LITERAL':
      return dateRange(raw.toUpperCase(), nowMs);
    default:
      throw unsupported(`Literal type ${literalType}`);
  }
}

/** Date literals in UTC (Salesforce uses the user's time zone; the sandbox user is on GMT). */
function dateRange(raw: string, nowMs: number): Literal {
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const [name, nText] = raw.split(':');
  const n = Number(nText ?? 0);
  const range = (startDay: number, days: number): Literal => ({
    kind: 'range',
    start: today + startDay * DAY_MS,
    end: today + (startDay + days) * DAY_MS,
  });
  switch (name) {
    case 'TODAY':
      return range(0, 1);
    case 'YESTERDAY':
      return range(-1, 1);
    case 'TOMORROW':
      return range(1, 1);
    case 'LAST_90_DAYS':
      return range(-90, 91);
    case 'NEXT_90_DAYS':
      return range(1, 90);
    case 'LAST_N_DAYS':
      return range(-n, n + 1);
    case 'NEXT_N_DAYS':
      return range(1, n);
    case 'N_DAYS_AGO':
      return range(-n, 1);
    default:
      throw unsupported(`Date literal ${raw}`);
  }
}
