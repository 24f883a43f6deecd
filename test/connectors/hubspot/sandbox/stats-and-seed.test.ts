import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HubSpotSandbox } from '../../../../connectors/hubspot/sandbox/index.js';
import { fakeClock, get, post, start } from './sandbox-fixture.js';

/** The contact properties mappings/hubspot.yaml reads (fields and rollups). */
const MAPPED = [
  'email',
  'firstname',
  'lastname',
  'jobtitle',
  'hs_seniority',
  'industry',
  'numemployees',
  'annualrevenue',
  'country',
  'state',
  'city',
  'hs_lead_status',
  'lifecyclestage',
  'hubspot_owner_id',
  'hs_email_optout',
  'createdate',
  'lastmodifieddate',
  'hs_analytics_num_page_views',
  'hs_analytics_first_visit_timestamp',
  'hs_analytics_last_visit_timestamp',
  'hs_analytics_last_url',
  'hs_email_open',
  'hs_email_last_open_date',
  'hs_email_click',
  'hs_email_last_click_date',
  'hs_email_replied',
  'hs_email_last_reply_date',
  'hs_email_bounce',
  'hs_email_last_send_date',
  'num_conversion_events',
  'first_conversion_date',
  'recent_conversion_date',
  'hs_object_id',
];

const clock = fakeClock();
let sandbox: HubSpotSandbox;

beforeAll(async () => {
  sandbox = await start({ contacts: 300, seed: 3, now: clock.now });
});
afterAll(() => sandbox.stop());

describe('call counts', () => {
  it('counts calls by method and route template, unknown paths apart', async () => {
    sandbox.resetStats();
    await get(sandbox, '/crm/v3/objects/contacts');
    await get(sandbox, '/crm/v3/objects/contacts?limit=5');
    await get(sandbox, '/crm/v3/properties/contacts/email');
    await post(sandbox, '/crm/v4/associations/contacts/calls/batch/read', { inputs: [] });
    await get(sandbox, '/nowhere');
    expect(sandbox.stats()).toEqual({
      calls: {
        'GET /crm/v3/objects/contacts': 2,
        'GET /crm/v3/properties/contacts/{propertyName}': 1,
        'POST /crm/v4/associations/contacts/{toObjectType}/batch/read': 1,
        'GET (unmatched)': 1,
      },
      total: 5,
      statuses: { 200: 4, 404: 1 },
      tooManyRequests: 0,
      dropped: 0,
    });
  });

  it('starts again from zero after resetStats', async () => {
    await get(sandbox, '/crm/v3/objects/contacts');
    sandbox.resetStats();
    expect(sandbox.stats().total).toBe(0);
  });
});

describe('seeded portal', () => {
  it('gives identical contacts for the same seed and clock', async () => {
    const twin = await start({ contacts: 300, seed: 3, now: clock.now });
    try {
      expect(twin.store.listContacts()).toEqual(sandbox.store.listContacts());
    } finally {
      await twin.stop();
    }
  });

  it('fills most mapped properties on most contacts', () => {
    const contacts = sandbox.store.listContacts();
    for (const name of MAPPED) {
      const filled = contacts.filter((c) => c.properties[name] !== undefined).length;
      expect({ name, mostlyFilled: filled > contacts.length * 0.2 }).toEqual({ name, mostlyFilled: true });
    }
  });

  it('keeps datetimes between creation and now', () => {
    for (const c of sandbox.store.listContacts()) {
      const created = Date.parse(c.properties.createdate ?? '');
      expect(Date.parse(c.properties.lastmodifieddate ?? '')).toBeGreaterThanOrEqual(created);
      expect(Date.parse(c.properties.lastmodifieddate ?? '')).toBeLessThanOrEqual(clock.now().getTime());
    }
  });

  it('moves lastmodifieddate when a test edits a contact', () => {
    const [contact] = sandbox.store.listContacts();
    clock.advance(1_000);
    const edited = sandbox.store.editContact(contact?.id ?? '', { jobtitle: 'Chief Revenue Officer' });
    expect(edited.properties).toMatchObject({
      jobtitle: 'Chief Revenue Officer',
      lastmodifieddate: clock.now().toISOString(),
    });
    expect(edited.updatedAt).toBe(clock.now().toISOString());
  });
});
