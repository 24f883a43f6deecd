import { z } from 'zod';
import { ConnectorRequestError } from '../../src/connector/connector-errors.js';
import type { SalesforceApi } from './salesforce-api.js';

/*
 * Bulk API 2.0 ingest as raw REST calls, each one SalesforceApi.call (so one scheduler run: retries, the
 * daily allocation and Sforce-Limit-Info are the same policy as every other request). jsforce's conn.bulk2
 * is not used: it sends through its own HttpApi (not conn.request, where jsforce's retries are switched off)
 * and polls on its own timer, outside the scheduler.
 * Wire format: developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch (Create a Job, Upload
 * Job Data, Upload Complete, Get Job Info, Get Job Successful/Failed Record Results, Abort a Job).
 */

export const JOB_STATES = [
  'Open',
  'UploadComplete',
  'InProgress',
  'JobComplete',
  'Failed',
  'Aborted',
] as const;
export type JobState = (typeof JOB_STATES)[number];
export const FINAL_JOB_STATES: ReadonlySet<JobState> = new Set(['JobComplete', 'Failed', 'Aborted']);

const jobInfoSchema = z.object({
  id: z.string().regex(/^[0-9A-Za-z]{15}([0-9A-Za-z]{3})?$/),
  state: z.enum(JOB_STATES),
  numberRecordsProcessed: z.number().optional(),
  numberRecordsFailed: z.number().optional(),
  errorMessage: z.string().optional(),
});
export type JobInfo = z.infer<typeof jobInfoSchema>;

/** What a score write asks for. `assignmentRuleId` is left out on purpose: see bulk-write.ts. */
export interface IngestJobRequest {
  object: string;
  operation: 'update';
}

const CREATE = 'POST /jobs/ingest';
const UPLOAD = 'PUT /jobs/ingest/{jobId}/batches';
const PATCH = 'PATCH /jobs/ingest/{jobId}';
const INFO = 'GET /jobs/ingest/{jobId}';

/** A new object per request: jsforce writes `content-length` (and the session) into the headers it is given. */
const jsonHeaders = () => ({ 'Content-Type': 'application/json; charset=UTF-8' });

/**
 * A new job, Open for its one upload. Retried like a read: a lost answer leaves at most an empty Open job
 * behind, which processes nothing.
 */
export async function createIngestJob(api: SalesforceApi, request: IngestJobRequest): Promise<JobInfo> {
  const body = { ...request, contentType: 'CSV', lineEnding: 'LF', columnDelimiter: 'COMMA' };
  const answer = await api.call(CREATE, (conn) =>
    conn.request<unknown>({
      method: 'POST',
      url: '/jobs/ingest',
      headers: jsonHeaders(),
      body: JSON.stringify(body),
    }),
  );
  return jobInfoOf(answer, CREATE);
}

/** The job's CSV, in the one PUT a job takes (201, no body). */
export async function uploadJobData(api: SalesforceApi, jobId: string, csv: string): Promise<void> {
  await api.call(UPLOAD, (conn) =>
    conn.request<unknown>({
      method: 'PUT',
      url: `/jobs/ingest/${jobId}/batches`,
      headers: { 'Content-Type': 'text/csv' },
      body: csv,
    }),
  );
}

/** UploadComplete (processing starts) or Aborted. */
export async function setJobState(
  api: SalesforceApi,
  jobId: string,
  state: 'UploadComplete' | 'Aborted',
): Promise<JobInfo> {
  const answer = await api.call(PATCH, (conn) =>
    conn.request<unknown>({
      method: 'PATCH',
      url: `/jobs/ingest/${jobId}`,
      headers: jsonHeaders(),
      body: JSON.stringify({ state }),
    }),
  );
  return jobInfoOf(answer, PATCH);
}

export async function getJobInfo(api: SalesforceApi, jobId: string): Promise<JobInfo> {
  const answer = await api.call(INFO, (conn) =>
    conn.request<unknown>({ method: 'GET', url: `/jobs/ingest/${jobId}` }),
  );
  return jobInfoOf(answer, INFO);
}

/** A result file as text (`responseType` keeps jsforce from parsing the CSV its own way). */
export async function getJobResults(
  api: SalesforceApi,
  jobId: string,
  kind: 'successfulResults' | 'failedResults',
): Promise<string> {
  const endpoint = `GET /jobs/ingest/{jobId}/${kind}`;
  const answer = await api.call(endpoint, (conn) =>
    conn.request<unknown>(
      { method: 'GET', url: `/jobs/ingest/${jobId}/${kind}/` },
      { responseType: 'text/plain' },
    ),
  );
  if (answer === undefined || answer === null) return '';
  if (typeof answer !== 'string') throw malformed(endpoint, `expected CSV text, got ${typeof answer}`);
  return answer;
}

function jobInfoOf(answer: unknown, endpoint: string): JobInfo {
  const parsed = jobInfoSchema.safeParse(answer);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  throw malformed(endpoint, `unexpected JobInfo (${detail})`);
}

const malformed = (endpoint: string, detail: string) =>
  new ConnectorRequestError('salesforce', endpoint, 200, undefined, detail);
