import { crmSchema, CRMS, PROFILE_FIELD_KINDS, PROFILE_FIELDS } from '../model/lead.js';
import type { Crm, FieldKind, Lead, LeadProfile, LeadRef, ProfileField } from '../model/lead.js';
import type { IdentityField } from './field-aliases.js';
import type { RecordProblems } from './input-problem.js';
import { parseDate } from './parse-date.js';
import { parseAmount } from './parse-number.js';
import { parseBoolean, parseEmail, parseId, parseStringList, parseText } from './parse-values.js';
import { describeValue, resolve } from './parsed.js';
import type { Parsed } from './parsed.js';

/**
 * How a raw lead record (a JSONL object or a CSV row) becomes a canonical lead. Nothing here throws:
 * every value that is not taken as written is reported, with the file, line, record id and field.
 *
 * - Missing: absent, null, or text that is empty, "null", "none", "n/a" or "-" (any case, after trimming)
 *   is missing, silently. This applies to every field.
 * - Text: trimmed. Numbers and booleans are turned into text. Longer than 255 characters → cut to 255
 *   (`truncated`). Objects and arrays → missing (`invalid_string`).
 * - email: as text, then lower-cased. Without an "@" it is kept but reported (`invalid_email`).
 * - Numbers (employees, annualRevenue): JSON numbers; text with thousands separators "1,000", "1 000",
 *   "1'000", "1.000.000" (two or more dot groups), decimal comma "1,5" or "1.000,50"; currency symbols
 *   ($ € £ ¥ US$), codes (USD EUR GBP CAD AUD CHF JPY) and the words employees/people/staff ("51-200
 *   employees") ignored; suffixes k/thousand, m/mm/mn/million, b/bn/billion ("10k" → 10000,
 *   "$5M" → 5000000, "1.5m" → 1500000). Ranges "50-200", "50–200",
 *   "50 to 200" → midpoint rounded to an integer (125). "1,000+", ">1000", ">=1000", "over 1000",
 *   "more than 1000", "at least 1000", "1000 or more", "1000 and more/above/up" → the bound (1000).
 *   "<10", "<=10", "under 10", "less than 10", "fewer than 10", "below 10", "up to 10" → half the bound,
 *   rounded (5). "1.500" (one dot, three decimals, no suffix) is 1.5 or 1500 depending on the country, so it
 *   is not guessed. Negative numbers, and anything else → missing (`invalid_number`).
 * - Booleans (budgetAuthority, emailBounced, unsubscribed): true/false, yes/no, y/n, 1/0 in any case,
 *   JSON booleans and the numbers 1/0. Anything else → missing (`invalid_boolean`).
 * - Dates (createdAt, updatedAt, activity times): ISO-8601 "2026-03-05" (midnight UTC),
 *   "2026-03-05T14:22", "2026-03-05T14:22:10.123" with an optional zone "Z", "+02:00", "+0200" or "+02"
 *   (no zone = UTC); a space may replace the "T" ("2026-03-05 14:22:10"). Epochs as a number or all-digit text:
 *   13 digits = milliseconds (HubSpot exports these), 10 digits = seconds. Days and times that do not exist
 *   (2026-02-30, 25:00) and ambiguous forms like "03/05/2026" → missing (`invalid_date`).
 * - techStack: a JSON array, text holding a JSON array, or text split on ";", "|" or ",". Entries are read
 *   as text (trimmed, empty and missing ones dropped); entries that are not text → dropped (`invalid_list`).
 *   An empty list is missing.
 * - Identity: id is text or a number (→ text), never truncated; without one the lead is still scored, as
 *   `line-<N>` (`missing_id`). crm is hubspot, salesforce or file in any case, default file (anything else
 *   → file, `invalid_crm`). object defaults to "lead".
 * - custom: values the canonical lead does not name are kept in `custom` (see the JSONL and CSV readers).
 */
export interface RawLead {
  identity: Partial<Record<IdentityField, RawValue>>;
  profile: Partial<Record<ProfileField, RawValue>>;
  custom: Record<string, unknown>;
}

/** A value as found, with the key or column header to name in problems. */
export interface RawValue {
  value: unknown;
  label: string;
}

const KIND_PARSERS: Record<Exclude<FieldKind, 'unknown'>, (value: unknown) => Parsed<unknown>> = {
  string: parseText,
  number: parseAmount,
  boolean: parseBoolean,
  date: parseDate,
  'string[]': parseStringList,
};

function parserFor(field: ProfileField): (value: unknown) => Parsed<unknown> {
  return field === 'email' ? parseEmail : KIND_PARSERS[PROFILE_FIELD_KINDS[field]];
}

/** The canonical lead for a raw record, with no activities yet (each format reads those its own way). */
export function normalizeLead(raw: RawLead, problems: RecordProblems): Lead {
  const ref = normalizeRef(raw.identity, problems);
  const profile: LeadProfile = {};
  for (const field of PROFILE_FIELDS) {
    const found = raw.profile[field];
    if (!found) continue;
    const value = resolve(parserFor(field)(found.value), found.label, problems);
    if (value !== undefined) Object.assign(profile, { [field]: value });
  }
  if (Object.keys(raw.custom).length > 0) profile.custom = raw.custom;
  return { ref, ...profile, activities: [] };
}

const DEFAULT_CRM: Crm = 'file';
const DEFAULT_OBJECT = 'lead';

/** Reads the id first, so that every later problem of the record carries it. */
function normalizeRef(identity: RawLead['identity'], problems: RecordProblems): LeadRef {
  const id = parseId(identity.id?.value);
  if (id.ok) problems.recordId = id.value;
  else {
    const why = id.problem?.message ?? 'no id';
    problems.report(identity.id?.label ?? 'id', 'missing_id', `${why}; scored as line-${problems.line}`);
  }
  return {
    crm: normalizeCrm(identity.crm, problems),
    object: normalizeObject(identity.object, problems),
    id: id.ok ? id.value : `line-${problems.line}`,
  };
}

function normalizeObject(found: RawValue | undefined, problems: RecordProblems): string {
  const label = found?.label ?? 'object';
  return resolve(parseText(found?.value), label, problems, `treated as ${DEFAULT_OBJECT}`) ?? DEFAULT_OBJECT;
}

function normalizeCrm(found: RawValue | undefined, problems: RecordProblems): Crm {
  const text = resolve(parseText(found?.value), found?.label ?? 'crm', problems, `treated as ${DEFAULT_CRM}`);
  if (text === undefined) return DEFAULT_CRM;
  const crm = crmSchema.safeParse(text.toLowerCase());
  if (crm.success) return crm.data;
  problems.report(
    found?.label ?? 'crm',
    'invalid_crm',
    `expected one of ${CRMS.join(', ')}, got ${describeValue(text)}; treated as ${DEFAULT_CRM}`,
  );
  return DEFAULT_CRM;
}

/** Sets a custom value; a column named "__proto__" becomes a plain key instead of replacing the prototype. */
export function setCustom(custom: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(custom, key, { value, enumerable: true, writable: true, configurable: true });
}
