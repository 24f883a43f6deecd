import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { INCREMENTAL_OVERLAP_MS } from '../../../../src/connector/incremental-window.js';
import { DailyLimitError } from '../../../../src/http/daily-limit-error.js';
import type { Mapping } from '../../../../src/mapping/mapping-schema.js';
import {
  BASE_URL,
  RequestLog,
  SECRETS,
  buildAdapter,
  collect,
  expectNoSecrets,
  fixture,
  guardNetwork,
  loadHubSpotMapping,
  rejectionOf,
} from './contract-harness.js';

guardNetwork({ beforeAll, afterEach, afterAll });

let mapping: Mapping;
beforeAll(async () => {
  mapping = await loadHubSpotMapping();
});

/**
 * What a read must ask for, worked out from the mapping itself (not from the adapter's helper): every mapped
 * field, every rollup property, and the score properties read back into `lead.current` — each once.
 */
function expectedProperties(m: Mapping): string[] {
  const { score, fit, engagement, grade, status, reasons, model, scoredAt, predictive } = m.scoreProperties;
  const names = [
    ...Object.values(m.fields),
    ...Object.values(m.custom),
    ...m.rollups.flatMap((r) => [r.count, r.first, r.last, ...Object.values(r.lastAttributes ?? {})]),
    score,
    fit,
    engagement,
    grade,
    status,
    reasons,
    model,
    scoredAt,
    predictive,
  ].filter((n): n is string => typeof n === 'string');
  return [...new Set(names)].sort();
}

/** X-HubSpot-RateLimit-* as HubSpot sends them on every response to a private app. */
const rateLimitHeaders = (dailyRemaining: number): Record<string, string> => ({
  'Content-Type': 'application/json;charset=utf-8',
  'X-HubSpot-RateLimit-Daily': '500000',
  'X-HubSpot-RateLimit-Daily-Remaining': String(dailyRemaining),
  'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
  'X-HubSpot-RateLimit-Max': '190',
  'X-HubSpot-RateLimit-Remaining': '187',
});

describe('full read: GET /crm/v3/objects/contacts', () => {
  it('follows paging.next.after over two pages, asking for limit=100 and exactly the mapped properties', async () => {
    const log = new RequestLog();
    const scope = nock(BASE_URL)
      .get('/crm/v3/objects/contacts')
      .query(true)
      .reply(log.reply(() => [200, fixture('contacts-list-page-1.json'), rateLimitHeaders(499_000)]))
      .get('/crm/v3/objects/contacts')
      .query(true)
      .reply(log.reply(() => [200, fixture('contacts-list-page-2.json'), rateLimitHeaders(498_999)]));

    const { adapter, problems } = buildAdapter(mapping);
    const { pages, leads } = await collect(adapter.read({ kind: 'full' }));
    scope.done();

    const [first, second] = log.sent;
    expect(log.sent).toHaveLength(2);
    for (const request of log.sent) {
      expect(request.query.get('limit')).toBe('100');
      const asked = request.query.getAll('properties').flatMap((p) => p.split(','));
      expect(asked).toHaveLength(new Set(asked).size);
      expect([...asked].sort()).toEqual(expectedProperties(mapping));
      expect(request.query.has('archived')).toBe(false);
      expect(request.headers.authorization).toBe(`Bearer ${SECRETS.privateAppToken}`);
    }
    expect(first!.query.has('after')).toBe(false);
    expect(second!.query.get('after')).toBe(fixture('contacts-list-page-1.json').paging.next.after);

    expect(pages.map((p) => p.cursor)).toEqual([
      { kind: 'full', after: '103', done: false },
      { kind: 'full', after: null, done: true },
    ]);
    expect(leads.map((l) => l.ref)).toEqual(
      ['101', '102', '103'].map((id) => ({ crm: 'hubspot', object: 'contact', id })),
    );
    const [ada, grace, alan] = leads;
    expect(ada).toMatchObject({
      email: 'ada@analytical.example',
      firstName: 'Ada',
      jobTitle: 'VP Engineering',
      employees: 38,
      annualRevenue: 5_000_000,
      unsubscribed: false,
      current: { score: 72, grade: 'A', status: 'mql', scoredAt: new Date('2026-06-10T17:00:00.000Z') },
    });
    expect(ada!.activities.filter((a) => a.type === 'page_view')).toHaveLength(12);
    expect(grace).toMatchObject({ employees: 1000 });
    expect(grace!.current).toBeUndefined();
    expect(alan).toMatchObject({ unsubscribed: true });
    expect(problems).toEqual([]);
  });

  it('stops before the next page once X-HubSpot-RateLimit-Daily-Remaining reaches 0 (DAILY_LIMIT, exit 3)', async () => {
    const log = new RequestLog();
    const scope = nock(BASE_URL)
      .get('/crm/v3/objects/contacts')
      .query(true)
      .reply(log.reply(() => [200, fixture('contacts-list-page-1.json'), rateLimitHeaders(0)]));

    const { adapter } = buildAdapter(mapping);
    const pages: unknown[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const page of adapter.read({ kind: 'full' })) pages.push(page);
      })(),
    );
    scope.done();
    expect(pages).toHaveLength(1);
    expect(error).toBeInstanceOf(DailyLimitError);
    expect(error).toMatchObject({ code: 'DAILY_LIMIT', exitCode: 3 });
    expect(log.sent).toHaveLength(1);
    expectNoSecrets(error);
  });
});

