import type { ScoreValues } from '../connector/crm-adapter.js';
import { LeadscoreError } from '../util/errors.js';
import type { Mapping } from './mapping-schema.js';

/**
 * The CRM property values for one score update: exactly the mapping's score properties, nothing else.
 * Numbers are written as plain decimals ("42", "-3.5"); grade and status as their enumeration values
 * ("A", "mql"); scoredAt as an ISO-8601 UTC string ("2026-11-21T09:00:00.000Z"), which HubSpot accepts for
 * datetime properties next to epoch milliseconds (developers.hubspot.com/docs/guides/api/crm/properties:
 * "Values must be represented in UTC time and can be formatted as ISO 8601 strings or UNIX-timestamps in
 * milliseconds"). The scoredAt property must be a datetime, not a date: a date property only takes midnight UTC.
 * `predictive` is written only when the mapping names a property for it and the values carry one; otherwise
 * the property is left as it is.
 */
export function scoreValuesToProperties(mapping: Mapping, values: ScoreValues): Record<string, string> {
  const names = mapping.scoreProperties;
  const properties: Record<string, string> = {
    [names.score]: decimal('score', values.score),
    [names.fit]: decimal('fit', values.fit),
    [names.engagement]: decimal('engagement', values.engagement),
    [names.grade]: values.grade,
    [names.status]: values.status,
    [names.reasons]: values.reasons,
    [names.model]: values.model,
    [names.scoredAt]: isoDate(values.scoredAt),
  };
  if (names.predictive !== undefined && values.predictive !== undefined) {
    properties[names.predictive] = decimal('predictive', values.predictive);
  }
  return properties;
}

function decimal(name: string, value: number): string {
  if (!Number.isFinite(value)) throw invalidValue(`${name} is ${value}; only finite numbers can be written`);
  const text = String(value);
  // String(1e-7) is "1e-7", and HubSpot number properties take digits and a decimal point only.
  return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}

function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw invalidValue('scoredAt is not a valid date');
  return date.toISOString();
}

function invalidValue(message: string): LeadscoreError {
  return new LeadscoreError('SCORE_VALUE_INVALID', message);
}
