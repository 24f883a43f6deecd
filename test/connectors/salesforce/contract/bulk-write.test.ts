/**
 * Bulk API 2.0 score writes against nock, answering with the shapes the Bulk API 2.0 guide documents
 * (developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch: Create a Job, Upload Job Data,
 * Upload Complete, Get Job Info, Get Job Successful/Failed Record Results, Abort a Job) and the error bodies
 * Salesforce sends (`[{errorCode, message}]`). No request leaves the process.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { IncomingHttpHeaders } from 'node:http';
import { fileURLToPath } from 'node:url';
import { bulkWriteScores, type BulkWriteOptions } from '../../../../connectors/salesforce/bulk-write.js';
import { SalesforceApi } from '../../../../connectors/salesforce/salesforce-api.js';
import { salesforcePolicy } from '../../../../connectors/salesforce/salesforce-policy.js';
import { writeScores } from '../../../../connectors/salesforce/salesforce-write.js';
import type { ScoreUpdate, ScoreValues } from '../../../../src/connector/crm-adapter.js';
import { ConnectorRequestError } from '../../../../src/connector/connector-errors.js';
import { RequestScheduler } from '../../../../src/http/request-scheduler.js';
import { loadMapping } from '../../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../../src/mapping/mapping-schema.js';

const INSTANCE = 'https://acme.my.salesforce.com';
const JOBS = '/services/data/v62.0/jobs/ingest';
const JOB_ID = '7505fEXAMPLE4C2AAM';
const [LEAD_A, LEAD_B, LEAD_C] = ['00Q5g00000AbCdEAAV', '00Q5g00000AbCdFAAV', '00Q5g00000AbCdGAAV'];

let mapping: Mapping;
const unmatched: string[] = [];
const onNoMatch = (req: { method?: string; path?: string }) => unmatched.push(`${req.method} ${req.path}`);
beforeAll(async () => {
  mapping = await loadMapping(
    fileURLToPath(new URL('../../../../mappings/salesforce.yaml', import.meta.url)),
  );
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  nock.emitter.on('no match', onNoMatch);
});
afterEach(() => {
  const pending = nock.pendingMocks();
  const missed = unmatched.splice(0);
  nock.cleanAll();
  expect(pending).toEqual([]);
  expect(missed).toEqual([]);
});
afterAll(() => {
  nock.emitter.removeListener('no match', onNoMatch);
  nock.enableNetConnect();
  nock.restore();
});

interface Sent {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** Every request nock answered, in order. */
let sent: Sent[] = [];
function logged(status: number, body: unknown = '', headers: Record<string, string> = {}) {
  return function (this: nock.ReplyFnContext, uri: string, requestBody: nock.Body): nock.ReplyFnResult {
    sent.push({ method: this.req.method ?? '', path: uri, headers: this.req.headers, body: requestBody });
    return [status, body as nock.ReplyBody, headers];
  };
}

/** A connection that broke before any answer. */
const dropped = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const JSON_TYPE = { 'Content-Type': 'application/json;charset=UTF-8' };
const CSV_TYPE = { 'Content-Type': 'text/csv' };

/** A JobInfo as Get Job Info documents it. */
function jobInfo(state: string, extra: Record<string, unknown> = {}) {
  return {
    id: JOB_ID,
    operation: 'update',
    object: 'Lead',
    createdById: '0055fEXAMPLEtG4AAI',
    createdDate: '2026-06-15T12:00:00.000+0000',
    systemModstamp: '2026-06-15T12:00:01.000+0000',
    state,
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: 62.0,
    jobType: 'V2Ingest',
    contentUrl: `services/data/v62.0/jobs/ingest/${JOB_ID}/batches`,
    lineEnding: 'LF',
    columnDelimiter: 'COMMA',
    ...extra,
  };
}

const SUCCESS_HEADER = '"sf__Id","sf__Created",Id,LeadScore_Score__c\n';
const FAILED_HEADER = '"sf__Id","sf__Error",Id,LeadScore_Score__c\n';

/** Create, upload (201), UploadComplete; then `polls` (JobInfo states) and, when given, the result files. */
function job(options: { polls: object[]; successful?: string; failed?: string }) {
  const scope = nock(INSTANCE)
    .post(JOBS)
    .reply(logged(200, jobInfo('Open'), JSON_TYPE))
    .put(`${JOBS}/${JOB_ID}/batches`)
    .reply(logged(201))
    .patch(`${JOBS}/${JOB_ID}`, { state: 'UploadComplete' })
    .reply(logged(200, jobInfo('UploadComplete'), JSON_TYPE));
  for (const poll of options.polls) scope.get(`${JOBS}/${JOB_ID}`).reply(logged(200, poll, JSON_TYPE));
  if (options.successful !== undefined) {
    scope.get(`${JOBS}/${JOB_ID}/successfulResults/`).reply(logged(200, options.successful, CSV_TYPE));
  }
  if (options.failed !== undefined) {
    scope.get(`${JOBS}/${JOB_ID}/failedResults/`).reply(logged(200, options.failed, CSV_TYPE));
  }
  return scope;
}

