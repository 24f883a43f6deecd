import { cleanText } from '../input/parsed.js';
import { categoricalColumn } from './feature-column.js';
import type { FeatureColumn } from './feature-column.js';
import type { DataTable } from './data-table.js';
import { findColumn } from './data-table.js';
import { allRows, designMatrix } from './design-matrix.js';
import type { Design } from './design-matrix.js';
import type { PredictiveModel } from './model-artifact.js';
import { parseNumberCell } from './parse-cell.js';
import { scoreDesign } from './score-design.js';

export { predictiveScore } from './score-design.js';

/** One lead as column → value: text as in a CSV, or numbers and booleans as in JSON. */
export type PredictRow = Readonly<Record<string, unknown>>;

/** Conversion probabilities of some rows, each looked up by the column names the model was trained on. */
export function predict(model: PredictiveModel, rows: readonly PredictRow[]): Float64Array {
  return scoreDesign(rowsDesign(model, rows), model.coefficients, model.intercept);
}

/** The design matrix of some rows under a model (see predict). */
export function rowsDesign(model: PredictiveModel, rows: readonly PredictRow[]): Design {
  const columns = modelColumns(model, (column) => rows.map((row) => row[column]), {
    decimalComma: false,
    cleaned: false,
  });
  return designMatrix(model.features, columns, allRows(rows.length));
}

/** The same for a table read from a file (columns found in any case and spacing). */
export function predictTable(model: PredictiveModel, table: DataTable): Float64Array {
  return scoreDesign(tableDesign(model, table), model.coefficients, model.intercept);
}

/** The design matrix of a table under a model: what scoreDesign turns into probabilities. */
export function tableDesign(model: PredictiveModel, table: DataTable): Design {
  const columns = modelColumns(
    model,
    (column) => {
      const index = findColumn(table.columns, column);
      return index < 0 ? undefined : table.cells[index]!;
    },
    { decimalComma: table.decimalComma, cleaned: true },
  );
  return designMatrix(model.features, columns, allRows(table.lines.length));
}

/**
 * The model's columns as typed feature columns. A value a numeric feature cannot read counts as missing:
 * scoring never stops on one bad value (training does, see column-plan.ts).
 */
function modelColumns(
  model: PredictiveModel,
  valuesOf: (column: string) => readonly unknown[] | undefined,
  { decimalComma, cleaned }: { decimalComma: boolean; cleaned: boolean },
): Map<string, FeatureColumn> {
  const numeric = (value: unknown): number => {
    if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
    if (typeof value !== 'string') return Number.NaN;
    return parseNumberCell(cleaned ? value : cleanText(value), decimalComma);
  };
  // A table's cells are trimmed, missing values already undefined (read-training-data.ts).
  const text = cleaned ? (value: unknown) => value as string | undefined : textOf;
  const columns = new Map<string, FeatureColumn>();
  for (const feature of model.features) {
    if (columns.has(feature.column)) continue;
    const values = valuesOf(feature.column);
    if (values === undefined) continue;
    const name = feature.column;
    if (feature.kind === 'level') columns.set(name, categoricalColumn(name, values.map(text)));
    else columns.set(name, { name, kind: 'numeric', values: Float64Array.from(values, numeric) });
  }
  return columns;
}

function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return cleanText(typeof value === 'string' ? value : String(value));
}
