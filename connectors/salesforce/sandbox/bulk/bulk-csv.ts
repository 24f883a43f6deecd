import { parse } from 'csv-parse/sync';

/** Bulk API 2.0's ColumnDelimiterEnum and the character each stands for. */
export const COLUMN_DELIMITERS = {
  COMMA: ',',
  TAB: '\t',
  PIPE: '|',
  SEMICOLON: ';',
  CARET: '^',
  BACKQUOTE: '`',
} as const;
export type ColumnDelimiter = keyof typeof COLUMN_DELIMITERS;
export type LineEnding = 'LF' | 'CRLF';

export interface CsvTable {
  header: string[];
  rows: string[][];
}

/** The uploaded job data; throws csv-parse's error (with its line number) on malformed CSV. */
export function parseJobData(text: string, delimiter: ColumnDelimiter, lineEnding: LineEnding): CsvTable {
  const records = parse(text, {
    delimiter: COLUMN_DELIMITERS[delimiter],
    record_delimiter: lineEnding === 'CRLF' ? '\r\n' : '\n',
    relax_column_count: false,
    skip_empty_lines: true,
    bom: true,
  }) as string[][];
  const [header = [], ...rows] = records;
  return { header, rows };
}

export interface ResultRow {
  sf: string[];
  data: string[];
}

/**
 * A result file as Salesforce writes them: the `sf__` columns and their values always quoted, the columns of
 * the uploaded data as they came (quoted only when they must be), the job's delimiter, LF line endings.
 */
export function resultCsv(
  sfColumns: string[],
  header: string[],
  rows: ResultRow[],
  delimiter: ColumnDelimiter,
): string {
  const sep = COLUMN_DELIMITERS[delimiter];
  const cell = (value: string) => (value.includes(sep) || /["\r\n]/.test(value) ? quoted(value) : value);
  const line = (sf: string[], data: string[]) => [...sf.map(quoted), ...data.map(cell)].join(sep);
  return [line(sfColumns, header), ...rows.map((r) => line(r.sf, r.data))].map((l) => `${l}\n`).join('');
}

const quoted = (value: string) => `"${value.replace(/"/g, '""')}"`;
