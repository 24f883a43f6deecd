import { expandActivityColumns } from '../input/csv-activities.js';
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
 * problems name the CRM property.
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
  return expandActivityColumns(row, groups, lead, problems);
}
