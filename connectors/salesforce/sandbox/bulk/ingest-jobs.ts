import { formatDateTime } from '../data/field-types.js';
import type { OrgStore } from '../data/org-store.js';
import { ApiError } from '../http/api-error.js';
import { NOT_FOUND, restError } from '../http/error-bodies.js';
import { makeId } from '../ids.js';
import { parseJobData, resultCsv, type ResultRow } from './bulk-csv.js';
import type { BulkProgress } from './bulk-options.js';
// Salesforce's job states: the client's list (the sandbox may lean on the client, never the reverse).
import { FINAL_JOB_STATES, type JobState } from '../../bulk-ingest-calls.js';
import type { IngestJob, JobSpec } from './ingest-job.js';
import { headerProblem, processRow } from './process-rows.js';

/** Key prefix of AsyncApexJob, which Bulk API job ids use. */
const JOB_KEY_PREFIX = '750';

export type ResultKind = 'successfulResults' | 'failedResults' | 'unprocessedrecords';

/** A job as tests see it: what was asked, where it stands, and how much data it got. */
export interface BulkJobSummary {
  id: string;
  object: string;
  operation: string;
  state: JobState;
  assignmentRuleId?: string;
  /** Column names of the upload (empty before it). */
  header: string[];
  /** Upload requests that carried data (the second and later ones were refused). */
  uploads: number;
  processed: number;
  failed: number;
}

const invalidState = (message: string) => new ApiError(400, restError('INVALIDJOBSTATE', message));

/**
 * The org's Bulk API 2.0 ingest jobs. A closed job is processed lazily: job info reads move it from
 * UploadComplete to InProgress, and after `pollsInProgress` such reads (and `processingMs` on the sandbox
 * clock) every row is saved at once and the job completes, or fails when its data cannot be read.
 */
export class IngestJobs {
  private readonly jobs = new Map<string, IngestJob>();
  private readonly uploadCounts = new Map<string, number>();
  private next = 1;

  constructor(private readonly progress: BulkProgress) {}

  create(spec: JobSpec, apiVersion: number, createdById: string, now: Date): IngestJob {
    const stamp = formatDateTime(now.getTime());
    const job: IngestJob = {
      ...spec,
      id: makeId(JOB_KEY_PREFIX, this.next++),
      apiVersion,
      createdById,
      createdDate: stamp,
      systemModstamp: stamp,
      state: 'Open',
      inProgressPolls: 0,
      outcomes: [],
    };
    this.jobs.set(job.id, job);
    return job;
  }

  /** The job, or 404 NOT_FOUND (ids are matched in their 15- or 18-character form). */
  get(id: string): IngestJob {
    const job = this.jobs.get(id) ?? [...this.jobs.values()].find((j) => j.id.slice(0, 15) === id);
    if (!job) throw new ApiError(404, NOT_FOUND);
    return job;
  }

  /** The one upload a job takes; a second one is refused with Salesforce's own (misspelt) words. */
  upload(id: string, data: string, now: Date): void {
    const job = this.get(id);
    if (job.data !== undefined) {
      this.uploadCounts.set(job.id, (this.uploadCounts.get(job.id) ?? 1) + 1);
      throw new ApiError(
        400,
        restError(
          'BULK_API_ERROR',
          `Found multipe contents for job: <${job.id.slice(0, 15)}>, please 'Close' / 'Abort' / 'Delete' the current Job then create a new Job and make sure you only do 'PUT' once on a given Job.`,
        ),
      );
    }
    if (job.state !== 'Open') throw invalidState(`Job ${job.id} is not Open; its state is ${job.state}`);
    job.data = data;
    this.uploadCounts.set(job.id, 1);
    this.touch(job, now);
  }

  close(id: string, now: Date): IngestJob {
    const job = this.get(id);
    if (job.state !== 'Open') {
      throw invalidState(`InvalidJobState : cannot move to UploadComplete from ${job.state}`);
    }
    job.state = 'UploadComplete';
    job.closedAt = now.getTime();
    this.touch(job, now);
    return job;
  }

