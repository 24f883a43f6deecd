import type { ActivityType } from '../model/activity.js';
import type { Lead } from '../model/lead.js';
import type { ColumnRole, DataTable } from '../predictive/data-table.js';
import { RECENCY_COLUMN, activityCountColumn, leadRow } from '../predictive/lead-rows.js';

/** A lead of a CRM's history, its outcome (undefined: not known yet) and the moment it is measured at. */
export interface LabelledLead {
  lead: Lead;
  converted?: boolean;
  asOf: Date;
}

/**
 * CRM history as a training table: each lead's row as of its own moment (see leadRow: activities after it
 * do not count, recency is measured from it), then the outcome column (1, 0, or empty when not known).
 * A lead that converted is measured as of its conversion: what sales did once it was theirs (meetings of
 * the deal) would otherwise look like what made it convert.
 */
export function crmHistoryTable(
  file: string,
  leads: readonly LabelledLead[],
  outcomeColumn: string,
): DataTable {
  const types = activityTypes(leads);
  const rows = leads.map(({ lead, asOf }) => leadRow(lead, asOf, types));
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
  roles.set(RECENCY_COLUMN, 'recency');
  const outcomes = leads.map(({ converted }) =>
    converted === undefined ? undefined : converted ? '1' : '0',
  );
  return {
    file,
    columns: [...columns, outcomeColumn],
    cells: [...columns.map((column) => rows.map((row) => row[column])), outcomes],
    lines: leads.map((_, index) => index + 1),
    roles,
    decimalComma: false,
  };
}

/** The activity types any lead had by its own moment, sorted. */
function activityTypes(leads: readonly LabelledLead[]): ActivityType[] {
  const types = new Set<ActivityType>();
  for (const { lead, asOf } of leads)
    for (const activity of lead.activities)
      if (activity.at.getTime() <= asOf.getTime()) types.add(activity.type);
  return [...types].sort();
}
