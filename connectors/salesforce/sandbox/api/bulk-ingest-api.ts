import { z } from 'zod';
import { INTEGRATION_USER_ID } from '../auth/token-authority.js';
import { COLUMN_DELIMITERS, type ColumnDelimiter } from '../bulk/bulk-csv.js';
import { jobInfo } from '../bulk/ingest-job.js';
import type { ResultKind } from '../bulk/ingest-jobs.js';
import { INGEST_OPERATIONS, type IngestOperation } from '../bulk/process-rows.js';
import { ApiError } from '../http/api-error.js';
import { restError, unsupportedType } from '../http/error-bodies.js';
import { TextBody } from '../http/text-body.js';
import type { Handler } from './handler-types.js';

const createJobSchema = z.object({
  object: z.string().min(1),
  operation: z.enum(['insert', 'update', 'upsert', 'delete', 'hardDelete']),
  contentType: z.literal('CSV').optional(),
  lineEnding: z.enum(['LF', 'CRLF']).optional(),
  columnDelimiter: z
    .enum(Object.keys(COLUMN_DELIMITERS) as [ColumnDelimiter, ...ColumnDelimiter[]])
    .optional(),
  externalIdFieldName: z.string().min(1).optional(),
  assignmentRuleId: z.string().min(1).optional(),
});

const patchJobSchema = z.object({ state: z.string() });

/** The documented error category for a job that cannot be created as asked. */
const invalidJob = (message: string) => new ApiError(400, restError('INVALIDJOB', message));

/** POST /services/data/vXX.X/jobs/ingest: a new job, Open for its one upload. */
export const createIngestJob: Handler = ({ body, store, bulk, apiVersion, now }) => {
  const parsed = createJobSchema.safeParse(body ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw invalidJob(`InvalidJob : ${detail}`);
  }
  const spec = parsed.data;
  const sobject = store.schema.find(spec.object);
  if (!sobject || sobject.tooling) throw invalidJob(unsupportedType(spec.object));
  if (!(INGEST_OPERATIONS as readonly string[]).includes(spec.operation)) {
    throw invalidJob(
      `InvalidJob : the sandbox runs ${INGEST_OPERATIONS.join(' and ')} jobs, not ${spec.operation}`,
    );
  }
  const job = bulk.create(
    {
      object: sobject.name,
      operation: spec.operation as IngestOperation,
      lineEnding: spec.lineEnding ?? 'LF',
      columnDelimiter: spec.columnDelimiter ?? 'COMMA',
      ...(spec.externalIdFieldName ? { externalIdFieldName: spec.externalIdFieldName } : {}),
      ...(spec.assignmentRuleId ? { assignmentRuleId: spec.assignmentRuleId } : {}),
    },
    Number(apiVersion.slice(1)),
    INTEGRATION_USER_ID,
    now(),
  );
  return { status: 200, body: jobInfo(job, false) };
};

/** PUT /services/data/vXX.X/jobs/ingest/{jobId}/batches: the job's CSV, 201 with no body. */
export const uploadJobData: Handler = ({ params, body, headers, bulk, now }) => {
  if (!String(headers['content-type'] ?? '').includes('text/csv') || typeof body === 'object') {
    throw new ApiError(400, restError('BULK_API_ERROR', 'Job data must be sent as Content-Type: text/csv'));
  }
  bulk.upload(params.jobId ?? '', typeof body === 'string' ? body : '', now());
  return { status: 201 };
};

/** PATCH /services/data/vXX.X/jobs/ingest/{jobId}: `{"state": "UploadComplete"}` or `{"state": "Aborted"}`. */
export const patchIngestJob: Handler = ({ params, body, bulk, now }) => {
  const parsed = patchJobSchema.safeParse(body ?? {});
  const id = params.jobId ?? '';
  const state = parsed.success ? parsed.data.state : undefined;
  if (state === 'UploadComplete') return { status: 200, body: jobInfo(bulk.close(id, now()), false) };
  if (state === 'Aborted') return { status: 200, body: jobInfo(bulk.abort(id, now()), false) };
  bulk.get(id);
  throw new ApiError(
    400,
    restError('INVALIDJOBSTATE', `InvalidJobState : a client sets UploadComplete or Aborted, not ${state}`),
  );
};

/** GET /services/data/vXX.X/jobs/ingest/{jobId}: the JobInfo with counters; reading it moves a closed job on. */
export const getIngestJob: Handler = ({ params, store, bulk, now }) => ({
  status: 200,
  body: jobInfo(bulk.observe(params.jobId ?? '', store, now()), true),
});

const results =
  (kind: ResultKind): Handler =>
  ({ params, bulk }) => ({
    status: 200,
    body: new TextBody(bulk.results(params.jobId ?? '', kind), 'text/csv'),
  });

/** GET …/successfulResults/: `sf__Id`, `sf__Created`, then the uploaded columns. */
export const successfulResults = results('successfulResults');
/** GET …/failedResults/: `sf__Id`, `sf__Error`, then the uploaded columns. */
export const failedResults = results('failedResults');
/** GET …/unprocessedrecords/: the uploaded columns of rows a failed or aborted job never reached. */
export const unprocessedRecords = results('unprocessedrecords');
