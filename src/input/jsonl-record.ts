import { z } from 'zod';
import type { Lead } from '../model/lead.js';
import { PROFILE_FIELD_KINDS } from '../model/lead.js';
import type { ProfileField } from '../model/lead.js';
import { IDENTITY_FIELDS, leadColumnFor } from './field-aliases.js';
import { RecordProblems } from './input-problem.js';
import type { InputProblemHandler } from './input-problem.js';
import { normalizeActivities } from './normalize-activities.js';
import { normalizeLead, setCustom } from './normalize-lead.js';
import type { RawLead } from './normalize-lead.js';
import { describeValue } from './parsed.js';

const lineSchema = z.record(z.string(), z.unknown());
const refSchema = z.object({
  crm: z.unknown().optional(),
  object: z.unknown().optional(),
  id: z.unknown().optional(),
});
const STRUCTURAL_KEYS: ReadonlySet<string> = new Set(['ref', ...IDENTITY_FIELDS, 'custom', 'activities']);

function isProfileField(key: string): key is ProfileField {
  return Object.hasOwn(PROFILE_FIELD_KINDS, key);
}

/**
 * Reads the lines of one JSONL file. A line is one lead object: identity as `ref: {crm, object, id}` or as
 * top-level `id` (+ `crm`, `object`); the camelCase profile fields; `custom` (an object, kept as it is);
 * `activities` (see normalize-activities.ts). Any other key is kept in `custom` on every record and reported
 * (`unknown_field`) for the first record that has it only. A line that is not JSON, or not an object, cannot
 * be scored (it has no id) and is skipped (`invalid_json`).
 */
export class JsonlLeadReader {
  private readonly reportedKeys = new Set<string>();

  constructor(
    private readonly file: string,
    private readonly onProblem: InputProblemHandler,
  ) {}

  /** The lead on one line, or undefined when the line is not a lead (reported). */
  read(text: string, line: number): Lead | undefined {
    const problems = new RecordProblems(this.file, line, this.onProblem);
    const object = parseLine(text, problems);
    if (!object) return undefined;
    // Reported after the lead is normalised, when the record id is known.
    const deferred: Array<() => void> = [];
    const raw: RawLead = { identity: readIdentity(object, problems, deferred), profile: {}, custom: {} };
    readCustom(object.custom, raw.custom, problems, deferred);
    for (const [key, value] of Object.entries(object)) {
      if (isProfileField(key)) raw.profile[key] = { value, label: key };
      else if (!STRUCTURAL_KEYS.has(key)) this.keepUnknown(key, value, raw.custom, problems, deferred);
    }
    const lead = normalizeLead(raw, problems);
    lead.activities = normalizeActivities(object.activities, problems);
    for (const report of deferred) report();
    return lead;
  }

  private keepUnknown(
    key: string,
    value: unknown,
    custom: Record<string, unknown>,
    problems: RecordProblems,
    deferred: Array<() => void>,
  ): void {
    if (value !== null && !Object.hasOwn(custom, key)) setCustom(custom, key, value);
    if (this.reportedKeys.has(key)) return;
    this.reportedKeys.add(key);
    const meant = leadColumnFor(key);
    const hint = meant ? ` (did you mean ${meant}?)` : '';
    deferred.push(() =>
      problems.report(
        key,
        'unknown_field',
        `not a lead field${hint}; kept as custom.${key} (reported for the first record only)`,
      ),
    );
  }
}

function parseLine(text: string, problems: RecordProblems): Record<string, unknown> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    problems.report('', 'invalid_json', `not valid JSON (${(error as Error).message}); line skipped`);
    return undefined;
  }
  const object = lineSchema.safeParse(json);
  if (object.success) return object.data;
  const got = describeValue(json);
  problems.report('', 'invalid_json', `expected a JSON object (one lead per line), got ${got}; line skipped`);
  return undefined;
}

function readIdentity(
  object: Record<string, unknown>,
  problems: RecordProblems,
  deferred: Array<() => void>,
): RawLead['identity'] {
  let ref: Record<string, unknown> = {};
  if (object.ref !== undefined && object.ref !== null) {
    const parsedRef = refSchema.safeParse(object.ref);
    if (parsedRef.success) ref = parsedRef.data;
    else {
      const got = describeValue(object.ref);
      const example = '{"crm": "hubspot", "object": "contact", "id": "42"}';
      deferred.push(() =>
        problems.report('ref', 'invalid_ref', `expected an object like ${example}, got ${got}; ignored`),
      );
    }
  }
  const identity: RawLead['identity'] = {};
  for (const key of IDENTITY_FIELDS) {
    const inRef = ref[key];
    if (inRef !== undefined && inRef !== null) identity[key] = { value: inRef, label: `ref.${key}` };
    else if (object[key] !== undefined) identity[key] = { value: object[key], label: key };
  }
  return identity;
}

function readCustom(
  value: unknown,
  custom: Record<string, unknown>,
  problems: RecordProblems,
  deferred: Array<() => void>,
): void {
  if (value === undefined || value === null) return;
  const object = lineSchema.safeParse(value);
  if (object.success) {
    for (const [key, entry] of Object.entries(object.data)) setCustom(custom, key, entry);
    return;
  }
  setCustom(custom, 'custom', value);
  const got = describeValue(value);
  deferred.push(() =>
    problems.report('custom', 'invalid_custom', `expected an object, got ${got}; kept as custom.custom`),
  );
}
