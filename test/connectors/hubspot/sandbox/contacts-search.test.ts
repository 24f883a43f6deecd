import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HubSpotSandbox } from '../../../../connectors/hubspot/sandbox/index.js';
import { fakeClock, post, start } from './sandbox-fixture.js';

const clock = fakeClock();
let sandbox: HubSpotSandbox;
const SEARCH = '/crm/v3/objects/contacts/search';

beforeAll(async () => {
  // A search allowance far above the default keeps these tests independent of each other.
  sandbox = await start({ contacts: 500, now: clock.now, limits: { searchPerSecond: 1000 } });
});
afterAll(() => sandbox.stop());

const ids = (body: { results: { id: string }[] }) => body.results.map((r) => r.id);

describe('searching contacts', () => {
  it('finds contacts modified since an instant, in ascending lastmodifieddate order', async () => {
    const since = clock.now().getTime() - 60 * 86_400_000;
    const expected = sandbox.store
      .listContacts()
      .filter((c) => Date.parse(c.properties.lastmodifieddate ?? '') >= since);
    const reply = await post(sandbox, SEARCH, {
      filterGroups: [
        { filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(since) }] },
      ],
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
      properties: ['lastmodifieddate'],
      limit: 200,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.total).toBe(expected.length);
    const stamps = reply.body.results.map(
      (r: { properties: { lastmodifieddate: string } }) => r.properties.lastmodifieddate,
    );
    expect(stamps).toEqual([...stamps].sort());
    expect(stamps.every((s: string) => Date.parse(s) >= since)).toBe(true);
  });

  it('accepts an ISO date-time as a datetime filter value', async () => {
    const since = new Date(clock.now().getTime() - 60 * 86_400_000);
    const filter = (value: string) => ({
      filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value }] }],
    });
    const byMs = await post(sandbox, SEARCH, filter(String(since.getTime())));
    const byIso = await post(sandbox, SEARCH, filter(since.toISOString()));
    expect(byIso.body.total).toBe(byMs.body.total);
  });

  it('returns the default contact properties when none are asked for', async () => {
    const reply = await post(sandbox, SEARCH, { limit: 1 });
    expect(Object.keys(reply.body.results[0].properties).sort()).toEqual(
      ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'].sort(),
    );
  });

  it('counts every match in total and offers the next offset while results remain', async () => {
    const first = await post(sandbox, SEARCH, { limit: 200 });
    expect(first.body.total).toBe(500);
    expect(first.body.paging.next.after).toBe('200');
    const last = await post(sandbox, SEARCH, { limit: 200, after: '400' });
    expect(last.body.results).toHaveLength(100);
    expect(last.body.paging).toBeUndefined();
  });

  it('rejects a 201-record page with 400 VALIDATION_ERROR', async () => {
    const reply = await post(sandbox, SEARCH, { limit: 201 });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      correlationId: expect.any(String),
    });
  });

  it('rejects paging past 10,000 results with 400 VALIDATION_ERROR', async () => {
    const reply = await post(sandbox, SEARCH, { limit: 100, after: '10000' });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });

  it('ANDs the filters of a group and ORs the groups', async () => {
    const contacts = sandbox.store.listContacts();
    const reply = await post(sandbox, SEARCH, {
      limit: 200,
      filterGroups: [
        {
          filters: [
            { propertyName: 'lifecyclestage', operator: 'IN', values: ['customer', 'opportunity'] },
            { propertyName: 'hs_seniority', operator: 'HAS_PROPERTY' },
          ],
        },
        { filters: [{ propertyName: 'numemployees', operator: 'EQ', value: '1000+' }] },
      ],
    });
    const expected = contacts.filter(
      (c) =>
        (['customer', 'opportunity'].includes(c.properties.lifecyclestage ?? '') &&
          c.properties.hs_seniority) ||
        c.properties.numemployees === '1000+',
    );
    expect(reply.body.total).toBe(expected.length);
  });

  it('compares numbers as numbers with BETWEEN, and finds missing values with NOT_HAS_PROPERTY', async () => {
    const contacts = sandbox.store.listContacts();
    const between = await post(sandbox, SEARCH, {
      filterGroups: [
        {
          filters: [
            { propertyName: 'hs_analytics_num_page_views', operator: 'BETWEEN', value: '9', highValue: '20' },
          ],
        },
      ],
    });
    const views = (c: (typeof contacts)[number]) => Number(c.properties.hs_analytics_num_page_views);
    expect(between.body.total).toBe(contacts.filter((c) => views(c) >= 9 && views(c) <= 20).length);
    const missing = await post(sandbox, SEARCH, {
      filterGroups: [{ filters: [{ propertyName: 'numemployees', operator: 'NOT_HAS_PROPERTY' }] }],
    });
    expect(missing.body.total).toBe(contacts.filter((c) => c.properties.numemployees === undefined).length);
  });

  it('sorts descending and breaks ties by id', async () => {
    const reply = await post(sandbox, SEARCH, {
      limit: 50,
      sorts: [{ propertyName: 'createdate', direction: 'DESCENDING' }],
      properties: ['createdate'],
    });
    const stamps = reply.body.results.map(
      (r: { properties: { createdate: string } }) => r.properties.createdate,
    );
    expect(stamps).toEqual([...stamps].sort().reverse());
    expect(ids(reply.body)).toHaveLength(50);
  });
});

describe('the search rate limit', () => {
  it('allows 4 searches per second per token and answers the 5th with the secondly 429', async () => {
    const limited = await start({ contacts: 3, now: fakeClock().now });
    try {
      const replies = [];
      for (let i = 0; i < 5; i++) replies.push(await post(limited, SEARCH, {}));
      expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 429]);
      expect(replies[4]?.body).toEqual({
        status: 'error',
        message: 'You have reached your secondly limit.',
        errorType: 'RATE_LIMIT',
        correlationId: expect.any(String),
      });
    } finally {
      await limited.stop();
    }
  });

  it('sends no rate limit headers on search responses', async () => {
    const reply = await post(sandbox, SEARCH, { limit: 1 });
    expect([...reply.headers.keys()].filter((k) => k.startsWith('x-hubspot-ratelimit'))).toEqual([]);
  });
});
