import type { RecordFailure, ScoreUpdate, WriteResult } from '../../src/connector/crm-adapter.js';
import { ConnectorRequestError } from '../../src/connector/connector-errors.js';
import { systemClock, type Clock } from '../../src/http/clock.js';
import { SCORE_VALUE_KEYS } from '../../src/mapping/mapping-schema.js';
import type { Mapping } from '../../src/mapping/mapping-schema.js';
import { scoreValuesToProperties } from '../../src/mapping/score-properties.js';
import { csvLine, plainCell, textCell } from './bulk-csv.js';
import {
  createIngestJob,
  FINAL_JOB_STATES,
  getJobInfo,
  getJobResults,
  setJobState,
  uploadJobData,
  type JobInfo,
} from './bulk-ingest-calls.js';
import { outcomesOf, readJobResults } from './bulk-results.js';
import type { SalesforceApi } from './salesforce-api.js';

/*
 * Assignment rules: sObject Collections writes send `Sforce-Auto-Assign: FALSE`, a REST API header that Bulk
 * API 2.0 does not take. The ingest job's own hook is the optional `assignmentRuleId` job property ("The ID
 * of an assignment rule to run for a Case or a Lead", Create a Job, API 49.0+); the job is created without
 * it, so it names no rule to run, and the Bulk API 2.0 guide documents no default-rule behaviour to turn off.
 * (SOAP's AssignmentRuleHeader likewise "must be specified ... for the specified assignment rule to be
 * applied".) Unlike REST, where a missing header means the active rules run, nothing here asks for them.
 */

/** Updates per write from which the adapter uses Bulk API 2.0 (the `bulkThreshold` default). */
export const DEFAULT_BULK_THRESHOLD = 10_000;
export const DEFAULT_POLL_INTERVAL_MS = 2_000;
export const DEFAULT_MAX_WAIT_MS = 15 * 60_000;
/** Upload Job Data: at most 150 MB once base64-encoded, which the docs put at about 100 MB of CSV. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
/** The poll interval doubles after each InProgress answer, up to this (or the configured interval). */
const MAX_POLL_INTERVAL_MS = 30_000;

export interface BulkWriteOptions {
  /** First wait after UploadComplete; doubles per poll up to 30 s. */
  pollIntervalMs?: number;
  /** After this the job is aborted and its records fail as retryable (BULK_JOB_TIMEOUT, naming the job). */
  maxWaitMs?: number;
  /** CSV bytes per job; a larger write is split into several jobs. */
  maxUploadBytes?: number;
  /** For tests: what the poll loop sleeps on (the scheduler keeps its own clock). */
  clock?: Clock;
}

interface Settings {
  intervalMs: number;
  maxWaitMs: number;
  clock: Clock;
}

/**
 * Writes exactly the mapped score fields through Bulk API 2.0 `update` jobs: one per object type (and per
 * 100 MB of CSV), each uploaded once, closed, polled until it ends, then read back from its successful and
 * failed results. Per-record rejections come back in `failed` with Salesforce's status code; records the job
 * never reached fail with a code that says why, so the next run retries them.
 */
export async function bulkWriteScores(
  api: SalesforceApi,
  mapping: Mapping,
  updates: readonly ScoreUpdate[],
  options: BulkWriteOptions = {},
): Promise<WriteResult> {
  const settings: Settings = {
    intervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    maxWaitMs: options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS,
    clock: options.clock ?? systemClock,
  };
  const result: WriteResult = { written: [], failed: [] };
  for (const [object, group] of byObject(updates)) {
    for (const job of uploads(mapping, group, options.maxUploadBytes ?? MAX_UPLOAD_BYTES)) {
      const part = await runJob(api, object, job, settings);
      result.written.push(...part.written);
      result.failed.push(...part.failed);
    }
  }
  return result;
}

interface Upload {
  updates: ScoreUpdate[];
  csv: string;
}

async function runJob(api: SalesforceApi, object: string, upload: Upload, settings: Settings) {
  const job = await createIngestJob(api, { object, operation: 'update' });
  try {
    await sendData(api, job.id, upload.csv);
    await close(api, job.id);
  } catch (error) {
    await abortQuietly(api, job.id);
    throw error;
  }
  const final = await waitForJob(api, job.id, settings);
  if (!FINAL_JOB_STATES.has(final.state)) {
    await abortQuietly(api, job.id);
    const seconds = Math.round(settings.maxWaitMs / 1000);
    const reason = `Bulk API 2.0 job ${job.id} was still ${final.state} after ${seconds} s; it was aborted and the record is retried on the next run`;
    return {
      written: [],
      failed: upload.updates.map((u) => ({ ref: u.ref, reason, code: 'BULK_JOB_TIMEOUT' })),
    };
  }
  const results = readJobResults(
    await getJobResults(api, job.id, 'successfulResults'),
    await getJobResults(api, job.id, 'failedResults'),
  );
  return outcomesOf(upload.updates, results, (update) => notProcessed(update, job.id, final));
}

