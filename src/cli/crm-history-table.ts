import type { Lead } from '../model/lead.js';
import type { DataTable } from '../predictive/data-table.js';
import { activityTypesAsOf, leadRow, rowColumns } from '../predictive/lead-rows.js';

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
  const types = activityTypesAsOf(leads);
  const rows = leads.map(({ lead, asOf }) => leadRow(lead, asOf, types));
  const { columns, roles } = rowColumns(rows, types, true);
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
