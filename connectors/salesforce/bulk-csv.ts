import { parse } from 'csv-parse/sync';

/**
 * The cell that sets a field to null. An empty cell leaves the field as it is ("Prepare CSV Files" in the
 * Bulk API 2.0 guide), so an empty text is sent as this, which ends where a collections write of "" ends.
 */
export const NULL_CELL = '#N/A';

/** Text, always quoted, quotes doubled: commas, quotes and line breaks (multi-line reasons) stay inside. */
export function textCell(value: string): string {
  return value === '' ? NULL_CELL : `"${value.replace(/"/g, '""')}"`;
}

/** Ids, decimals and ISO datetimes go as they are; quoted only if they ever held a delimiter. */
export function plainCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV record; the job is created with `lineEnding: 'LF'` and `columnDelimiter: 'COMMA'`. */
export const csvLine = (cells: readonly string[]): string => `${cells.join(',')}\n`;

/** A result file as records keyed by its header row (`sf__Id`, `sf__Error`, then the uploaded columns). */
export function parseCsvRecords(text: string): Record<string, string>[] {
  if (text.trim() === '') return [];
  return parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
}
