import { describeValue } from '../input/parsed.js';
import { findColumn, rowCount } from './data-table.js';
import type { DataTable } from './data-table.js';
import { categoricalColumn } from './feature-column.js';
import type { FeatureColumn } from './feature-column.js';
import { excludedColumns } from './exclude-columns.js';
import { parseDateCell, parseNumberCell } from './parse-cell.js';
import { TrainingDataError } from './predictive-errors.js';

export interface DateColumn {
  name: string;
  /** Milliseconds; NaN where missing. */
  values: Float64Array;
}

export interface SkippedColumn {
  column: string;
  reason: 'excluded' | 'identifier' | 'constant' | 'empty' | 'date';
  note: string;
}

export interface PlanOptions {
  /** Column names or `*` patterns to leave out (see exclude-columns.ts). */
  exclude?: readonly string[];
  /** A column to read as dates whatever it looks like (epochs look like numbers). */
  timeColumn?: string;
}

export interface ColumnPlan {
  features: FeatureColumn[];
  dates: DateColumn[];
  /** The --time-column, when one was named. */
  time?: DateColumn;
  skipped: SkippedColumn[];
}

/** "Nearly all": a column is numeric (or dates) when at least this share of its values parse. */
export const PARSE_SHARE = 0.95;

/**
 * What each column is, from its values (never from the outcome, so this may look at every row):
 * numeric when nearly all values are numbers (then the others are an error naming their line), dates
 * likewise (kept for the time-based holdout, not as features), else categorical. Left out, with a note:
 * `--exclude` columns, the `--time-column`, identifiers (every value present and distinct, e.g.
 * `Prospect ID`), constants and empty columns.
 */
export function planColumns(table: DataTable, options: PlanOptions = {}): ColumnPlan {
  const excluded = excludedColumns(table.file, table.columns, options.exclude ?? []);
  const timeColumn = options.timeColumn === undefined ? -1 : timeColumnIndex(table, options.timeColumn);
  const plan: ColumnPlan = { features: [], dates: [], skipped: [] };
  table.columns.forEach((name, index) => {
    const cells = table.cells[index]!;
    const skip = (reason: SkippedColumn['reason'], note: string) =>
      plan.skipped.push({ column: name, reason, note });
    if (excluded.has(name)) return skip('excluded', 'left out with --exclude');
    if (index === timeColumn) {
      plan.time = { name, values: Float64Array.from(cells, parseDateCell) };
      plan.dates.push(plan.time);
      return skip('date', 'the --time-column, used for the time-based holdout');
    }
    const present = cells.filter((cell) => cell !== undefined) as string[];
    if (present.length === 0) return skip('empty', 'no values');
    const distinct = new Set(present).size;
    if (distinct === 1 && present.length === cells.length)
      return skip('constant', 'the same value in every row');
    const role = table.roles.get(name);
    const numbers = Float64Array.from(cells, (cell) => parseNumberCell(cell, table.decimalComma));
    const numeric = numbers.reduce((count, value) => (Number.isNaN(value) ? count : count + 1), 0);
    const identifier = distinct === rowCount(table) && rowCount(table) > 2;
    if (role !== undefined || numeric >= PARSE_SHARE * present.length) {
      if (numeric < present.length) throw notNumeric(table, index, numbers, present.length - numeric);
      if (identifier && numbers.every(Number.isInteger)) return skip('identifier', 'every value distinct');
      plan.features.push(
        role ? { name, kind: 'numeric', role, values: numbers } : { name, kind: 'numeric', values: numbers },
      );
      return;
    }
    const dates = readsAsDates(cells, present);
    if (dates) {
      plan.dates.push({ name, values: dates });
      return skip('date', 'used for the time-based holdout, not as a feature');
    }
    if (identifier) return skip('identifier', 'every value distinct');
    plan.features.push(categoricalColumn(name, cells));
  });
  if (plan.features.length === 0) {
    throw new TrainingDataError(
      'DATA_NO_FEATURES',
      `${table.file}: no column is left to learn from (${plan.skipped.map((s) => `${s.column}: ${s.note}`).join('; ')})`,
    );
  }
  return plan;
}

/** The times of a column whose values are (nearly all) dates; undefined for any other column. */
function readsAsDates(
  cells: ReadonlyArray<string | undefined>,
  present: readonly string[],
): Float64Array | undefined {
  // Most columns are not dates: one value that is not settles it without parsing the rest.
  if (Number.isNaN(parseDateCell(present[0]))) return undefined;
  const dates = Float64Array.from(cells, parseDateCell);
  const parsed = dates.reduce((count, value) => (Number.isNaN(value) ? count : count + 1), 0);
  return parsed >= PARSE_SHARE * present.length ? dates : undefined;
}

function timeColumnIndex(table: DataTable, name: string): number {
  const index = findColumn(table.columns, name);
  if (index < 0) {
    throw new TrainingDataError(
      'DATA_UNKNOWN_COLUMN',
      `${table.file}: --time-column "${name}" names no column`,
    );
  }
  const present = table.cells[index]!.filter((cell) => cell !== undefined);
  const bad = present.filter((cell) => Number.isNaN(parseDateCell(cell)));
  if (present.length === 0 || present.length - bad.length < PARSE_SHARE * present.length) {
    const example = bad.length ? `values like ${describeValue(bad[0])}` : 'no values';
    throw new TrainingDataError(
      'DATA_UNKNOWN_COLUMN',
      `${table.file}: --time-column "${table.columns[index]}" does not hold dates (${example}); expected ISO-8601 dates or epochs`,
    );
  }
  return index;
}

function notNumeric(table: DataTable, column: number, numbers: Float64Array, bad: number): TrainingDataError {
  const cells = table.cells[column]!;
  const row = cells.findIndex((cell, index) => cell !== undefined && Number.isNaN(numbers[index]!));
  const name = table.columns[column]!;
  const others = bad > 1 ? ` (and ${bad - 1} more value${bad > 2 ? 's' : ''})` : '';
  return new TrainingDataError(
    'DATA_NOT_NUMERIC',
    `${table.file}:${table.lines[row]}: column "${name}": expected a number like the column's other values, ` +
      `got ${describeValue(cells[row])}${others}; fix the value or leave the column out with --exclude "${name}"`,
  );
}
