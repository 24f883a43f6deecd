import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SalesforceSandbox, SObjectRecord } from '../../../../connectors/salesforce/sandbox/index.js';
import { soql, start } from './sandbox-fixture.js';

// The queries the adapter sends for a page's activities: by WhoId, LeadId or ContactId IN a list of ids.
let sandbox: SalesforceSandbox;
beforeAll(async () => {
  sandbox = await start({ leads: 60, contacts: 30 });
});
afterAll(() => sandbox.stop());

const idList = (ids: string[]) => `(${ids.map((id) => `'${id}'`).join(',')})`;
const idsOf = (records: SObjectRecord[]) => records.map((r) => String(r.Id)).sort();
const people = (type: string) =>
  sandbox.store
    .list(type)
    .slice(0, 20)
    .map((r) => String(r.Id));

describe('activity queries against the seeded org', () => {
  it('Tasks and Events of a list of Leads and Contacts, by WhoId IN (…)', async () => {
    const who = [...people('Lead'), ...people('Contact')];
    for (const type of ['Task', 'Event']) {
      const reply = await soql(sandbox, `SELECT Id, WhoId FROM ${type} WHERE WhoId IN ${idList(who)}`);
      expect(reply.status).toBe(200);
      const expected = sandbox.store.list(type).filter((r) => who.includes(String(r.WhoId)));
      expect(expected.length).toBeGreaterThan(0);
      expect(idsOf(reply.body.records)).toEqual(idsOf(expected));
    }
  });

  it('campaign memberships by LeadId or ContactId IN (…), with the campaign’s Type and Name', async () => {
    for (const [field, type] of [
      ['LeadId', 'Lead'],
      ['ContactId', 'Contact'],
    ] as const) {
      const ids = people(type);
      const reply = await soql(
        sandbox,
        `SELECT Id, ${field}, HasResponded, Campaign.Type, Campaign.Name FROM CampaignMember WHERE ${field} IN ${idList(ids)}`,
      );
      expect(reply.status).toBe(200);
      const expected = sandbox.store.list('CampaignMember').filter((m) => ids.includes(String(m[field])));
      expect(expected.length).toBeGreaterThan(0);
      expect(idsOf(reply.body.records)).toEqual(idsOf(expected));
      const first = reply.body.records[0];
      const campaign = sandbox.store.get(String(expected.find((m) => m.Id === first.Id)?.CampaignId));
      expect(first.Campaign).toMatchObject({ Type: campaign?.Type, Name: campaign?.Name });
    }
  });
});
