import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  isWellFormedId,
  startSalesforceSandbox,
  to18,
  type SalesforceSandbox,
} from '../../../../connectors/salesforce/sandbox/index.js';
import { API, call, start } from './sandbox-fixture.js';

let sandbox: SalesforceSandbox;
beforeAll(async () => {
  sandbox = await startSalesforceSandbox({ now: () => new Date('2026-06-15T12:00:00Z') });
});
afterAll(() => sandbox.stop());

describe('seeded org', () => {
  it('holds 2,000 leads and 500 contacts by default, with activities, campaigns and members', () => {
    expect(sandbox.store.count('Lead')).toBe(2000);
    expect(sandbox.store.count('Contact')).toBe(500);
    for (const type of ['Task', 'Event', 'Campaign', 'CampaignMember']) {
      expect(sandbox.store.count(type)).toBeGreaterThan(0);
    }
  });

  it('uses Salesforce key prefixes and valid 18-character checksums', () => {
    const prefixes: Record<string, string> = {
      Lead: '00Q',
      Contact: '003',
      Task: '00T',
      Event: '00U',
      Campaign: '701',
      CampaignMember: '00v',
      EmailMessage: '02s',
      EmailMessageRelation: '0Pg',
    };
    for (const [type, prefix] of Object.entries(prefixes)) {
      for (const row of sandbox.store.list(type).slice(0, 50)) {
        const id = String(row.Id);
        expect(id).toHaveLength(18);
        expect(id.startsWith(prefix)).toBe(true);
        expect(to18(id.slice(0, 15))).toBe(id);
      }
    }
    // Worked by hand: chunk 001A0 has an upper-case 4th character (8, I), 00000 none (A), 6Vm9r its 2nd (2, C).
    expect(to18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
    expect(isWellFormedId('001A0000006Vm9rIAC')).toBe(true);
    expect(isWellFormedId('001A0000006Vm9rAAA')).toBe(false);
  });

  it('seeds converted and unconverted leads with the fields leadscore reads', () => {
    const leads = sandbox.store.list('Lead');
    const converted = leads.filter((l) => l.IsConverted === true);
    expect(converted.length).toBeGreaterThan(100);
    expect(
      converted.every(
        (l) => l.Status === 'Closed - Converted' && String(l.ConvertedContactId).startsWith('003'),
      ),
    ).toBe(true);
    expect(leads.some((l) => l.IsConverted === false)).toBe(true);
    for (const field of [
      'Status',
      'LeadSource',
      'Industry',
      'NumberOfEmployees',
      'Country',
      'Title',
      'Email',
      'OwnerId',
      'CreatedDate',
      'SystemModstamp',
      'LastModifiedDate',
    ]) {
      expect(leads[0]).toHaveProperty(field);
    }
    const members = sandbox.store.list('CampaignMember');
    expect(members.some((m) => m.HasResponded === true && typeof m.FirstRespondedDate === 'string')).toBe(
      true,
    );
    const types = new Set(sandbox.store.list('Campaign').map((c) => c.Type));
    expect([...types]).toEqual(expect.arrayContaining(['Webinar', 'Event']));
  });

  it('is deterministic for a seed and clock', async () => {
    const now = () => new Date('2026-06-15T12:00:00Z');
    const a = await start({ seed: 5, now });
    const b = await start({ seed: 5, now });
    const c = await start({ seed: 6, now });
    try {
      expect(b.store.list('Lead')).toEqual(a.store.list('Lead'));
      expect(b.store.list('Task')).toEqual(a.store.list('Task'));
      expect(c.store.list('Lead')).not.toEqual(a.store.list('Lead'));
    } finally {
      await Promise.all([a.stop(), b.stop(), c.stop()]);
    }
  });
});

describe('GET /sobjects/Lead/describe', () => {
  it('lists fields with name, type, picklistValues and updateable', async () => {
    const reply = await call(sandbox, 'GET', `${API}/sobjects/Lead/describe`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ name: 'Lead', keyPrefix: '00Q' });
    const byName = new Map(reply.body.fields.map((f: { name: string }) => [f.name, f]));
    expect(byName.get('Status')).toMatchObject({
      type: 'picklist',
      updateable: true,
      picklistValues: expect.arrayContaining([
        {
          active: true,
          defaultValue: false,
          label: 'Open - Not Contacted',
          validFor: null,
          value: 'Open - Not Contacted',
        },
      ]),
    });
    expect(byName.get('IsConverted')).toMatchObject({ type: 'boolean', updateable: false });
    expect(byName.get('OwnerId')).toMatchObject({
      type: 'reference',
      referenceTo: ['User'],
      relationshipName: 'Owner',
    });
    expect((await call(sandbox, 'GET', `${API}/sobjects/Nope/describe`)).status).toBe(404);
  });
});
