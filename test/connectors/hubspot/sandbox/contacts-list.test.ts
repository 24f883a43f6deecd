import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HubSpotSandbox } from '../../../../connectors/hubspot/sandbox/index.js';
import { get, start } from './sandbox-fixture.js';

let sandbox: HubSpotSandbox;

beforeAll(async () => {
  sandbox = await start({ contacts: 2000 });
});
afterAll(() => sandbox.stop());

describe('listing contacts', () => {
  it('walks all 2,000 contacts exactly once by following paging.next.after', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const query = new URLSearchParams({ limit: '100', ...(after ? { after } : {}) });
      const reply = await get(sandbox, `/crm/v3/objects/contacts?${query}`);
      expect(reply.status).toBe(200);
      seen.push(...reply.body.results.map((r: { id: string }) => r.id));
      after = reply.body.paging?.next?.after;
    } while (after);
    expect(seen).toHaveLength(2000);
    expect(new Set(seen).size).toBe(2000);
  });

  it('gives a paging link that fetches the next page', async () => {
    const first = await get(sandbox, '/crm/v3/objects/contacts?limit=3&properties=email');
    const link = new URL(first.body.paging.next.link);
    const second = await get(sandbox, `${link.pathname}${link.search}`);
    expect(second.body.results[0].id).toBe(first.body.paging.next.after);
    expect(Object.keys(second.body.results[0].properties)).toContain('email');
  });

  it('returns ten contacts when no limit is given', async () => {
    expect((await get(sandbox, '/crm/v3/objects/contacts')).body.results).toHaveLength(10);
  });

  it('reads properties given comma separated or repeated, plus createdate, hs_object_id, lastmodifieddate', async () => {
    const comma = await get(sandbox, '/crm/v3/objects/contacts?limit=1&properties=email,numemployees');
    const repeated = await get(
      sandbox,
      '/crm/v3/objects/contacts?limit=1&properties=email&properties=numemployees',
    );
    expect(Object.keys(comma.body.results[0].properties).sort()).toEqual(
      ['createdate', 'email', 'hs_object_id', 'lastmodifieddate', 'numemployees'].sort(),
    );
    expect(repeated.body.results[0].properties).toEqual(comma.body.results[0].properties);
  });

  it('answers every property value as a string, with datetimes as ISO strings', async () => {
    const reply = await get(
      sandbox,
      '/crm/v3/objects/contacts?limit=50&properties=hs_analytics_num_page_views,createdate,hs_email_optout',
    );
    for (const { properties } of reply.body.results) {
      expect(typeof properties.hs_analytics_num_page_views).toBe('string');
      expect(properties.createdate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(['true', 'false']).toContain(properties.hs_email_optout);
    }
  });

  it('answers an asked-for property without a value as null', async () => {
    const id = sandbox.store.listContacts().find((c) => c.properties.hs_seniority === undefined)?.id;
    const reply = await get(sandbox, `/crm/v3/objects/contacts?limit=1&after=${id}&properties=hs_seniority`);
    expect(reply.body.results[0].properties.hs_seniority).toBeNull();
  });

  it('rejects a page of more than 100 contacts with 400 VALIDATION_ERROR', async () => {
    const reply = await get(sandbox, '/crm/v3/objects/contacts?limit=101');
    expect(reply.status).toBe(400);
    expect(reply.body.category).toBe('VALIDATION_ERROR');
  });

  it('returns no archived contacts', async () => {
    expect((await get(sandbox, '/crm/v3/objects/contacts?archived=true')).body.results).toEqual([]);
  });
});
