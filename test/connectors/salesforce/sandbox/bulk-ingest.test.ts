import { afterEach, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import type { SalesforceSandbox, SandboxOptions } from '../../../../connectors/salesforce/sandbox/index.js';
import { API, VERSION, call, connect, fakeClock, start } from './sandbox-fixture.js';

const JOBS = `${API}/jobs/ingest`;
let sandbox: SalesforceSandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

async function open(options: SandboxOptions = {}): Promise<SalesforceSandbox> {
  sandbox = await start(options);
  return sandbox;
}

const leadId = (s: SalesforceSandbox, i: number) => String(s.store.list('Lead')[i]?.Id);

async function createJob(s: SalesforceSandbox, body: object = { object: 'Lead', operation: 'update' }) {
  const reply = await call(s, 'POST', JOBS, { body: { contentType: 'CSV', lineEnding: 'LF', ...body } });
  return { reply, id: String(reply.body?.id) };
}

async function putCsv(s: SalesforceSandbox, jobId: string, csv: string) {
  const res = await fetch(`${s.url}${JOBS}/${jobId}/batches`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${s.accessToken}`, 'Content-Type': 'text/csv' },
    body: csv,
  });
  const text = await res.text();
  return { status: res.status, text, body: text ? JSON.parse(text) : undefined };
}

/** A result file: its raw text and its rows as arrays (header first). */
async function results(s: SalesforceSandbox, jobId: string, kind: string) {
  const res = await fetch(`${s.url}${JOBS}/${jobId}/${kind}/`, {
    headers: { Authorization: `Bearer ${s.accessToken}` },
  });
  const text = await res.text();
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    limitInfo: res.headers.get('sforce-limit-info'),
    text,
    rows: parse(text, { relax_column_count: true }) as string[][],
  };
}

const setState = (s: SalesforceSandbox, jobId: string, state: string) =>
  call(s, 'PATCH', `${JOBS}/${jobId}`, { body: { state } });
const info = (s: SalesforceSandbox, jobId: string) => call(s, 'GET', `${JOBS}/${jobId}`);

/** Creates, uploads and closes a job, then reads its info until it ends. */
async function runToEnd(s: SalesforceSandbox, csv: string, body?: object) {
  const { id } = await createJob(s, body);
  expect((await putCsv(s, id, csv)).status).toBe(201);
  await setState(s, id, 'UploadComplete');
  for (let poll = 0; poll < 10; poll++) {
    const reply = await info(s, id);
    if (!['UploadComplete', 'InProgress'].includes(reply.body.state)) return { id, info: reply.body };
  }
  throw new Error(`job ${id} did not end`);
}

describe('POST /jobs/ingest', () => {
  it('creates a job, Open for its upload, answering with the documented JobInfo', async () => {
    const s = await open();
    const { reply, id } = await createJob(s);
    expect(reply.status).toBe(200);
    expect(id).toMatch(/^750[0-9A-Za-z]{15}$/);
    expect(reply.body).toEqual({
      id,
      operation: 'update',
      object: 'Lead',
      createdById: expect.stringMatching(/^005/),
      createdDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/),
      systemModstamp: expect.any(String),
      state: 'Open',
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: Number(VERSION),
      jobType: 'V2Ingest',
      contentUrl: `services/data/v${VERSION}/jobs/ingest/${id}/batches`,
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
    });
  });

  it('refuses an unknown object, an operation it does not run and a malformed body with INVALIDJOB', async () => {
    const s = await open();
    for (const body of [
      { object: 'Lead__x', operation: 'update' },
      { object: 'Lead', operation: 'upsert' },
      { object: 'Lead', operation: 'merge' },
      { operation: 'update' },
    ]) {
      const { reply } = await createJob(s, body);
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual([{ errorCode: 'INVALIDJOB', message: expect.any(String) }]);
    }
    expect(s.bulkJobs()).toEqual([]);
  });
});

describe('PUT /jobs/ingest/{jobId}/batches', () => {
  it('takes the CSV once (201, no body); a second upload is refused as Salesforce words it', async () => {
    const s = await open();
    const { id } = await createJob(s);
    const first = await putCsv(s, id, `Id,Rating\n${leadId(s, 0)},Hot\n`);
    expect(first).toEqual({ status: 201, text: '', body: undefined });

    const second = await putCsv(s, id, `Id,Rating\n${leadId(s, 1)},Hot\n`);
    expect(second.status).toBe(400);
    expect(second.body).toEqual([
      {
        errorCode: 'BULK_API_ERROR',
        message: `Found multipe contents for job: <${id.slice(0, 15)}>, please 'Close' / 'Abort' / 'Delete' the current Job then create a new Job and make sure you only do 'PUT' once on a given Job.`,
      },
    ]);
    expect(s.bulkJobs()[0]).toMatchObject({ id, state: 'Open', uploads: 2, header: ['Id', 'Rating'] });
  });

  it('answers 404 NOT_FOUND for a job that does not exist', async () => {
    const s = await open();
    const reply = await putCsv(s, '750000000000000AAA', 'Id\n');
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual([
      { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
    ]);
  });
});

describe('a job over time', () => {
  it('is UploadComplete when closed, InProgress for the configured polls, then JobComplete; rows are saved then', async () => {
    const s = await open({ bulk: { pollsInProgress: 3 } });
    const target = leadId(s, 0);
    const { id } = await createJob(s);
    await putCsv(s, id, `Id,Rating,NumberOfEmployees\n${target},Warm,4321\n`);
    const closed = await setState(s, id, 'UploadComplete');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ id, state: 'UploadComplete' });
    expect(closed.body.numberRecordsProcessed).toBeUndefined();

    for (let poll = 1; poll <= 3; poll++) {
      const reply = await info(s, id);
      expect(reply.body).toMatchObject({ state: 'InProgress', numberRecordsProcessed: 0 });
      expect(s.store.get(target)?.NumberOfEmployees).not.toBe(4321);
    }
    const done = await info(s, id);
    expect(done.body).toMatchObject({
      state: 'JobComplete',
      numberRecordsProcessed: 1,
      numberRecordsFailed: 0,
      retries: 0,
      jobType: 'V2Ingest',
    });
    expect(done.body.errorMessage).toBeUndefined();
    expect(s.store.get(target)).toMatchObject({ Rating: 'Warm', NumberOfEmployees: 4321 });
  });

  it('stays InProgress for processingMs on the sandbox clock, however often it is read', async () => {
    const clock = fakeClock();
    const s = await open({ now: clock.now, bulk: { pollsInProgress: 0, processingMs: 60_000 } });
    const { id } = await createJob(s);
    await putCsv(s, id, `Id,Rating\n${leadId(s, 0)},Hot\n`);
    await setState(s, id, 'UploadComplete');
    for (let poll = 0; poll < 5; poll++) expect((await info(s, id)).body.state).toBe('InProgress');
    clock.advance(60_000);
    expect((await info(s, id)).body.state).toBe('JobComplete');
  });

  it('refuses a second UploadComplete and any state a client may not set', async () => {
    const s = await open();
    const { id } = await createJob(s);
    await putCsv(s, id, `Id\n${leadId(s, 0)}\n`);
    expect((await setState(s, id, 'UploadComplete')).status).toBe(200);
    for (const state of ['UploadComplete', 'JobComplete', 'Open']) {
      const reply = await setState(s, id, state);
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual([{ errorCode: 'INVALIDJOBSTATE', message: expect.any(String) }]);
    }
  });
});

describe('result files', () => {
  it("reports each row in successfulResults or failedResults with Salesforce's columns", async () => {
    const s = await open();
    const [a, b] = [leadId(s, 0), leadId(s, 1)];
    const contact = String(s.store.list('Contact')[0]?.Id);
    s.store.update(b, { Title: 'Head of Data' });
    const csv = [
      'Id,Title,NumberOfEmployees,Description',
      `${a},"Chief ""Data"" Officer",120,"line one\nline two, with a comma"`,
      `${b},#N/A,,`,
      `${contact},CTO,5,`,
      'not-an-id,CTO,5,',
      `${a.slice(0, 15)},CTO,many,`,
    ].join('\n');
    const { id, info: final } = await runToEnd(s, `${csv}\n`);
    expect(final).toMatchObject({ state: 'JobComplete', numberRecordsProcessed: 5, numberRecordsFailed: 3 });

    expect(s.store.get(a)).toMatchObject({
      Title: 'Chief "Data" Officer',
      NumberOfEmployees: 120,
      Description: 'line one\nline two, with a comma',
    });
    // #N/A sets null; an empty cell leaves the field alone.
    expect(s.store.get(b)?.Title).toBeNull();

    const ok = await results(s, id, 'successfulResults');
    expect(ok.status).toBe(200);
    expect(ok.contentType).toBe('text/csv');
    expect(ok.text.split('\n')[0]).toBe('"sf__Id","sf__Created",Id,Title,NumberOfEmployees,Description');
    expect(ok.rows.slice(1)).toEqual([
      [a, 'false', a, 'Chief "Data" Officer', '120', 'line one\nline two, with a comma'],
      [b, 'false', b, '#N/A', '', ''],
    ]);

    const failed = await results(s, id, 'failedResults');
    expect(failed.rows[0]).toEqual([
      'sf__Id',
      'sf__Error',
      'Id',
      'Title',
      'NumberOfEmployees',
      'Description',
    ]);
    expect(failed.rows.slice(1)).toEqual([
      [
        contact,
        `MALFORMED_ID:Lead ID: id value of incorrect type: ${contact}:Id --`,
        contact,
        'CTO',
        '5',
        '',
      ],
      ['', 'MALFORMED_ID:malformed id not-an-id:Id --', 'not-an-id', 'CTO', '5', ''],
      [
        a,
        'INVALID_TYPE_ON_FIELD_IN_RECORD:Number Of Employees: value not of required type: "many":NumberOfEmployees --',
        a.slice(0, 15),
        'CTO',
        'many',
        '',
      ],
    ]);

    const unprocessed = await results(s, id, 'unprocessedrecords');
    expect(unprocessed.rows).toEqual([['Id', 'Title', 'NumberOfEmployees', 'Description']]);
  });

  it('fails the whole job when the CSV names a field the object does not have; no row is saved', async () => {
    const s = await open();
    const target = leadId(s, 0);
    const before = s.store.get(target);
    const { id, info: final } = await runToEnd(s, `Id,Rating,LeadScore_Score__c\n${target},Hot,42\n`);
    expect(final).toMatchObject({
      state: 'Failed',
      errorMessage: 'InvalidBatch : Field name not found : LeadScore_Score__c',
      numberRecordsProcessed: 0,
      numberRecordsFailed: 0,
    });
    expect(s.store.get(target)).toEqual(before);
    expect((await results(s, id, 'successfulResults')).rows.slice(1)).toEqual([]);
    expect((await results(s, id, 'failedResults')).rows.slice(1)).toEqual([]);
    expect((await results(s, id, 'unprocessedrecords')).rows).toEqual([
      ['Id', 'Rating', 'LeadScore_Score__c'],
      [target, 'Hot', '42'],
    ]);
  });

  it('updates Contacts and inserts Leads (sf__Created true) with the same per-row checks', async () => {
    const s = await open();
    const contact = String(s.store.list('Contact')[0]?.Id);
    const updated = await runToEnd(s, `Id,Title\n${contact},VP Sales\n`, {
      object: 'Contact',
      operation: 'update',
    });
    expect(updated.info).toMatchObject({ state: 'JobComplete', numberRecordsFailed: 0 });
    expect(s.store.get(contact)?.Title).toBe('VP Sales');

    const leads = s.store.count('Lead');
    const inserted = await runToEnd(s, 'LastName,Company\nBulk,Acme\nNoCompany,\n', {
      object: 'Lead',
      operation: 'insert',
    });
    expect(inserted.info).toMatchObject({
      state: 'JobComplete',
      numberRecordsProcessed: 2,
      numberRecordsFailed: 1,
    });
    expect(s.store.count('Lead')).toBe(leads + 1);
    const ok = await results(s, inserted.id, 'successfulResults');
    expect(ok.rows[1]).toEqual([expect.stringMatching(/^00Q/), 'true', 'Bulk', 'Acme']);
    const failed = await results(s, inserted.id, 'failedResults');
    expect(failed.rows[1]?.[1]).toMatch(/^REQUIRED_FIELD_MISSING:Required fields are missing: \[Company\]/);
  });
});

