import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { SalesforceAdapter } from '../../../connectors/salesforce/salesforce-adapter.js';
import { SalesforceApi } from '../../../connectors/salesforce/salesforce-api.js';
import { salesforcePolicy } from '../../../connectors/salesforce/salesforce-policy.js';
import { readLeadsBy } from '../../../connectors/salesforce/salesforce-read.js';
import { startSalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { Page, ScoreUpdate, ScoreValues } from '../../../src/connector/crm-adapter.js';
import { RequestScheduler } from '../../../src/http/request-scheduler.js';
import { loadMapping } from '../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../src/mapping/mapping-schema.js';
import type { RecordProblem } from '../../../src/mapping/crm-record.js';
import type { Lead } from '../../../src/model/lead.js';
import { addLeadScoreFields } from './sandbox-lead-fields.js';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const LEADS = 900;
const BATCH = 200;
const QUERY = 'GET /services/data/{version}/query';
const QUERY_MORE = 'GET /services/data/{version}/query/{locator}';
const COLLECTIONS = 'PATCH /services/data/{version}/composite/sobjects';

let sandbox: SalesforceSandbox;
let mapping: Mapping;
const problems: RecordProblem[] = [];

const adapter = () =>
  new SalesforceAdapter({
    credentials: { instanceUrl: sandbox.instanceUrl, accessToken: sandbox.accessToken },
    mapping,
    queryBatchSize: BATCH,
    activities: false, // activities.e2e.test.ts reads them
    onProblem: (p) => problems.push(p),
  });

async function collect(pages: AsyncIterable<Page>): Promise<{ leads: Lead[]; pages: Page[] }> {
  const all: Page[] = [];
  for await (const page of pages) all.push(page);
  return { leads: all.flatMap((p) => p.leads), pages: all };
}

const unconverted = () => sandbox.store.list('Lead').filter((l) => l.IsConverted !== true);

const values = (i: number): ScoreValues => ({
  score: 40 + (i % 50),
  fit: 20 + (i % 30),
  engagement: 10.5,
  grade: 'B',
  status: 'nurture',
  reasons: `reason ${i}`,
  model: 'default@1',
  scoredAt: new Date('2026-06-15T12:00:00.000Z'),
});

beforeAll(async () => {
  sandbox = await startSalesforceSandbox({ leads: LEADS, contacts: 10 });
  addLeadScoreFields(sandbox);
  mapping = await loadMapping(root('mappings/salesforce.yaml'));
});
afterAll(async () => {
  await sandbox.stop();
});

describe('Salesforce adapter against the sandbox', () => {
  it('reads every unconverted Lead exactly once across pages, with the mapped fields', async () => {
    sandbox.resetStats();
    const expected = unconverted();
    expect(expected.length).toBeLessThan(LEADS); // some seeded leads are converted
    const { leads, pages } = await collect(adapter().read({ kind: 'full' }));
    const ids = leads.map((l) => l.ref.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(expected.map((l) => String(l.Id))));
    expect(pages.length).toBe(Math.ceil(expected.length / BATCH));
    expect(problems).toEqual([]);
    expect(pages.slice(0, -1).every((p) => p.cursor.kind === 'full' && p.cursor.done === false)).toBe(true);
    expect(pages.at(-1)?.cursor).toEqual({
      kind: 'full',
      object: 'Lead',
      nextRecordsUrl: null,
      afterStamp: expect.any(Number),
      afterId: leads.at(-1)?.ref.id,
      done: true,
    });
    expect(sandbox.stats().calls[QUERY]).toBe(1);
    expect(sandbox.stats().calls[QUERY_MORE]).toBe(pages.length - 1);

    const sample = expected.find(
      (l) => typeof l.Email === 'string' && typeof l.NumberOfEmployees === 'number',
    );
    const lead = leads.find((l) => l.ref.id === sample?.Id);
    expect(lead).toMatchObject({
      ref: { crm: 'salesforce', object: 'Lead', id: sample?.Id },
      email: String(sample?.Email).toLowerCase(),
      employees: sample?.NumberOfEmployees,
    });
  });

  it('resumes a full read from the nextRecordsUrl of its cursor', async () => {
    const first = adapter().read({ kind: 'full' });
    const page1 = (await first[Symbol.asyncIterator]().next()).value as Page;
    const rest = await collect(adapter().read({ kind: 'full', cursor: page1.cursor }));
    const ids = [...page1.leads, ...rest.leads].map((l) => l.ref.id);
    expect(new Set(ids).size).toBe(unconverted().length);
    expect(ids.length).toBe(unconverted().length);
  });

  it('reads changed leads from since less five minutes, resumable by keyset', async () => {
    const stamps = unconverted()
      .map((l) => Date.parse(String(l.SystemModstamp).replace(/\+0000$/, 'Z')))
      .sort((a, b) => a - b);
    const since = new Date(stamps[Math.floor(stamps.length / 2)]! + 5 * 60_000);
    const cut = Math.floor((since.getTime() - 5 * 60_000) / 1000) * 1000;
    const expected = unconverted().filter(
      (l) => Date.parse(String(l.SystemModstamp).replace(/\+0000$/, 'Z')) >= cut,
    );
    const { leads, pages } = await collect(adapter().read({ kind: 'incremental', since }));
    expect(new Set(leads.map((l) => l.ref.id))).toEqual(new Set(expected.map((l) => String(l.Id))));
    expect(leads.length).toBe(expected.length);
    expect(pages.at(-1)?.cursor.done).toBe(true);

    // Interrupted after its first page, a read resumes after the last (SystemModstamp, Id) it saw.
    const firstPage = (await adapter().read({ kind: 'incremental', since })[Symbol.asyncIterator]().next())
      .value as Page;
    const rest = await collect(adapter().read({ kind: 'incremental', cursor: firstPage.cursor }));
    const resumed = new Set([...firstPage.leads, ...rest.leads].map((l) => l.ref.id));
    expect(resumed).toEqual(new Set(expected.map((l) => String(l.Id))));
  });

  it('reads by ids, 15- or 18-character', async () => {
    const [a, b] = unconverted();
    const { leads } = await collect(
      adapter().read({ kind: 'ids', ids: [String(a?.Id).slice(0, 15), String(b?.Id)] }),
    );
    expect(leads.map((l) => l.ref.id).sort()).toEqual([String(a?.Id), String(b?.Id)].sort());
  });

  it('reads by email with hostile values as literals: one query, parsed, nothing matched', async () => {
    sandbox.resetStats();
    const scheduler = new RequestScheduler({ policy: salesforcePolicy() });
    const api = new SalesforceApi(scheduler, {
      instanceUrl: sandbox.instanceUrl,
      accessToken: sandbox.accessToken,
    });
    const query = jest.spyOn(api, 'query');
    const hostile = ["' OR Name LIKE '%", "o'brien\\@example.com"];
    const batches: unknown[][] = [];
    for await (const records of readLeadsBy(api, { fields: ['Email'], batchSize: 200 }, 'Email', hostile))
      batches.push(records);
    expect(batches.flat()).toEqual([]);
    expect(query).toHaveBeenCalledTimes(1);
    const soql = query.mock.calls[0]?.[0] ?? '';
    expect(soql).toContain(`Email IN ('\\' OR Name LIKE \\'%','o\\'brien\\\\@example.com')`);
    expect(sandbox.stats().calls[QUERY]).toBe(1);
    expect(sandbox.stats().statuses).toEqual({ 200: 1 });

    // The same escaping finds a lead whose address really holds a quote and a backslash.
    const target = unconverted()[3]!;
    sandbox.store.update(String(target.Id), { Email: "o'brien\\@example.com" });
    const { leads } = await collect(adapter().read({ kind: 'emails', emails: hostile }));
    expect(leads.map((l) => l.ref.id)).toEqual([String(target.Id)]);
  });

  it('writes 450 updates in 3 collection calls with Sforce-Auto-Assign: FALSE', async () => {
    sandbox.resetStats();
    const before = sandbox.store.collectionUpdates().length;
    const targets = unconverted().slice(0, 450);
    const updates: ScoreUpdate[] = targets.map((l, i) => ({
      ref: { crm: 'salesforce', object: 'Lead', id: String(l.Id) },
      values: values(i),
    }));
    const result = await adapter().write(updates);
    expect(result.failed).toEqual([]);
    expect(result.written).toHaveLength(450);
    const calls = sandbox.store.collectionUpdates().slice(before);
    expect(calls.map((c) => c.updatedIds.length)).toEqual([200, 200, 50]);
    expect(calls.every((c) => c.autoAssignHeader === 'FALSE' && c.allOrNone === false)).toBe(true);
    expect(sandbox.stats().calls[COLLECTIONS]).toBe(3);
    const stored = sandbox.store.get(String(targets[7]?.Id));
    expect(stored).toMatchObject({
      LeadScore_Score__c: 47,
      LeadScore_Fit__c: 27,
      LeadScore_Engagement__c: 10.5,
      LeadScore_Grade__c: 'B',
      LeadScore_MQL_Status__c: 'nurture',
      LeadScore_Reasons__c: 'reason 7',
      LeadScore_Model__c: 'default@1',
      LeadScore_Scored_At__c: '2026-06-15T12:00:00.000+0000', // as Salesforce stores datetimes
    });
    // Only the score fields were sent: nothing else changed.
    expect(stored?.Email).toBe(targets[7]?.Email);

    // What was written reads back as the lead's current scores.
    const { leads } = await collect(adapter().read({ kind: 'ids', ids: [String(targets[7]?.Id)] }));
    expect(leads[0]?.current).toMatchObject({ score: 47, grade: 'B', status: 'nurture' });
  });

  it('returns records Salesforce rejects as failures with its statusCode and message', async () => {
    const good = unconverted()[10]!;
    const contact = sandbox.store.list('Contact')[0]!;
    const updates: ScoreUpdate[] = [String(good.Id), 'not-a-salesforce-id', String(contact.Id)].map(
      (id, i) => ({ ref: { crm: 'salesforce', object: 'Lead', id }, values: values(i) }),
    );
    const result = await adapter().write(updates);
    expect(result.written.map((r) => r.id)).toEqual([String(good.Id)]);
    expect(result.failed).toEqual([
      expect.objectContaining({
        ref: expect.objectContaining({ id: 'not-a-salesforce-id' }),
        code: 'MALFORMED_ID',
        reason: expect.stringContaining('malformed id not-a-salesforce-id'),
      }),
      expect.objectContaining({
        ref: expect.objectContaining({ id: String(contact.Id) }),
        code: 'MALFORMED_ID',
        reason: expect.stringContaining('id value of incorrect type'),
      }),
    ]);
  });

  it('counts calls by endpoint and feeds Sforce-Limit-Info to the scheduler', async () => {
    const a = adapter();
    await collect(a.read({ kind: 'ids', ids: [String(unconverted()[0]?.Id)] }));
    expect(a.usage()).toMatchObject({ apiCalls: 1, byEndpoint: { 'GET /query': 1 } });

    // A reserve above what the org has left: the header of the first answer stops the run.
    const { used, daily } = sandbox.stats().apiUsage;
    expect(used).toBeGreaterThan(0);
    const reserved = new SalesforceAdapter({
      credentials: { instanceUrl: sandbox.instanceUrl, accessToken: sandbox.accessToken },
      mapping,
      activities: false,
      limits: { concurrency: 2, dailyReserve: daily - used + 10 },
      onProblem: (p) => problems.push(p),
    });
    const id = String(unconverted()[0]?.Id);
    await collect(reserved.read({ kind: 'ids', ids: [id] }));
    expect(reserved.metrics().dailyStops).toBe(1);
    await expect(collect(reserved.read({ kind: 'ids', ids: [id] }))).rejects.toThrow(/Salesforce/);
    expect(reserved.usage().apiCalls).toBe(1);
  });

  // Provisioning has its own e2e test (provision.e2e.test.ts).
  it('runs no handoff action unless configured', async () => {
    const a = adapter();
    expect(a.handoffActions).toEqual([]);
    await expect(a.handoff([])).resolves.toEqual([]);
  });
});
