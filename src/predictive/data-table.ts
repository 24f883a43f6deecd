/** Derived columns of lead files, whose feature kind is known rather than inferred from the values. */
export type ColumnRole = 'activity_count' | 'recency';

/**
 * A training file as columns of text: one entry per column, one cell per row, missing values undefined
 * (empty, "null", "none", "n/a", "-"). Column-major because every later step works a column at a time.
 */
export interface DataTable {
  /** The file as the user named it, for messages. */
  file: string;
  columns: string[];
  /** cells[column][row]. */
  cells: Array<Array<string | undefined>>;
  /** 1-based line each row starts on. */
  lines: number[];
  roles: ReadonlyMap<string, ColumnRole>;
  /** "1,5" reads as 1.5: files separated by ";" or tabs come from locales that write decimals so. */
  decimalComma: boolean;
}

export function rowCount(table: DataTable): number {
  return table.lines.length;
}

/** "Lead Source", " lead source " and "LEAD SOURCE" name the same column; an exact match wins. */
export function columnKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Index of the column a user named, or -1. */
export function findColumn(columns: readonly string[], name: string): number {
  const exact = columns.indexOf(name);
  if (exact >= 0) return exact;
  const key = columnKey(name);
  return columns.findIndex((column) => columnKey(column) === key);
}

/** The table restricted to some rows (in the order given) and without one column. */
export function selectRows(table: DataTable, rows: readonly number[], dropColumn = -1): DataTable {
  const keep = table.columns.map((_, index) => index).filter((index) => index !== dropColumn);
  return {
    ...table,
    columns: keep.map((index) => table.columns[index]!),
    cells: keep.map((index) => {
      const source = table.cells[index]!;
      return rows.map((row) => source[row]);
    }),
    lines: rows.map((row) => table.lines[row]!),
  };
}