function api(): SalesforceApi {
  // random 0: the scheduler's retries of transient errors wait 0 ms.
  const scheduler = new RequestScheduler({ policy: salesforcePolicy({ concurrency: 1 }), random: () => 0 });
  return new SalesforceApi(scheduler, { instanceUrl: INSTANCE, accessToken: '00Dxx!session' });
}

/** A clock the poll loop sleeps on without waiting; `sleeps` are the intervals it asked for. */
function testClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    clock: {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
    },
  };
}

const values = (overrides: Partial<ScoreValues> = {}): ScoreValues => ({
  score: 72,
  fit: 40,
  engagement: 12.5,
  grade: 'B',
  status: 'mql',
  reasons: 'Director title\nVisited "pricing", twice',
  model: 'default@3',
  scoredAt: new Date('2026-06-15T12:00:00.000Z'),
  ...overrides,
});
const update = (id: string, overrides: Partial<ScoreValues> = {}, object = 'Lead'): ScoreUpdate => ({
  ref: { crm: 'salesforce', object, id },
  values: values(overrides),
});

function write(updates: ScoreUpdate[], options: BulkWriteOptions = {}) {
  return bulkWriteScores(api(), mapping, updates, { pollIntervalMs: 1000, ...options });
}

beforeEach(() => {
  sent = [];
});