  abort(id: string, now: Date): IngestJob {
    const job = this.get(id);
    if (FINAL_JOB_STATES.has(job.state)) throw invalidState('Aborting already Completed Job not allowed');
    job.state = 'Aborted';
    this.touch(job, now);
    return job;
  }

  /** A job info read: moves a closed job along before it is answered. */
  observe(id: string, store: OrgStore, now: Date): IngestJob {
    const job = this.get(id);
    if (job.state !== 'UploadComplete' && job.state !== 'InProgress') return job;
    const waited = now.getTime() - (job.closedAt ?? now.getTime());
    if (job.inProgressPolls < this.progress.pollsInProgress || waited < this.progress.processingMs) {
      job.state = 'InProgress';
      job.inProgressPolls++;
    } else {
      this.process(job, store);
    }
    this.touch(job, now);
    return job;
  }

  /** A result file; before processing the failed and successful files hold the header only. */
  results(id: string, kind: ResultKind): string {
    const job = this.get(id);
    const header = job.table?.header ?? [];
    const rows = job.table?.rows ?? [];
    const pick = (ok: boolean): ResultRow[] =>
      job.outcomes.flatMap((o, i) =>
        o.ok === ok ? [{ sf: [o.id, o.ok ? String(o.created) : o.error], data: rows[i] ?? [] }] : [],
      );
    switch (kind) {
      case 'successfulResults':
        return resultCsv(['sf__Id', 'sf__Created'], header, pick(true), job.columnDelimiter);
      case 'failedResults':
        return resultCsv(['sf__Id', 'sf__Error'], header, pick(false), job.columnDelimiter);
      case 'unprocessedrecords': {
        const rest = this.unprocessed(job);
        return resultCsv([], rest.header, rest.rows, job.columnDelimiter);
      }
    }
  }

  summaries(): BulkJobSummary[] {
    return [...this.jobs.values()].map((job) => ({
      id: job.id,
      object: job.object,
      operation: job.operation,
      state: job.state,
      ...(job.assignmentRuleId ? { assignmentRuleId: job.assignmentRuleId } : {}),
      header: job.table?.header ?? (job.data === undefined ? [] : this.peekHeader(job)),
      uploads: this.uploadCounts.get(job.id) ?? 0,
      processed: job.outcomes.length,
      failed: job.outcomes.filter((o) => !o.ok).length,
    }));
  }

  private process(job: IngestJob, store: OrgStore): void {
    let table;
    try {
      table = parseJobData(job.data ?? '', job.columnDelimiter, job.lineEnding);
    } catch (error) {
      job.state = 'Failed';
      job.errorMessage = `ClientInputError : ${error instanceof Error ? error.message : String(error)}`;
      return;
    }
    job.table = table;
    const sobject = store.schema.find(job.object);
    const problem = sobject ? headerProblem(sobject, table.header) : `InvalidJob : ${job.object}`;
    if (problem !== undefined || !sobject) {
      job.state = 'Failed';
      job.errorMessage = problem;
      return;
    }
    for (const row of table.rows) {
      job.outcomes.push(processRow(store, sobject, job.operation, table.header, row));
    }
    job.state = 'JobComplete';
  }

  /** Rows of a failed or aborted job that were never processed (the data as uploaded). */
  private unprocessed(job: IngestJob): { header: string[]; rows: ResultRow[] } {
    let table = job.table;
    if (!table && job.data !== undefined && job.state === 'Aborted') {
      try {
        table = parseJobData(job.data, job.columnDelimiter, job.lineEnding);
      } catch {
        table = undefined;
      }
    }
    const rows = (table?.rows ?? []).slice(job.outcomes.length).map((data) => ({ sf: [], data }));
    return { header: table?.header ?? [], rows };
  }

  private peekHeader(job: IngestJob): string[] {
    try {
      return parseJobData(job.data ?? '', job.columnDelimiter, job.lineEnding).header;
    } catch {
      return [];
    }
  }

  private touch(job: IngestJob, now: Date): void {
    job.systemModstamp = formatDateTime(now.getTime());
  }
}
