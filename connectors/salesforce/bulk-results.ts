import { z } from 'zod';
import type { RecordFailure, ScoreUpdate, WriteResult } from '../../src/connector/crm-adapter.js';
import { ConnectorRequestError } from '../../src/connector/connector-errors.js';
import { parseCsvRecords } from './bulk-csv.js';

const successfulRowSchema = z.object({ sf__Id: z.string(), Id: z.string().optional() });
const failedRowSchema = z.object({
  sf__Id: z.string().optional(),
  sf__Error: z.string(),
  Id: z.string().optional(),
});

/** `STATUS_CODE:message:fields --`, fields empty as `:--` (the message itself may hold colons). */
const SF_ERROR = /^([A-Z][A-Z0-9_]*):([\s\S]*?)(?::([^:]*?)\s*--)?\s*$/;

export interface JobResults {
  /** Keys (see idKey) of records saved. */
  written: Set<string>;
  /** Keys of records Salesforce rejected, with its words. */
  failed: Map<string, { reason: string; code?: string }>;
}

/**
 * The successful and failed result files of a job. Rows are matched to records by `sf__Id`, or by the `Id`
 * column of the uploaded data where `sf__Id` is empty (failed rows may have none: an id that was not found).
 */
export function readJobResults(successfulCsv: string, failedCsv: string): JobResults {
  const written = new Set<string>();
  for (const row of rows(successfulCsv, successfulRowSchema, 'successfulResults')) {
    written.add(idKey(row.sf__Id || row.Id || ''));
  }
  const failed: JobResults['failed'] = new Map();
  for (const row of rows(failedCsv, failedRowSchema, 'failedResults')) {
    failed.set(idKey(row.sf__Id || row.Id || ''), parseSfError(row.sf__Error));
  }
  return { written, failed };
}

/**
 * Each update as written or failed, in the order given. A record in neither result file was not processed;
 * `missing` says why (the job failed, was aborted, or left it out) and it is retried on the next run.
 */
export function outcomesOf(
  updates: readonly ScoreUpdate[],
  results: JobResults,
  missing: (update: ScoreUpdate) => RecordFailure,
): WriteResult {
  const outcome: WriteResult = { written: [], failed: [] };
  for (const update of updates) {
    const key = idKey(update.ref.id);
    const rejected = results.failed.get(key);
    if (results.written.has(key)) outcome.written.push(update.ref);
    else if (rejected) outcome.failed.push({ ref: update.ref, ...rejected });
    else outcome.failed.push(missing(update));
  }
  return outcome;
}

/** Ids compare on their first 15 characters (results name the 18-character form); anything else as is. */
export function idKey(id: string): string {
  return /^[0-9A-Za-z]{15}([0-9A-Za-z]{3})?$/.test(id) ? id.slice(0, 15) : id;
}

export function parseSfError(text: string): { reason: string; code?: string } {
  const match = SF_ERROR.exec(text.trim());
  if (!match?.[1]) return { reason: text.trim() || 'Salesforce did not save the record' };
  const message = (match[2] ?? '').trim();
  const fields = (match[3] ?? '').trim();
  return { reason: fields ? `${message} (${fields})` : message, code: match[1] };
}

function rows<T>(csv: string, schema: z.ZodType<T>, kind: string): T[] {
  const endpoint = `GET /jobs/ingest/{jobId}/${kind}`;
  let records: Record<string, string>[];
  try {
    records = parseCsvRecords(csv);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ConnectorRequestError('salesforce', endpoint, 200, undefined, `unreadable CSV: ${detail}`);
  }
  return records.map((record, i) => {
    const parsed = schema.safeParse(record);
    if (parsed.success) return parsed.data;
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConnectorRequestError('salesforce', endpoint, 200, undefined, `row ${i + 1}: ${detail}`);
  });
}
