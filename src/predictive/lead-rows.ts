import type { ActivityType } from '../model/activity.js';
import { PROFILE_FIELDS } from '../model/lead.js';
import type { Lead, ProfileField } from '../model/lead.js';
import { DAY_MS } from '../scoring/decay.js';
import type { ColumnRole, DataTable } from './data-table.js';
import type { LeadRecord } from './lead-records.js';

/** Personal fields: near-unique, and a model must not learn from someone's name. */
const PERSONAL_FIELDS: ReadonlySet<ProfileField> = new Set(['email', 'firstName', 'lastName']);
export const FEATURE_FIELDS = PROFILE_FIELDS.filter((field) => !PERSONAL_FIELDS.has(field));

export const RECENCY_COLUMN = 'days_since_last_activity';

export function activityCountColumn(type: ActivityType): string {
  return `${type}.count`;
}

/** A lead as one flat row: profile fields, custom fields, activity counts per type and recency. */
export type LeadRow = Record<string, string | undefined>;

/**
 * A lead's row as of `asOf`: activities after it have not happened yet and are not counted (as in scoring).
 * Custom fields keep their key unless it clashes with a profile field (then `custom.KEY`); counts are given
 * for `activityTypes` (0 when none), and `days_since_last_activity` is missing for a lead without activity.
 */
export function leadRow(lead: Lead, asOf: Date, activityTypes: readonly ActivityType[]): LeadRow {
  const row: LeadRow = {};
  for (const field of FEATURE_FIELDS) row[field] = cellText(lead[field]);
  for (const [key, value] of Object.entries(lead.custom ?? {})) {
    const column = (PROFILE_FIELDS as readonly string[]).includes(key) ? `custom.${key}` : key;
    row[column] = cellText(value);
  }
  const counts = new Map<ActivityType, number>();
  let last = Number.NEGATIVE_INFINITY;
  for (const activity of lead.activities) {
    const at = activity.at.getTime();
    if (at > asOf.getTime()) continue;
    counts.set(activity.type, (counts.get(activity.type) ?? 0) + 1);
    if (at > last) last = at;
  }
  for (const type of activityTypes) row[activityCountColumn(type)] = String(counts.get(type) ?? 0);
  row[RECENCY_COLUMN] = Number.isFinite(last) ? String((asOf.getTime() - last) / DAY_MS) : undefined;
  return row;
}

/** The latest activity of any lead: the moment a file of historical leads was exported, near enough. */
export function latestActivity(leads: readonly Lead[]): Date | undefined {
  let latest = Number.NEGATIVE_INFINITY;
  for (const lead of leads)
    for (const activity of lead.activities) latest = Math.max(latest, activity.at.getTime());
  return Number.isFinite(latest) ? new Date(latest) : undefined;
}

/**
 * Leads as a table (see leadRow). Recency is measured from `asOf`, by default the latest activity in the file;
 * a file without any activity has no activity columns at all.
 */
export function leadsToTable(file: string, records: readonly LeadRecord[], asOf?: Date): DataTable {
  const leads = records.map((record) => record.lead);
  const reference = asOf ?? latestActivity(leads);
  const types = reference ? activityTypesAsOf(leads.map((lead) => ({ lead, asOf: reference }))) : [];
  const rows = leads.map((lead) => leadRow(lead, reference ?? new Date(0), types));
  const { columns, roles } = rowColumns(rows, types, reference !== undefined);
  return {
    file,
    columns,
    cells: columns.map((column) => rows.map((row) => row[column])),
    lines: records.map((record) => record.line),
    roles,
    decimalComma: false,
  };
}

/** The activity types any lead had by its own moment, sorted. */
export function activityTypesAsOf(leads: readonly { lead: Lead; asOf: Date }[]): ActivityType[] {
  const types = new Set<ActivityType>();
  for (const { lead, asOf } of leads)
    for (const activity of lead.activities)
      if (activity.at.getTime() <= asOf.getTime()) types.add(activity.type);
  return [...types].sort();
}

/**
 * The columns the rows have a value in, in the order first seen, and the roles of the computed ones:
 * activity counts per type, and recency when the rows were measured as of a moment.
 */
export function rowColumns(
  rows: readonly LeadRow[],
  types: readonly ActivityType[],
  recency: boolean,
): { columns: string[]; roles: Map<string, ColumnRole> } {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows)
    for (const [column, value] of Object.entries(row)) {
      if (value === undefined || seen.has(column)) continue;
      seen.add(column);
      columns.push(column);
    }
  const roles = new Map<string, ColumnRole>(
    types.map((type) => [activityCountColumn(type), 'activity_count']),
  );
  if (recency) roles.set(RECENCY_COLUMN, 'recency');
  return { columns, roles };
}

export function cellText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.length ? value.map(String).sort().join('; ') : undefined;
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value).trim();
  return text === '' ? undefined : text;
}
