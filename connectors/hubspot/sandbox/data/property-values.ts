import type { PropertyProblem } from '../http/error-bodies.js';
import type { PropertyDefinition } from './property-types.js';

export type WriteResult = { ok: true; value: string } | { ok: false; problem: PropertyProblem };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const EPOCH_MS = /^-?\d{1,15}$/;

/** Values arrive as JSON strings (numbers and booleans are accepted and read as text; null clears). */
export function rawToText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  return typeof raw === 'string' ? raw : String(raw);
}

/**
 * Checks one written value against its definition and returns the text HubSpot would store.
 * An empty string clears a value (contacts batch update docs: "Properties values can be cleared by passing an
 * empty string"). Datetimes accept ISO 8601 or epoch milliseconds and are stored as ISO strings.
 */
export function checkWrite(
  definition: PropertyDefinition | undefined,
  name: string,
  raw: unknown,
): WriteResult {
  if (!definition || definition.archived) {
    return fail(name, 'PROPERTY_DOESNT_EXIST', `Property "${name}" does not exist`);
  }
  if (definition.modificationMetadata.readOnlyValue) {
    return fail(
      name,
      'READ_ONLY_VALUE',
      `Property "${name}" is a read only property; its value cannot be set.`,
    );
  }
  const text = rawToText(raw);
  if (text === '') return { ok: true, value: '' };
  switch (definition.type) {
    case 'number':
      return text.trim() !== '' && Number.isFinite(Number(text))
        ? { ok: true, value: text.trim() }
        : fail(name, 'INVALID_FLOAT', `${text} was not a valid number.`);
    case 'enumeration':
    case 'bool':
      return checkOptions(definition, name, text);
    case 'datetime': {
      const ms = toEpochMs(text);
      return ms === undefined
        ? fail(name, 'INVALID_DATETIME', `${text} is not a valid datetime`)
        : { ok: true, value: new Date(ms).toISOString() };
    }
    case 'date': {
      const ms = toEpochMs(text);
      if (ms === undefined || ms % 86_400_000 !== 0) {
        return fail(name, 'INVALID_DATE', `${text} is not a valid date (midnight UTC)`);
      }
      return { ok: true, value: new Date(ms).toISOString().slice(0, 10) };
    }
    default:
      return { ok: true, value: text };
  }
}

function checkOptions(definition: PropertyDefinition, name: string, text: string): WriteResult {
  const allowed = new Set(definition.options.map((o) => o.value));
  // Multiple checkboxes store several values separated by ";".
  const values = definition.fieldType === 'checkbox' ? text.split(';') : [text];
  const bad = values.find((v) => !allowed.has(v));
  if (bad === undefined) return { ok: true, value: text };
  const labels = definition.options.map((o) => o.label).join(', ');
  return fail(name, 'INVALID_OPTION', `${bad} was not one of the allowed options: [${labels}]`);
}

/** Epoch milliseconds of an ISO date/date-time or an epoch-millisecond string; undefined if neither. */
export function toEpochMs(text: string): number | undefined {
  const trimmed = text.trim();
  if (EPOCH_MS.test(trimmed)) return Number(trimmed);
  if (!ISO_DATE.test(trimmed) && !/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) return undefined;
  // A date or a date-time without a zone is read as UTC, whatever the machine's time zone.
  const zoned = ISO_DATE.test(trimmed)
    ? `${trimmed}T00:00:00Z`
    : /(Z|[+-]\d{2}:?\d{2})$/.test(trimmed)
      ? trimmed
      : `${trimmed}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? undefined : ms;
}

function fail(name: string, error: string, message: string): WriteResult {
  return { ok: false, problem: { name, error, message } };
}