/**
 * A lost answer to the upload is retried by the scheduler; if the first attempt did land, Salesforce refuses
 * the second as "multiple contents", which here means the data is in.
 */
async function sendData(api: SalesforceApi, jobId: string, csv: string): Promise<void> {
  try {
    await uploadJobData(api, jobId, csv);
  } catch (error) {
    const landed =
      error instanceof ConnectorRequestError &&
      error.category === 'BULK_API_ERROR' &&
      /multipl?e contents/i.test(error.message);
    if (!landed) throw error;
  }
}

/** Likewise a retried UploadComplete that finds the job already closed is what was asked for. */
async function close(api: SalesforceApi, jobId: string): Promise<void> {
  try {
    await setJobState(api, jobId, 'UploadComplete');
  } catch (error) {
    if (!(error instanceof ConnectorRequestError) || error.category !== 'INVALIDJOBSTATE') throw error;
    const info = await getJobInfo(api, jobId);
    if (info.state === 'Open' || info.state === 'Aborted') throw error;
  }
}

/** Polls with a doubling interval; each poll is a scheduler run, so transient errors are retried there. */
async function waitForJob(api: SalesforceApi, jobId: string, settings: Settings): Promise<JobInfo> {
  const { clock, maxWaitMs } = settings;
  const started = clock.now();
  let delay = settings.intervalMs;
  for (;;) {
    await clock.sleep(Math.min(delay, Math.max(0, started + maxWaitMs - clock.now())));
    const info = await getJobInfo(api, jobId);
    if (FINAL_JOB_STATES.has(info.state) || clock.now() - started >= maxWaitMs) return info;
    delay = Math.min(delay * 2, Math.max(settings.intervalMs, MAX_POLL_INTERVAL_MS));
  }
}

async function abortQuietly(api: SalesforceApi, jobId: string): Promise<void> {
  try {
    await setJobState(api, jobId, 'Aborted');
  } catch {
    // Best effort: the error that got us here is the one worth reporting.
  }
}

function notProcessed(update: ScoreUpdate, jobId: string, info: JobInfo): RecordFailure {
  if (info.state === 'JobComplete') {
    return {
      ref: update.ref,
      reason: `Bulk API 2.0 job ${jobId} completed without a result for this record`,
      code: 'BULK_UNPROCESSED',
    };
  }
  const why = info.errorMessage ?? (info.state === 'Aborted' ? 'the job was aborted' : 'the job failed');
  return {
    ref: update.ref,
    reason: `Bulk API 2.0 job ${jobId} ${info.state}: ${why}`,
    code: info.state === 'Aborted' ? 'BULK_JOB_ABORTED' : 'BULK_JOB_FAILED',
  };
}

function byObject(updates: readonly ScoreUpdate[]): Map<string, ScoreUpdate[]> {
  const groups = new Map<string, ScoreUpdate[]>();
  for (const update of updates) {
    const group = groups.get(update.ref.object) ?? [];
    group.push(update);
    groups.set(update.ref.object, group);
  }
  return groups;
}

/** The CSV of the updates, split so that no upload passes `maxBytes`. */
function* uploads(mapping: Mapping, updates: readonly ScoreUpdate[], maxBytes: number): Generator<Upload> {
  const columns = scoreColumns(mapping);
  const header = csvLine(['Id', ...columns.map((c) => c.name)]);
  let current: Upload = { updates: [], csv: header };
  let bytes = Buffer.byteLength(header);
  for (const update of updates) {
    const line = scoreLine(mapping, columns, update);
    const size = Buffer.byteLength(line);
    if (current.updates.length > 0 && bytes + size > maxBytes) {
      yield current;
      current = { updates: [], csv: header };
      bytes = Buffer.byteLength(header);
    }
    current.updates.push(update);
    current.csv += line;
    bytes += size;
  }
  if (current.updates.length > 0) yield current;
}

interface Column {
  name: string;
  text: boolean;
}

const TEXT_KEYS: ReadonlySet<string> = new Set(['grade', 'status', 'reasons', 'model']);

/** The mapping's score fields in its order: numbers and the datetime as they are, the rest as quoted text. */
function scoreColumns(mapping: Mapping): Column[] {
  return SCORE_VALUE_KEYS.flatMap((key) => {
    const name = mapping.scoreProperties[key];
    return name === undefined ? [] : [{ name, text: TEXT_KEYS.has(key) }];
  });
}

/** One record's row; a value the update does not carry (predictive) is an empty cell: left as it is. */
function scoreLine(mapping: Mapping, columns: readonly Column[], update: ScoreUpdate): string {
  const values = scoreValuesToProperties(mapping, update.values);
  const cells = columns.map(({ name, text }) => {
    const value = values[name];
    if (value === undefined) return '';
    return text ? textCell(value) : plainCell(value);
  });
  return csvLine([plainCell(update.ref.id), ...cells]);
}
