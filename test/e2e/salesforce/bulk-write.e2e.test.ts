import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { SalesforceAdapter } from '../../../connectors/salesforce/salesforce-adapter.js';
import { startSalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { ScoreUpdate, ScoreValues } from '../../../src/connector/crm-adapter.js';
import { loadMapping } from '../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../src/mapping/mapping-schema.js';
import { addLeadScoreFields } from './sandbox-lead-fields.js';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const THRESHOLD = 100;
const INGEST = '/services/data/{version}/jobs/ingest';
const COLLECTIONS = 'PATCH /services/data/{version}/composite/sobjects';

let mapping: Mapping;
const sandboxes: SalesforceSandbox[] = [];

/** A sandbox whose ingest jobs answer InProgress twice before they complete. */
async function sandboxWith(scoreFields: boolean): Promise<SalesforceSandbox> {
  const sandbox = await startSalesforceSandbox({ leads: 400, contacts: 10, bulk: { pollsInProgress: 2 } });
  if (scoreFields) addLeadScoreFields(sandbox);
  sandboxes.push(sandbox);
  return sandbox;
}

/** The adapter as configured for a large org, with the threshold lowered so a page of 100+ goes through Bulk. */
const adapter = (sandbox: SalesforceSandbox) =>
  new SalesforceAdapter({
    credentials: { instanceUrl: sandbox.instanceUrl, accessToken: sandbox.accessToken },
    mapping,
    activities: false,
    bulkThreshold: THRESHOLD,
    bulkPolling: { intervalMs: 5, maxWaitMs: 30_000 },
    onProblem: () => {},
  });

const unconverted = (sandbox: SalesforceSandbox) =>
  sandbox.store.list('Lead').filter((lead) => lead.IsConverted !== true);

const values = (i: number): ScoreValues => ({
  score: 50 + (i % 40),
  fit: 30.5,
  engagement: i % 7,
  grade: 'B',
  status: i % 2 === 0 ? 'mql' : 'nurture',
  reasons: `Director title\nVisited "pricing", ${i} times`,
  model: 'default@2',
  scoredAt: new Date('2026-06-15T12:00:00.000Z'),
});

const leadUpdate = (id: string, i: number): ScoreUpdate => ({
  ref: { crm: 'salesforce', object: 'Lead', id },
  values: values(i),
});

beforeAll(async () => {
  mapping = await loadMapping(root('mappings/salesforce.yaml'));
});
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.stop()));
});