describe('abort', () => {
  it('stops an open or running job: nothing is saved and every row is unprocessed', async () => {
    const s = await open({ bulk: { pollsInProgress: 5 } });
    const target = leadId(s, 0);
    const { id } = await createJob(s);
    await putCsv(s, id, `Id,Rating\n${target},Hot\n`);
    await setState(s, id, 'UploadComplete');
    expect((await info(s, id)).body.state).toBe('InProgress');

    const aborted = await setState(s, id, 'Aborted');
    expect(aborted.body).toMatchObject({ id, state: 'Aborted' });
    expect((await info(s, id)).body).toMatchObject({ state: 'Aborted', numberRecordsProcessed: 0 });
    expect(s.store.get(target)?.Rating).not.toBe('Hot');
    expect((await results(s, id, 'unprocessedrecords')).rows).toEqual([
      ['Id', 'Rating'],
      [target, 'Hot'],
    ]);
  });

  it('refuses to abort a job that has ended', async () => {
    const s = await open();
    const { id } = await runToEnd(s, `Id\n${leadId(s, 0)}\n`);
    const reply = await setState(s, id, 'Aborted');
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual([
      { errorCode: 'INVALIDJOBSTATE', message: 'Aborting already Completed Job not allowed' },
    ]);
  });
});

