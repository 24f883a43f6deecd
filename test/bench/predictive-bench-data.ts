/**
 * Deterministic in-memory data for the predictive benchmark: leads resampled from a real file (the same
 * columns, values drawn from each column's own distribution), and a large generated training set.
 */
import type { DataTable } from '../../src/predictive/data-table.js';
import type { PredictRow } from '../../src/predictive/predict.js';
import { seededRandom } from '../../src/predictive/random.js';

/**
 * Draws rows like those of `source`: every cell from a random row of its own column, so each column keeps
 * its distribution (columns are independent). Numbers in `numeric` columns are scaled by 0.75–1.25 and
 * written anew; other cells are copied out of a buffer of the column's text, so that every cell is a string
 * of its own, as a CSV parser gives them (cells shared with the source would be one string read by many
 * rows: cheaper to compare, and not what a file read from disk looks like). One generator per source:
 * successive chunks continue the same sequence, the same seed gives the same rows.
 */
export class ResampledLeads {
  private readonly random: () => number;
  private readonly sourceRows: number;
  private readonly texts: ColumnText[];

  constructor(
    private readonly source: DataTable,
    private readonly numeric: ReadonlySet<string>,
    seed: number,
  ) {
    this.random = seededRandom(seed);
    this.sourceRows = source.lines.length;
    this.texts = source.cells.map(columnText);
  }

  /** The next `rows` leads as a table of text cells, as readTrainingData gives them (trimmed, missing undefined). */
  nextTable(rows: number): DataTable {
    const { columns } = this.source;
    const cells = columns.map(() => new Array<string | undefined>(rows));
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns.length; c++) cells[c]![r] = this.cell(c);
    }
    return {
      file: `${this.source.file} (resampled)`,
      columns: [...columns],
      cells,
      lines: Array.from({ length: rows }, (_, r) => r + 2),
      roles: new Map(),
      decimalComma: this.source.decimalComma,
    };
  }

  private cell(column: number): string | undefined {
    const row = Math.floor(this.random() * this.sourceRows);
    const value = this.source.cells[column]![row];
    if (value === undefined) return value;
    if (!this.numeric.has(this.source.columns[column]!)) return this.texts[column]!.copy(row);
    const number = Number(value);
    if (!Number.isFinite(number)) return value;
    const scaled = number * (0.75 + 0.5 * this.random());
    return Number.isInteger(number) ? String(Math.round(scaled)) : scaled.toFixed(2);
  }
}

/** A column's cells as UTF-8 in one buffer: a cell's copy is a new string, decoded as a CSV parser does. */
interface ColumnText {
  copy(row: number): string;
}

function columnText(cells: ReadonlyArray<string | undefined>): ColumnText {
  const bytes = Buffer.from(cells.map((cell) => cell ?? '').join(''), 'utf8');
  const starts = new Uint32Array(cells.length + 1);
  cells.forEach((cell, row) => {
    starts[row + 1] = starts[row]! + Buffer.byteLength(cell ?? '', 'utf8');
  });
  return { copy: (row) => bytes.toString('utf8', starts[row]!, starts[row + 1]!) };
}

/** The rows of a table as objects of column → text, what `predict` takes. */
export function tableRows(table: DataTable): PredictRow[] {
  const rows: PredictRow[] = [];
  for (let r = 0; r < table.lines.length; r++) {
    const row: Record<string, string | undefined> = {};
    table.columns.forEach((column, c) => {
      row[column] = table.cells[c]![r];
    });
    rows.push(row);
  }
  return rows;
}

const NUMERIC = 10;
/** Three categorical columns: few levels, more levels, and many levels of which some are rare. */
const CATEGORIES = [5, 12, 40] as const;
/** Share of missing values in the even-numbered numeric columns. */
const MISSING_SHARE = 0.05;

function gaussian(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * `rows` leads with 10 numeric columns (num_1 … num_10, every other one 5 % missing), 3 categorical ones
 * (cat_a: 5 levels, cat_b: 12, cat_c: 40, skewed) and a `converted` outcome drawn from a known logistic
 * model, as text cells as a CSV file would give them.
 */
export function syntheticTrainingTable(rows: number, seed: number): DataTable {
  const random = seededRandom(seed);
  const effects = Array.from({ length: NUMERIC }, (_, j) => (j % 3 === 0 ? 0.8 : j % 3 === 1 ? -0.4 : 0.1));
  const levelEffects = CATEGORIES.map((levels) =>
    Array.from({ length: levels }, () => gaussian(random) * 0.5),
  );
  const columns = [
    ...Array.from({ length: NUMERIC }, (_, j) => `num_${j + 1}`),
    ...CATEGORIES.map((_, k) => `cat_${'abc'[k]}`),
    'converted',
  ];
  const cells = columns.map(() => new Array<string | undefined>(rows));
  for (let r = 0; r < rows; r++) {
    let logit = -1;
    for (let j = 0; j < NUMERIC; j++) {
      const value = gaussian(random);
      logit += effects[j]! * value;
      const missing = j % 2 === 1 && random() < MISSING_SHARE;
      cells[j]![r] = missing ? undefined : (50 + 10 * value).toFixed(3);
    }
    CATEGORIES.forEach((levels, k) => {
      // Skewed: low levels are common, high levels rare (squared uniform).
      const level = Math.floor(random() ** 2 * levels);
      logit += levelEffects[k]![level]!;
      cells[NUMERIC + k]![r] = `level ${level + 1}`;
    });
    cells[NUMERIC + CATEGORIES.length]![r] = random() < 1 / (1 + Math.exp(-logit)) ? '1' : '0';
  }
  return {
    file: `synthetic ${rows.toLocaleString('en-US')} leads`,
    columns,
    cells,
    lines: Array.from({ length: rows }, (_, r) => r + 2),
    roles: new Map(),
    decimalComma: false,
  };
}
