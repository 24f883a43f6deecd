import type { JobState } from '../../bulk-ingest-calls.js';
import type { ColumnDelimiter, CsvTable, LineEnding } from './bulk-csv.js';
import type { IngestOperation, RowOutcome } from './process-rows.js';

/** What the client asked for when creating the job. */
export interface JobSpec {
  /** The object's API name as the schema spells it. */
  object: string;
  operation: IngestOperation;
  lineEnding: LineEnding;
  columnDelimiter: ColumnDelimiter;
  externalIdFieldName?: string;
  assignmentRuleId?: string;
}

/** A Bulk API 2.0 ingest job as the sandbox keeps it. */
export interface IngestJob extends JobSpec {
  id: string;
  /** e.g. 62 for `v62.0`. */
  apiVersion: number;
  createdById: string;
  createdDate: string;
  systemModstamp: string;
  state: JobState;
  /** The CSV of the one upload the job takes. */
  data?: string;
  /** Sandbox-clock milliseconds of UploadComplete. */
  closedAt?: number;
  /** Job info reads answered InProgress so far. */
  inProgressPolls: number;
  /** The parsed data, once processing started. */
  table?: CsvTable;
  /** One per processed row, in upload order; rows past the end were not processed. */
  outcomes: RowOutcome[];
  errorMessage?: string;
}

/**
 * The JobInfo of create, UploadComplete and abort answers; `detail` adds the counters and errorMessage of the
 * Get Job Info answer. `contentUrl` has no leading slash, as in the documented examples.
 */
export function jobInfo(job: IngestJob, detail: boolean): Record<string, unknown> {
  const info: Record<string, unknown> = {
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: job.createdById,
    createdDate: job.createdDate,
    systemModstamp: job.systemModstamp,
    state: job.state,
    ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
    ...(job.assignmentRuleId ? { assignmentRuleId: job.assignmentRuleId } : {}),
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: job.apiVersion,
    jobType: 'V2Ingest',
    contentUrl: `services/data/v${job.apiVersion.toFixed(1)}/jobs/ingest/${job.id}/batches`,
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter,
  };
  if (!detail) return info;
  return {
    ...info,
    numberRecordsProcessed: job.outcomes.length,
    numberRecordsFailed: job.outcomes.filter((o) => !o.ok).length,
    retries: 0,
    totalProcessingTime: 0,
    apiActiveProcessingTime: 0,
    apexProcessingTime: 0,
    ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
  };
}
