import { formatFromExtension } from '../input/lead-file.js';
import type { InputProblemHandler } from '../input/input-problem.js';
import { cleanText, describeValue } from '../input/parsed.js';
import { findColumn, rowCount, selectRows } from './data-table.js';
import type { DataTable } from './data-table.js';
import { readLeadRecords } from './lead-records.js';
import { latestActivity, leadsToTable } from './lead-rows.js';
import { OUTCOME_VALUES, parseOutcome } from './outcome.js';
import { TrainingDataError } from './predictive-errors.js';
import { readCsvRows } from './read-csv-rows.js';

export interface TrainingData {
  /** Every column but the outcome, for the rows that have an outcome. */
  table: DataTable;
  /** The outcome column as the file names it. */
  label: string;
  /** 1 = converted, per row of `table`. */
  outcomes: Uint8Array;
  /** Rows left out because their outcome is empty. */
  unlabelled: number;
  /** Lead files: the moment recency features were measured from. */
  asOf?: Date;
}

export interface ReadTrainingOptions {
  /** The outcome column (any case and spacing). */
  label: string;
  /** Default: from the extension (.csv/.tsv/.txt or .jsonl/.ndjson/.json). */
  format?: 'csv' | 'jsonl';
  /** Lead files: recency is measured from here (default: the latest activity in the file). */
  asOf?: Date;
  /** Lead files: problems of the lead normalisers (values not taken as written). */
  onProblem?: InputProblemHandler;
}

/**
 * Historical leads with their outcome: a CSV of any columns, or a lead file (JSONL) whose leads become
 * profile, custom, activity-count and recency columns (see lead-rows.ts). Rows without an outcome are left
 * out; an outcome that is not 1/0, yes/no or true/false is an error naming its line.
 */
export async function readTrainingData(file: string, options: ReadTrainingOptions): Promise<TrainingData> {
  const format = options.format ?? formatFromExtension(file);
  if (format === 'csv') return withOutcomes(await readCsvTable(file), options.label);
  const records = await readLeadRecords(file, 'jsonl', options.onProblem ?? (() => {}));
  const asOf = options.asOf ?? latestActivity(records.map((record) => record.lead));
  const data = withOutcomes(leadsToTable(file, records, asOf), options.label);
  return asOf ? { ...data, asOf } : data;
}

async function readCsvTable(file: string): Promise<DataTable> {
  const { header, rows, lines, delimiter } = await readCsvRows(file);
  return {
    file,
    columns: header,
    cells: header.map((_, column) => rows.map((row) => cleanText(row[column] ?? ''))),
    lines,
    roles: new Map(),
    decimalComma: delimiter !== ',',
  };
}

/** Splits the outcome column off a table; exported for tables built in memory (tests, later commands). */
export function withOutcomes(table: DataTable, label: string): TrainingData {
  const { file } = table;
  if (table.columns.length === 0 || rowCount(table) === 0) {
    const what = table.columns.length ? 'has a header but no rows' : 'has no rows';
    throw new TrainingDataError('DATA_EMPTY', `${file}: ${what}; expected one row per lead with its outcome`);
  }
  const column = findColumn(table.columns, label);
  if (column < 0) {
    const shown = table.columns.slice(0, 12).map((name) => describeValue(name));
    const more = table.columns.length > shown.length ? `, … (${table.columns.length} columns)` : '';
    throw new TrainingDataError(
      'DATA_NO_LABEL',
      `${file}: no outcome column "${label}" (--label); the columns are ${shown.join(', ')}${more}`,
    );
  }
  const name = table.columns[column]!;
  const kept: number[] = [];
  const outcomes: number[] = [];
  table.cells[column]!.forEach((cell, row) => {
    const outcome = parseOutcome(cell);
    if (outcome === 'missing') return;
    if (outcome === 'invalid') {
      throw new TrainingDataError(
        'DATA_BAD_LABEL',
        `${file}:${table.lines[row]}: column "${name}": expected an outcome (${OUTCOME_VALUES}), got ${describeValue(cell)}`,
      );
    }
    kept.push(row);
    outcomes.push(outcome);
  });
  const positives = outcomes.reduce((sum, outcome) => sum + outcome, 0);
  if (positives === 0 || positives === outcomes.length) {
    const only =
      outcomes.length === 0 ? 'no row has an outcome' : `every outcome is ${positives ? '1' : '0'}`;
    throw new TrainingDataError(
      'DATA_SINGLE_CLASS',
      `${file}: column "${name}": ${only}; a model needs leads that converted and leads that did not`,
    );
  }
  return {
    table: selectRows(table, kept, column),
    label: name,
    outcomes: Uint8Array.from(outcomes),
    unlabelled: rowCount(table) - kept.length,
  };
}
