import { readFile } from 'node:fs/promises';
import { planColumns } from '../input/csv-columns.js';
import { csvRowToLead } from '../input/csv-record.js';
import { RecordProblems } from '../input/input-problem.js';
import type { InputProblemHandler } from '../input/input-problem.js';
import { JsonlLeadReader } from '../input/jsonl-record.js';
import { asInputError } from '../input/lead-file.js';
import type { Lead } from '../model/lead.js';
import { TrainingDataError } from './predictive-errors.js';
import { readCsvRows } from './read-csv-rows.js';

export interface LeadRecord {
  lead: Lead;
  /** 1-based line the lead starts on. */
  line: number;
}

/**
 * Every lead of a lead file (leadscore's JSONL or CSV format, read by src/input's normalisers) with the
 * line it starts on, so that a bad outcome value can be named by line. Problems go to `onProblem`.
 */
export async function readLeadRecords(
  file: string,
  format: 'jsonl' | 'csv',
  onProblem: InputProblemHandler,
): Promise<LeadRecord[]> {
  return format === 'csv' ? readCsvLeadRecords(file, onProblem) : readJsonlLeadRecords(file, onProblem);
}

async function readCsvLeadRecords(file: string, onProblem: InputProblemHandler): Promise<LeadRecord[]> {
  const { header, headerLine, rows, lines } = await readCsvRows(file);
  const columns = planColumns(header, new RecordProblems(file, headerLine, onProblem));
  return rows.map((row, index) => {
    const line = lines[index]!;
    return { lead: csvRowToLead(row, columns, new RecordProblems(file, line, onProblem)), line };
  });
}

async function readJsonlLeadRecords(file: string, onProblem: InputProblemHandler): Promise<LeadRecord[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw asInputError(file, error);
  }
  const reader = new JsonlLeadReader(file, onProblem);
  const records: LeadRecord[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === '') return;
      if (records.length === 0 && line.trimStart().startsWith('[')) {
        throw new TrainingDataError(
          'DATA_UNREADABLE',
          `${file}: looks like a JSON array; leads must be JSON Lines, one lead object per line`,
        );
      }
      const lead = reader.read(line, index + 1);
      if (lead) records.push({ lead, line: index + 1 });
    });
  return records;
}