describe('a Bulk API 2.0 score write', () => {
  it('creates an update job, uploads the CSV of the score fields once, closes it and polls until JobComplete', async () => {
    const { clock, sleeps } = testClock();
    job({
      polls: [
        jobInfo('UploadComplete'),
        jobInfo('InProgress'),
        jobInfo('InProgress'),
        jobInfo('JobComplete'),
      ],
      successful: `${SUCCESS_HEADER}"${LEAD_A}","false",${LEAD_A},72\n"${LEAD_B}","false",${LEAD_B},55\n`,
      failed: FAILED_HEADER,
    });

    const result = await write([update(LEAD_A, { predictive: 0.61 }), update(LEAD_B, { score: 55 })], {
      clock,
    });

    expect(result).toEqual({
      written: [update(LEAD_A).ref, update(LEAD_B).ref],
      failed: [],
    });
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      `POST ${JOBS}`,
      `PUT ${JOBS}/${JOB_ID}/batches`,
      `PATCH ${JOBS}/${JOB_ID}`,
      ...Array(4).fill(`GET ${JOBS}/${JOB_ID}`),
      `GET ${JOBS}/${JOB_ID}/successfulResults/`,
      `GET ${JOBS}/${JOB_ID}/failedResults/`,
    ]);
    // No assignment rule is named, and the REST-only Sforce-Auto-Assign header is not sent.
    expect(sent[0]?.body).toEqual({
      object: 'Lead',
      operation: 'update',
      contentType: 'CSV',
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
    });
    expect(sent.every((s) => s.headers['sforce-auto-assign'] === undefined)).toBe(true);

    const upload = sent[1]!;
    expect(upload.headers['content-type']).toBe('text/csv');
    expect(upload.body).toBe(
      'Id,LeadScore_Score__c,LeadScore_Fit__c,LeadScore_Engagement__c,LeadScore_Grade__c,LeadScore_MQL_Status__c,' +
        'LeadScore_Reasons__c,LeadScore_Model__c,LeadScore_Scored_At__c,LeadScore_Predictive__c\n' +
        `${LEAD_A},72,40,12.5,"B","mql","Director title\nVisited ""pricing"", twice","default@3",2026-06-15T12:00:00.000Z,0.61\n` +
        `${LEAD_B},55,40,12.5,"B","mql","Director title\nVisited ""pricing"", twice","default@3",2026-06-15T12:00:00.000Z,\n`,
    );
    // The interval doubles between polls.
    expect(sleeps).toEqual([1000, 2000, 4000, 8000]);
  });

  it('maps failed rows back to their records by sf__Id, or by the uploaded Id where sf__Id is empty', async () => {
    const { clock } = testClock();
    const fifteen = LEAD_B.slice(0, 15);
    job({
      polls: [jobInfo('JobComplete', { numberRecordsProcessed: 4, numberRecordsFailed: 2 })],
      successful: `${SUCCESS_HEADER}"${LEAD_A}","false",${LEAD_A},72\n`,
      failed:
        FAILED_HEADER +
        `"${LEAD_B}","FIELD_CUSTOM_VALIDATION_EXCEPTION:Score must be at most 100:LeadScore_Score__c --",${fifteen},72\n` +
        `"","INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--",not-an-id,72\n`,
    });

    const result = await write([update(LEAD_A), update(fifteen), update('not-an-id'), update(LEAD_C)], {
      clock,
    });

    expect(result.written).toEqual([update(LEAD_A).ref]);
    expect(result.failed).toEqual([
      {
        ref: update(fifteen).ref,
        code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        reason: 'Score must be at most 100 (LeadScore_Score__c)',
      },
      {
        ref: update('not-an-id').ref,
        code: 'INVALID_CROSS_REFERENCE_KEY',
        reason: 'invalid cross reference id',
      },
      {
        ref: update(LEAD_C).ref,
        code: 'BULK_UNPROCESSED',
        reason: `Bulk API 2.0 job ${JOB_ID} completed without a result for this record`,
      },
    ]);
  });

  it("fails every record with the job's errorMessage when the job Fails", async () => {
    const { clock } = testClock();
    const errorMessage = 'InvalidBatch : Field name not found : LeadScore_Predictive__c';
    job({
      polls: [jobInfo('InProgress'), jobInfo('Failed', { errorMessage, numberRecordsProcessed: 0 })],
      successful: SUCCESS_HEADER,
      failed: FAILED_HEADER,
    });

    const updates = [update(LEAD_A), update(LEAD_B)];
    const result = await write(updates, { clock });

    expect(result.written).toEqual([]);
    expect(result.failed).toEqual(
      updates.map((u) => ({
        ref: u.ref,
        code: 'BULK_JOB_FAILED',
        reason: `Bulk API 2.0 job ${JOB_ID} Failed: ${errorMessage}`,
      })),
    );
  });

  it('survives transient errors while polling: the scheduler retries them', async () => {
    const { clock } = testClock();
    const unavailable = [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Server Unavailable' }];
    job({ polls: [] });
    nock(INSTANCE)
      .get(`${JOBS}/${JOB_ID}`)
      .reply(logged(200, jobInfo('InProgress'), JSON_TYPE))
      .get(`${JOBS}/${JOB_ID}`)
      .reply(logged(503, unavailable, JSON_TYPE))
      .get(`${JOBS}/${JOB_ID}`)
      .replyWithError(dropped())
      .get(`${JOBS}/${JOB_ID}`)
      .reply(logged(200, jobInfo('JobComplete'), JSON_TYPE))
      .get(`${JOBS}/${JOB_ID}/successfulResults/`)
      .reply(logged(200, `${SUCCESS_HEADER}"${LEAD_A}","false",${LEAD_A},72\n`, CSV_TYPE))
      .get(`${JOBS}/${JOB_ID}/failedResults/`)
      .reply(logged(200, FAILED_HEADER, CSV_TYPE));

    const result = await write([update(LEAD_A)], { clock });
    expect(result).toEqual({ written: [update(LEAD_A).ref], failed: [] });
  });

  it('after maxWaitMs aborts the job and fails its records as retryable, naming the job', async () => {
    const { clock, sleeps } = testClock();
    job({
      polls: [jobInfo('InProgress'), jobInfo('InProgress'), jobInfo('InProgress'), jobInfo('InProgress')],
    });
    nock(INSTANCE)
      .patch(`${JOBS}/${JOB_ID}`, { state: 'Aborted' })
      .reply(logged(200, jobInfo('Aborted'), JSON_TYPE));

    const updates = [update(LEAD_A), update(LEAD_B)];
    const result = await write(updates, { clock, maxWaitMs: 10_000 });

    expect(sleeps).toEqual([1000, 2000, 4000, 3000]);
    expect(result.written).toEqual([]);
    expect(result.failed).toEqual(
      updates.map((u) => ({
        ref: u.ref,
        code: 'BULK_JOB_TIMEOUT',
        reason: `Bulk API 2.0 job ${JOB_ID} was still InProgress after 10 s; it was aborted and the record is retried on the next run`,
      })),
    );
  });

  it('takes a "multiple contents" answer to a retried upload as the data being in', async () => {
    const { clock } = testClock();
    const multiple = [
      {
        errorCode: 'BULK_API_ERROR',
        message: `Found multipe contents for job: <${JOB_ID.slice(0, 15)}>, please 'Close' / 'Abort' / 'Delete' the current Job then create a new Job and make sure you only do 'PUT' once on a given Job.`,
      },
    ];
    nock(INSTANCE)
      .post(JOBS)
      .reply(logged(200, jobInfo('Open'), JSON_TYPE))
      .put(`${JOBS}/${JOB_ID}/batches`)
      .replyWithError(dropped())
      .put(`${JOBS}/${JOB_ID}/batches`)
      .reply(logged(400, multiple, JSON_TYPE))
      .patch(`${JOBS}/${JOB_ID}`, { state: 'UploadComplete' })
      .reply(logged(200, jobInfo('UploadComplete'), JSON_TYPE))
      .get(`${JOBS}/${JOB_ID}`)
      .reply(logged(200, jobInfo('JobComplete'), JSON_TYPE))
      .get(`${JOBS}/${JOB_ID}/successfulResults/`)
      .reply(logged(200, `${SUCCESS_HEADER}"${LEAD_A}","false",${LEAD_A},72\n`, CSV_TYPE))
      .get(`${JOBS}/${JOB_ID}/failedResults/`)
      .reply(logged(200, FAILED_HEADER, CSV_TYPE));

    const result = await write([update(LEAD_A)], { clock });
    expect(result.written).toEqual([update(LEAD_A).ref]);
  });

  it('aborts the job and throws when the upload is refused', async () => {
    const refused = [{ errorCode: 'INVALIDJOBSTATE', message: 'Job is not Open' }];
    nock(INSTANCE)
      .post(JOBS)
      .reply(logged(200, jobInfo('Open'), JSON_TYPE))
      .put(`${JOBS}/${JOB_ID}/batches`)
      .reply(logged(400, refused, JSON_TYPE))
      .patch(`${JOBS}/${JOB_ID}`, { state: 'Aborted' })
      .reply(logged(200, jobInfo('Aborted'), JSON_TYPE));

    const error = await write([update(LEAD_A)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorRequestError);
    expect(error).toMatchObject({
      category: 'INVALIDJOBSTATE',
      endpoint: 'PUT /jobs/ingest/{jobId}/batches',
    });
  });

  it('runs one job per object type, and splits a set larger than maxUploadBytes into several jobs', async () => {
    const { clock } = testClock();
    const created: unknown[] = [];
    let n = 0;
    const ids = ['750000000000001AAA', '750000000000002AAA', '750000000000003AAA'];
    const scope = nock(INSTANCE);
    for (const id of ids) {
      scope
        .post(JOBS)
        .reply(function (_uri, body) {
          created.push(body);
          return [200, { ...jobInfo('Open'), id: ids[n++] }, JSON_TYPE];
        })
        .put(`${JOBS}/${id}/batches`)
        .reply(logged(201))
        .patch(`${JOBS}/${id}`)
        .reply(200, { ...jobInfo('UploadComplete'), id }, JSON_TYPE)
        .get(`${JOBS}/${id}`)
        .reply(200, { ...jobInfo('JobComplete'), id }, JSON_TYPE)
        .get(`${JOBS}/${id}/successfulResults/`)
        .reply(function () {
          const upload = sent.find((s) => s.path === `${JOBS}/${id}/batches`)?.body as string;
          const rows = upload
            .trim()
            .split('\n')
            .slice(1)
            .map((line) => line.split(',')[0]);
          return [200, SUCCESS_HEADER + rows.map((r) => `"${r}","false",${r},72\n`).join(''), CSV_TYPE];
        })
        .get(`${JOBS}/${id}/failedResults/`)
        .reply(200, FAILED_HEADER, CSV_TYPE);
    }

    const contact = '0035g00000XyZaBAAV';
    const simple = { reasons: 'short' };
    const updates = [update(LEAD_A, simple), update(contact, simple, 'Contact'), update(LEAD_B, simple)];
    // 330 bytes hold the header (193) and one row (86) but not two: each Lead gets a job, the Contact its own.
    const result = await write(updates, { clock, maxUploadBytes: 330 });

    expect(created.map((body) => (body as { object: string }).object)).toEqual(['Lead', 'Lead', 'Contact']);
    expect(result.written.map((ref) => ref.id)).toEqual([LEAD_A, LEAD_B, contact]);
  });
});

describe('writeScores routing', () => {
  it('uses sObject Collections below the bulk threshold and a Bulk API 2.0 job from it on', async () => {
    nock(INSTANCE)
      .patch('/services/data/v62.0/composite/sobjects')
      .reply(logged(200, [{ id: LEAD_A, success: true, errors: [] }], JSON_TYPE));
    const below = await writeScores(api(), mapping, [update(LEAD_A)], { threshold: 2 });
    expect(below.written).toEqual([update(LEAD_A).ref]);
    expect(sent.map((s) => s.method)).toEqual(['PATCH']);
    expect(sent[0]?.headers['sforce-auto-assign']).toBe('FALSE');

    sent = [];
    job({
      polls: [jobInfo('JobComplete')],
      successful: `${SUCCESS_HEADER}"${LEAD_A}","false",${LEAD_A},72\n"${LEAD_B}","false",${LEAD_B},72\n`,
      failed: FAILED_HEADER,
    });
    const { clock } = testClock();
    const at = await writeScores(api(), mapping, [update(LEAD_A), update(LEAD_B)], { threshold: 2, clock });
    expect(at.written).toHaveLength(2);
    expect(sent[0]).toMatchObject({ method: 'POST', path: JOBS });
  });
});
