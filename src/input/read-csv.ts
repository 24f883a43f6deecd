import type { FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import type { CsvError } from 'csv-parse';
import type { Lead } from '../model/lead.js';
import { planColumns } from './csv-columns.js';
import type { CsvColumns } from './csv-columns.js';
import { csvRowToLead } from './csv-record.js';
import { detectDelimiter } from './detect-delimiter.js';
import { RecordProblems } from './input-problem.js';
import type { InputProblemHandler } from './input-problem.js';
import { RecordLines } from './record-lines.js';

/** Enough of the file to hold its header line, for delimiter detection. */
const HEAD_BYTES = 64 * 1024;

interface SkippedRecord {
  /** How many records csv-parse had emitted when it skipped this one. */
  after: number;
  raw: string;
  error: CsvError | undefined;
}

/**
 * Streams the leads of a CSV export: a header row, then one row per lead. The delimiter (",", ";" or tab)
 * is detected from the header line. Quoted values, doubled quotes, CRLF and a BOM are handled; blank rows
 * are ignored; a row csv-parse cannot read at all is reported (`invalid_row`) and skipped.
 */
export async function* readCsvLeads(
  file: string,
  handle: FileHandle,
  onProblem: InputProblemHandler,
): AsyncGenerator<Lead> {
  const delimiter = detectDelimiter(await readHead(handle));
  const skipped: SkippedRecord[] = [];
  const parser = parse({
    delimiter,
    bom: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    on_skip: (error, raw) => {
      skipped.push({ after: parser.info.records, raw: raw ?? '', error });
    },
  });
  const source = handle.createReadStream({ start: 0, autoClose: false });
  // Errors reach the loop below through the parser, which pipeline destroys with them.
  pipeline(source, parser, () => {});

  const lines = new RecordLines();
  let emitted = 0;
  let columns: CsvColumns | undefined;
  // on_skip runs while parsing, possibly ahead of the records still queued for this loop.
  const reportSkipped = (upTo: number): void => {
    while (skipped.length > 0 && skipped[0]!.after <= upTo) {
      const { raw, error } = skipped.shift()!;
      const problems = new RecordProblems(file, lines.next(raw), onProblem);
      problems.report('', 'invalid_row', skippedMessage(error));
    }
  };
  try {
    for await (const output of parser) {
      reportSkipped(emitted);
      const { record, raw } = output as { record: string[]; raw: string };
      emitted++;
      const line = lines.next(raw);
      if (record.every((cell) => cell.trim() === '')) continue;
      const problems = new RecordProblems(file, line, onProblem);
      if (columns) yield csvRowToLead(record, columns, problems);
      else columns = planColumns(record, problems);
    }
    reportSkipped(Infinity);
  } finally {
    parser.destroy();
    source.destroy();
  }
}

async function readHead(handle: FileHandle): Promise<string> {
  const buffer = Buffer.alloc(HEAD_BYTES);
  const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
  return buffer.subarray(0, bytesRead).toString('utf8');
}

function skippedMessage(error: CsvError | undefined): string {
  if (error?.code === 'CSV_QUOTE_NOT_CLOSED') {
    return 'a quoted value that starts here is never closed, so the rest of the file cannot be read';
  }
  return `cannot be read as CSV (${error?.message ?? 'unknown error'}); row skipped`;
}