describe('score writes through Bulk API 2.0 against the sandbox', () => {
  it('writes a page at the threshold as one update job, polled to the end, and the Lead fields end up written', async () => {
    const sandbox = await sandboxWith(true);
    const targets = unconverted(sandbox).slice(0, 150);
    const updates = targets.map((lead, i) => leadUpdate(String(lead.Id), i));
    const a = adapter(sandbox);

    const result = await a.write(updates);

    expect(result.failed).toEqual([]);
    expect(result.written.map((ref) => ref.id)).toEqual(updates.map((u) => u.ref.id));
    const [job, ...others] = sandbox.bulkJobs();
    expect(others).toEqual([]);
    expect(job).toMatchObject({ object: 'Lead', operation: 'update', state: 'JobComplete', uploads: 1 });
    expect(job?.assignmentRuleId).toBeUndefined();
    expect(job?.processed).toBe(150);
    expect(job?.header).toEqual(['Id', ...Object.values(mapping.scoreProperties)]);

    const stored = sandbox.store.get(String(targets[7]?.Id));
    expect(stored).toMatchObject({
      LeadScore_Score__c: 57,
      LeadScore_Fit__c: 30.5,
      LeadScore_Engagement__c: 0,
      LeadScore_Grade__c: 'B',
      LeadScore_MQL_Status__c: 'nurture',
      LeadScore_Reasons__c: 'Director title\nVisited "pricing", 7 times',
      LeadScore_Model__c: 'default@2',
    });
    expect(Date.parse(String(stored?.LeadScore_Scored_At__c).replace(/\+0000$/, 'Z'))).toBe(
      Date.parse('2026-06-15T12:00:00.000Z'),
    );
    // Predictive was not in the values: its column was empty, which leaves the field as it was.
    expect(stored?.LeadScore_Predictive__c ?? null).toBeNull();
    expect(stored?.Email).toBe(targets[7]?.Email);

    // Every request was one scheduler run, and one API call to the org: no collection call was made.
    expect(a.usage().byEndpoint).toEqual({
      'POST /jobs/ingest': 1,
      'PUT /jobs/ingest/{jobId}/batches': 1,
      'PATCH /jobs/ingest/{jobId}': 1,
      'GET /jobs/ingest/{jobId}': 3,
      'GET /jobs/ingest/{jobId}/successfulResults': 1,
      'GET /jobs/ingest/{jobId}/failedResults': 1,
    });
    const calls = sandbox.stats().calls;
    expect(calls[`POST ${INGEST}`]).toBe(1);
    expect(calls[`GET ${INGEST}/{jobId}`]).toBe(3);
    expect(calls[COLLECTIONS]).toBeUndefined();

    // What was written reads back as the leads' current scores.
    const pages = [];
    for await (const page of a.read({ kind: 'ids', ids: [String(targets[7]?.Id)] })) pages.push(page);
    expect(pages[0]?.leads[0]?.current).toMatchObject({ score: 57, grade: 'B', status: 'nurture' });
  });

  it('reports the rows Salesforce rejects per record, with its status code, and writes the rest', async () => {
    const sandbox = await sandboxWith(true);
    const good = unconverted(sandbox).slice(0, THRESHOLD);
    const contact = String(sandbox.store.list('Contact')[0]?.Id);
    const updates = [
      ...good.map((lead, i) => leadUpdate(String(lead.Id), i)),
      leadUpdate('not-a-salesforce-id', 1),
      leadUpdate(contact, 2),
    ];

    const result = await adapter(sandbox).write(updates);

    expect(result.written).toHaveLength(THRESHOLD);
    expect(result.failed).toEqual([
      {
        ref: updates[THRESHOLD]?.ref,
        code: 'MALFORMED_ID',
        reason: 'malformed id not-a-salesforce-id (Id)',
      },
      {
        ref: updates[THRESHOLD + 1]?.ref,
        code: 'MALFORMED_ID',
        reason: `Lead ID: id value of incorrect type: ${contact} (Id)`,
      },
    ]);
    expect(sandbox.bulkJobs()[0]).toMatchObject({
      state: 'JobComplete',
      processed: THRESHOLD + 2,
      failed: 2,
    });
    expect(sandbox.store.get(String(good[0]?.Id))?.LeadScore_Score__c).toBe(50);
  });

  it("fails every record with the job's errorMessage when the org lacks a score field, and writes nothing", async () => {
    const sandbox = await sandboxWith(false);
    const targets = unconverted(sandbox).slice(0, THRESHOLD);
    const updates = targets.map((lead, i) => leadUpdate(String(lead.Id), i));

    const result = await adapter(sandbox).write(updates);

    expect(result.written).toEqual([]);
    expect(result.failed).toHaveLength(THRESHOLD);
    const jobId = sandbox.bulkJobs()[0]?.id;
    expect(new Set(result.failed.map((f) => `${f.code}: ${f.reason}`))).toEqual(
      new Set([
        `BULK_JOB_FAILED: Bulk API 2.0 job ${jobId} Failed: InvalidBatch : Field name not found : LeadScore_Score__c`,
      ]),
    );
    expect(sandbox.store.get(String(targets[0]?.Id))?.LeadScore_Score__c).toBeUndefined();
  });

  it('keeps writing through sObject Collections below the threshold', async () => {
    const sandbox = await sandboxWith(true);
    const updates = unconverted(sandbox)
      .slice(0, THRESHOLD - 1)
      .map((lead, i) => leadUpdate(String(lead.Id), i));

    const result = await adapter(sandbox).write(updates);

    expect(result.written).toHaveLength(THRESHOLD - 1);
    expect(sandbox.bulkJobs()).toEqual([]);
    expect(sandbox.stats().calls[COLLECTIONS]).toBe(1);
  });
});