describe('incremental read: POST /crm/v3/objects/contacts/search', () => {
  it('filters lastmodifieddate GTE the start less the clock-skew overlap, sorts ascending, 200 a page, and follows paging.next.after', async () => {
    const since = new Date('2026-06-01T00:00:00.000Z');
    const log = new RequestLog();
    const scope = nock(BASE_URL)
      .post('/crm/v3/objects/contacts/search')
      .reply(log.reply(() => [200, fixture('contacts-search-page-1.json')]))
      .post('/crm/v3/objects/contacts/search')
      .reply(log.reply(() => [200, fixture('contacts-search-page-2.json')]));

    const { adapter } = buildAdapter(mapping);
    const { pages, leads } = await collect(adapter.read({ kind: 'incremental', since }));
    scope.done();

    expect(log.sent).toHaveLength(2);
    const wanted = [...new Set([...expectedProperties(mapping), 'hs_object_id', 'lastmodifieddate'])].sort();
    for (const [i, request] of log.sent.entries()) {
      const { properties, ...rest } = request.body;
      expect([...properties].sort()).toEqual(wanted);
      expect(properties).toHaveLength(new Set(properties).size);
      expect(rest).toEqual({
        filterGroups: [
          {
            filters: [
              {
                propertyName: 'lastmodifieddate',
                operator: 'GTE',
                value: String(since.getTime() - INCREMENTAL_OVERLAP_MS),
              },
            ],
          },
        ],
        sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
        limit: 200,
        ...(i === 1 ? { after: fixture('contacts-search-page-1.json').paging.next.after } : {}),
      });
    }

    expect(leads.map((l) => l.ref.id)).toEqual(['201', '202', '203']);
    expect(leads[1]).toMatchObject({ email: 'barbara@liskov.example', jobTitle: 'Chief Architect' });
    expect(pages.at(-1)?.cursor).toMatchObject({
      kind: 'incremental',
      done: true,
      highWater: Date.parse('2026-06-03T08:15:00.000Z'),
    });
  });
});

describe('incremental read with an opaque search cursor', () => {
  it('reads every record exactly once when paging.next.after is not a number (as in the reference example)', async () => {
    // The API reference shows search cursors like "NTI1Cg%3D%3D"; the adapter reads `after` as an offset.
    // Whatever it sends next, each record must come back once: answer whichever query it makes.
    const opaque = 'NTI1Cg%3D%3D';
    const page1 = fixture('contacts-search-page-1.json');
    page1.paging.next = { after: opaque, link: `?after=${opaque}` };
    const [r201, r202] = page1.results;
    const [r203] = fixture('contacts-search-page-2.json').results;
    const log = new RequestLog();
    const scope = nock(BASE_URL)
      .post('/crm/v3/objects/contacts/search')
      .reply(log.reply(() => [200, page1]))
      .post('/crm/v3/objects/contacts/search')
      .reply(
        log.reply(({ body }) => {
          if (body.after === opaque) return [200, { total: 3, results: [r203] }];
          // A new window from the latest timestamp read: HubSpot returns the boundary record again.
          const from = Number(body.filterGroups[0].filters[0].value);
          const results = [r201, r202, r203].filter((r) => Date.parse(r.properties.lastmodifieddate) >= from);
          return [200, { total: results.length, results }];
        }),
      );

    const { adapter } = buildAdapter(mapping);
    const { leads } = await collect(
      adapter.read({ kind: 'incremental', since: new Date('2026-06-01T00:00:00.000Z') }),
    );
    scope.done();
    expect(leads.map((l) => l.ref.id)).toEqual(['201', '202', '203']);
  });
});

describe('resync by email: POST /crm/v3/objects/contacts/batch/read', () => {
  it('reads by idProperty email; an unknown email (207 OBJECT_NOT_FOUND) is simply absent', async () => {
    const emails = ['ada@analytical.example', 'nobody@nowhere.example'];
    const log = new RequestLog();
    const scope = nock(BASE_URL)
      .post('/crm/v3/objects/contacts/batch/read')
      .reply(log.reply(() => [207, fixture('contacts-batch-read-207.json')]));

    const { adapter } = buildAdapter(mapping);
    const { leads } = await collect(adapter.read({ kind: 'emails', emails }));
    scope.done();

    expect(log.sent).toHaveLength(1);
    const body = log.sent[0]!.body;
    expect(body.idProperty).toBe('email');
    expect(body.inputs).toEqual(emails.map((id) => ({ id })));
    expect([...body.properties].sort()).toEqual(expectedProperties(mapping));
    expect(leads.map((l) => [l.ref.id, l.email])).toEqual([['101', 'ada@analytical.example']]);
  });

  it('sends at most 100 inputs per batch read', async () => {
    const emails = Array.from({ length: 101 }, (_, i) => `lead${i}@example.com`);
    const log = new RequestLog();
    const scope = nock(BASE_URL)
      .post('/crm/v3/objects/contacts/batch/read')
      .times(2)
      .reply(log.reply(() => [200, fixture('contacts-batch-read.json')]));

    const { adapter } = buildAdapter(mapping);
    await collect(adapter.read({ kind: 'emails', emails }));
    scope.done();

    expect(log.sent.map((s) => s.body.inputs.length)).toEqual([100, 1]);
    expect(log.sent.flatMap((s) => s.body.inputs.map((input: { id: string }) => input.id))).toEqual(emails);
    expect(log.sent.every((s) => s.body.idProperty === 'email')).toBe(true);
  });
});
