import type { DataTable } from './data-table.js';
import { findColumn } from './data-table.js';
import type { Design } from './design-matrix.js';
import type { PredictiveModel } from './model-artifact.js';
import { slotDesign, slotValues } from './model-slots.js';
import type { CellSource, SlotValues } from './model-slots.js';
import { scoreValues } from './score-slots.js';

export { predictiveScore } from './score-design.js';

/** One lead as column → value: text as in a CSV, or numbers and booleans as in JSON. */
export type PredictRow = Readonly<Record<string, unknown>>;

/** Conversion probabilities of some rows, each looked up by the column names the model was trained on. */
export function predict(model: PredictiveModel, rows: readonly PredictRow[]): Float64Array {
  return score(model, slotValues(model, rowsSource(rows)));
}

/** The design matrix of some rows under a model (see predict). */
export function rowsDesign(model: PredictiveModel, rows: readonly PredictRow[]): Design {
  return slotDesign(slotValues(model, rowsSource(rows)));
}

/** The same for a table read from a file (columns found in any case and spacing). */
export function predictTable(model: PredictiveModel, table: DataTable): Float64Array {
  return score(model, tableValues(model, table));
}

/** The design matrix of a table under a model: what scoreDesign turns into probabilities. */
export function tableDesign(model: PredictiveModel, table: DataTable): Design {
  return slotDesign(tableValues(model, table));
}

/** The model's columns of a table, encoded (categories as feature indexes, numbers read): what predictTable scores. */
export function tableValues(model: PredictiveModel, table: DataTable): SlotValues {
  return slotValues(model, tableSource(table));
}

function score(model: PredictiveModel, values: SlotValues): Float64Array {
  return scoreValues(values, model.coefficients, model.intercept);
}

/** Values of rows as given: text is cleaned (trimmed, "n/a" and the like missing), numbers kept when finite. */
function rowsSource(rows: readonly PredictRow[]): CellSource {
  return { kind: 'rows', rows };
}

/**
 * A table's cells are trimmed, missing values already undefined (read-training-data.ts). A value a numeric
 * feature cannot read counts as missing: scoring never stops on one bad value (training does, see
 * column-plan.ts).
 */
function tableSource(table: DataTable): CellSource {
  return {
    kind: 'table',
    rows: table.lines.length,
    cellsOf: (column) => {
      const index = findColumn(table.columns, column);
      return index < 0 ? undefined : table.cells[index]!;
    },
    decimalComma: table.decimalComma,
  };
}
