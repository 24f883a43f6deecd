import type { ColumnRole } from './data-table.js';

export interface NumericColumn {
  name: string;
  kind: 'numeric';
  role?: ColumnRole;
  /** NaN where missing. */
  values: Float64Array;
}

/** Categories as integer codes into `levels`, so that counting and encoding never hash a string per row. */
export interface CategoricalColumn {
  name: string;
  kind: 'categorical';
  /** Distinct values in order of first appearance. */
  levels: string[];
  /** Index into `levels`, −1 where missing. */
  codes: Int32Array;
}

/** A column a model learns from, typed. */
export type FeatureColumn = NumericColumn | CategoricalColumn;

export function categoricalColumn(
  name: string,
  values: ReadonlyArray<string | undefined>,
): CategoricalColumn {
  const index = new Map<string, number>();
  const levels: string[] = [];
  const codes = new Int32Array(values.length);
  values.forEach((value, row) => {
    if (value === undefined) {
      codes[row] = -1;
      return;
    }
    let code = index.get(value);
    if (code === undefined) {
      code = levels.length;
      index.set(value, code);
      levels.push(value);
    }
    codes[row] = code;
  });
  return { name, kind: 'categorical', levels, codes };
}

/** Whether a row has a value in the column. */
export function isPresent(column: FeatureColumn, row: number): boolean {
  return column.kind === 'numeric' ? !Number.isNaN(column.values[row]!) : column.codes[row]! >= 0;
}