describe('usage', () => {
  it('counts every ingest request as an API call and answers each with Sforce-Limit-Info', async () => {
    const s = await open();
    s.resetStats();
    const before = s.stats().apiUsage.used;
    const { id } = await runToEnd(s, `Id,Rating\n${leadId(s, 0)},Hot\n`);
    const file = await results(s, id, 'failedResults');
    expect(file.limitInfo).toMatch(/^api-usage=\d+\/\d+$/);
    const stats = s.stats();
    expect(stats.calls).toEqual({
      'POST /services/data/{version}/jobs/ingest': 1,
      'PUT /services/data/{version}/jobs/ingest/{jobId}/batches': 1,
      'PATCH /services/data/{version}/jobs/ingest/{jobId}': 1,
      'GET /services/data/{version}/jobs/ingest/{jobId}': 2,
      'GET /services/data/{version}/jobs/ingest/{jobId}/failedResults': 1,
    });
    expect(stats.apiUsage.used - before).toBe(6);
  });

  it("serves jsforce's own Bulk 2.0 client end to end", async () => {
    const s = await open();
    const conn = connect(s);
    conn.bulk2.pollInterval = 5;
    const lead = leadId(s, 0);
    const contact = String(s.store.list('Contact')[0]?.Id);
    const outcome = await conn.bulk2.loadAndWaitForResults({
      object: 'Lead',
      operation: 'update',
      input: `Id,Rating\n${lead},Hot\n${contact},Hot\n`,
    });
    expect(outcome.successfulResults).toEqual([
      expect.objectContaining({ sf__Id: lead, sf__Created: 'false', Rating: 'Hot' }),
    ]);
    expect(outcome.failedResults).toEqual([
      expect.objectContaining({ sf__Id: contact, sf__Error: expect.stringMatching(/^MALFORMED_ID:/) }),
    ]);
    expect(outcome.unprocessedRecords).toEqual([]);
    expect(s.store.get(lead)?.Rating).toBe('Hot');
  });
});
