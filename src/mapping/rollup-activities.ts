import { expandActivityColumns } from '../input/csv-activities.js';
import { cleanText } from '../input/parsed.js';
import type { ActivityColumns, ColumnRef } from '../input/csv-columns.js';
import type { RecordProblems } from '../input/input-problem.js';
import type { Activity } from '../model/activity.js';
import type { Lead } from '../model/lead.js';
import { propertyValue } from './crm-record.js';
import type { CrmRecord } from './crm-record.js';
import type { Rollup } from './mapping-schema.js';

/**
 * Rollup properties as activities, by the rules of CSV count columns (see csv-activities.ts): a count of N
 * becomes N activities spread evenly from `first` to `last`; without `last` the lead's updatedAt, else its
 * createdAt, stands in. The properties are laid out as a CSV row so that the very same code expands them;
 * problems name the CRM property. `lastAttributes` are set on the most recent activity of a rollup.
 */
export function rollupActivities(
  rollups: readonly Rollup[],
  record: CrmRecord,
  lead: Lead,
  problems: RecordProblems,
): Activity[] {
  const row: string[] = [];
  const column = (property: string): ColumnRef => {
    row.push(propertyValue(record, property) ?? '');
    return { index: row.length - 1, header: property };
  };
  const groups = rollups.map((rollup): ActivityColumns => {
    const group: ActivityColumns = { type: rollup.type, attributes: rollup.attributes ?? {} };
    group.count = column(rollup.count);
    if (rollup.first !== undefined) group.first = column(rollup.first);
    if (rollup.last !== undefined) group.last = column(rollup.last);
    return group;
  });
  return rollups.flatMap((rollup, i) => {
    const activities = expandActivityColumns(row, [groups[i]!], lead, problems);
    return rollup.lastAttributes ? withLastAttributes(activities, rollup.lastAttributes, record) : activities;
  });
}

/** The most recent activity gets the attributes the CRM keeps for it (the last page seen, say). */
function withLastAttributes(
  activities: Activity[],
  attributes: Record<string, string>,
  record: CrmRecord,
): Activity[] {
  if (activities.length === 0) return activities;
  let latest = 0;
  activities.forEach((a, i) => {
    if (a.at.getTime() >= activities[latest]!.at.getTime()) latest = i;
  });
  const extra: Record<string, string> = {};
  for (const [attribute, property] of Object.entries(attributes)) {
    const value = cleanText(propertyValue(record, property) ?? '');
    if (value !== undefined) extra[attribute] = value;
  }
  activities[latest] = { ...activities[latest]!, ...extra };
  return activities;
}
