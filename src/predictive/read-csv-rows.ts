import { readFile } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse/sync';
import { detectDelimiter } from '../input/detect-delimiter.js';
import type { CsvDelimiter } from '../input/detect-delimiter.js';
import { asInputError } from '../input/lead-file.js';
import { RecordLines } from '../input/record-lines.js';
import { TrainingDataError } from './predictive-errors.js';

export interface CsvRows {
  header: string[];
  headerLine: number;
  rows: string[][];
  /** 1-based line each row starts on. */
  lines: number[];
  delimiter: CsvDelimiter;
}

/**
 * Reads a whole CSV file: a header, then rows. The separator (",", ";" or tab) is detected from the header
 * line as the lead readers do; quotes, doubled quotes, CRLF and a BOM are handled and blank rows skipped.
 * Training files are read whole because every step after this one needs all rows at once.
 */
export async function readCsvRows(file: string): Promise<CsvRows> {
  const text = await readText(file);
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new TrainingDataError(
      'DATA_EMPTY',
      `${file}: is empty; expected a header line, then one row per lead`,
    );
  }
  if (text.includes('\u0000')) {
    throw new TrainingDataError(
      'DATA_UNREADABLE',
      `${file}: is not a text file (it holds NUL bytes); expected CSV`,
    );
  }
  const delimiter = detectDelimiter(text.replace(/^\uFEFF/, ''));
  let records: Array<{ record: string[]; raw: string }>;
  try {
    const options = { delimiter, bom: true, raw: true, relax_column_count: true, relax_quotes: true };
    records = parse(text, options) as unknown as Array<{ record: string[]; raw: string }>;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const where = typeof error.lines === 'number' ? `${file}:${error.lines}` : file;
    throw new TrainingDataError('DATA_UNREADABLE', `${where}: cannot be read as CSV (${error.message})`);
  }
  const counter = new RecordLines();
  let header: string[] | undefined;
  let headerLine = 1;
  const rows: string[][] = [];
  const lines: number[] = [];
  for (const { record, raw } of records) {
    const line = counter.next(raw);
    if (record.every((cell) => cell.trim() === '')) continue;
    if (header === undefined) {
      header = uniqueHeaders(record);
      headerLine = line;
    } else {
      rows.push(record);
      lines.push(line);
    }
  }
  return { header: header ?? [], headerLine, rows, lines, delimiter };
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw asInputError(file, error);
  }
}

/** Empty and repeated headers get a name of their own, so that every column can be named in messages. */
function uniqueHeaders(record: readonly string[]): string[] {
  const seen = new Set<string>();
  return record.map((cell, index) => {
    let name = cell.trim() || `(column ${index + 1})`;
    if (seen.has(name)) name = `${name} (column ${index + 1})`;
    seen.add(name);
    return name;
  });
}
