import { parseDate } from '../input/parse-date.js';
import { parseText } from '../input/parse-values.js';
import { cleanText, describeValue, resolve } from '../input/parsed.js';
import { GRADES, STATUSES } from '../model/lead.js';
import type { ScoreFields } from '../model/lead.js';
import { propertyValue } from './crm-record.js';
import type { CrmRecord, RecordReporter } from './crm-record.js';
import type { ScoreProperties } from './mapping-schema.js';

const MISSING = 'treated as missing';

/**
 * The score values the CRM holds now (what leadscore wrote last time), for the pipeline to diff against.
 * undefined when the record holds none of them (never scored).
 */
export function currentScores(
  properties: ScoreProperties,
  record: CrmRecord,
  reporter: RecordReporter,
): Partial<ScoreFields> | undefined {
  const value = (name: string): string | undefined => {
    const raw = propertyValue(record, name);
    return raw === null || raw === undefined ? undefined : cleanText(raw);
  };
  const number = (name: string): number | undefined => readNumber(name, value(name), reporter);
  const text = (name: string): string | undefined =>
    resolve(parseText(propertyValue(record, name), Infinity), name, reporter.inputProblems);

  const current: Partial<ScoreFields> = {
    score: number(properties.score),
    fit: number(properties.fit),
    engagement: number(properties.engagement),
    grade: readOption(properties.grade, value(properties.grade), GRADES, reporter),
    status: readOption(properties.status, value(properties.status), STATUSES, reporter),
    reasons: text(properties.reasons),
    model: text(properties.model),
    scoredAt: resolve(
      parseDate(propertyValue(record, properties.scoredAt)),
      properties.scoredAt,
      reporter.inputProblems,
    ),
    predictive: properties.predictive === undefined ? undefined : number(properties.predictive),
  };
  const present = Object.entries(current).filter(([, v]) => v !== undefined);
  return present.length ? (Object.fromEntries(present) as Partial<ScoreFields>) : undefined;
}

/**
 * Plain decimals only: these are number properties leadscore wrote itself, and scores can be negative,
 * which the amount parser for profile fields rightly rejects.
 */
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

function readNumber(
  property: string,
  text: string | undefined,
  reporter: RecordReporter,
): number | undefined {
  if (text === undefined) return undefined;
  if (DECIMAL.test(text)) return Number(text);
  reporter.report(
    property,
    'invalid_number',
    `expected a number like 42 or -3.5, got ${describeValue(text)}; ${MISSING}`,
  );
  return undefined;
}

function readOption<T extends string>(
  property: string,
  text: string | undefined,
  options: readonly T[],
  reporter: RecordReporter,
): T | undefined {
  if (text === undefined) return undefined;
  const option = options.find((candidate) => candidate === text);
  if (option !== undefined) return option;
  const expected = `expected one of ${options.join(', ')}, got ${describeValue(text)}`;
  reporter.report(property, 'invalid_option', `${expected}; ${MISSING}`);
  return undefined;
}
