import {
  createIngestJob,
  failedResults,
  getIngestJob,
  patchIngestJob,
  successfulResults,
  unprocessedRecords,
  uploadJobData,
} from './bulk-ingest-api.js';
import type { ApiRoute } from './handler-types.js';

const JOBS = '/services/data/{version}/jobs/ingest';
const JOB = `${JOBS}/{jobId}`;

/** Bulk API 2.0 ingest; each request counts against the daily allocation like any other API call. */
export const BULK_INGEST_ROUTES: ApiRoute[] = [
  { method: 'POST', template: JOBS, handler: createIngestJob, api: true },
  { method: 'PUT', template: `${JOB}/batches`, handler: uploadJobData, api: true },
  { method: 'PATCH', template: JOB, handler: patchIngestJob, api: true },
  { method: 'GET', template: JOB, handler: getIngestJob, api: true },
  { method: 'GET', template: `${JOB}/successfulResults`, handler: successfulResults, api: true },
  { method: 'GET', template: `${JOB}/failedResults`, handler: failedResults, api: true },
  { method: 'GET', template: `${JOB}/unprocessedrecords`, handler: unprocessedRecords, api: true },
];
