import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { SalesforceAdapter } from '../../../connectors/salesforce/salesforce-adapter.js';
import type { SalesforceAdapterOptions } from '../../../connectors/salesforce/salesforce-adapter.js';
import type { ObjectMappings } from '../../../connectors/salesforce/salesforce-objects.js';
import type { SalesforceSandbox, SObjectRecord } from '../../../connectors/salesforce/sandbox/index.js';
import type { Page, ScoreValues } from '../../../src/connector/crm-adapter.js';
import { loadMapping } from '../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../src/mapping/mapping-schema.js';
import type { RecordProblem } from '../../../src/mapping/crm-record.js';
import type { Lead } from '../../../src/model/lead.js';
import {
  activitiesOf,
  expectedActivities as expected,
  instant,
  relatedRecords,
} from './expected-activities.js';
import { startActivitiesOrg } from './activities-org.js';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const BATCH = 200;
const QUERY = 'GET /services/data/{version}/query';
const QUERY_MORE = 'GET /services/data/{version}/query/{locator}';

let sandbox: SalesforceSandbox;
let leadMapping: Mapping;
let contactMapping: Mapping;
let problems: RecordProblem[];

beforeAll(async () => {
  ({ sandbox, leadMapping, contactMapping } = await startActivitiesOrg({ leads: 450, contacts: 150 }));
});
afterAll(async () => {
  await sandbox.stop();
});
beforeEach(() => {
  problems = [];
});

const adapter = (objects: ObjectMappings, extra: Partial<SalesforceAdapterOptions> = {}) =>
  new SalesforceAdapter({
    credentials: { instanceUrl: sandbox.instanceUrl, accessToken: sandbox.accessToken },
    objects,
    queryBatchSize: BATCH,
    onProblem: (p) => problems.push(p),
    ...extra,
  });

async function collect(pages: AsyncIterable<Page>): Promise<{ leads: Lead[]; pages: Page[] }> {
  const all: Page[] = [];
  for await (const page of pages) all.push(page);
  return { leads: all.flatMap((p) => p.leads), pages: all };
}

const rows = (type: string) => sandbox.store.list(type);
const unconverted = () => rows('Lead').filter((l) => l.IsConverted !== true);
const expectedActivities = (personId: string) => expected(sandbox.store, personId);

describe('activities of Leads', () => {
  it('every unconverted Lead gets the activities of its tasks, events, emails and campaign memberships', async () => {
    const { leads } = await collect(adapter({ Lead: leadMapping }).read({ kind: 'full' }));
    expect(leads).toHaveLength(unconverted().length);
    for (const lead of leads) expect(activitiesOf(lead)).toEqual(expectedActivities(lead.ref.id));
    const types = new Set(leads.flatMap((l) => l.activities.map((a) => a.type)));
    expect([...types].sort()).toEqual([
      'call',
      'content_download',
      'email_reply',
      'meeting',
      'webinar_attended',
      'webinar_registration',
    ]);
    expect(problems).toEqual([]);
  });

  it('a page costs one query per mapped object (Task, Event, EmailMessageRelation, CampaignMember)', async () => {
    expect(Object.keys(leadMapping.engagements)).toHaveLength(4);
    sandbox.resetStats();
    const a = adapter({ Lead: leadMapping });
    const { leads, pages } = await collect(a.read({ kind: 'full' }));
    expect(pages).toHaveLength(Math.ceil(unconverted().length / BATCH));
    const calls = sandbox.stats().calls;
    // The Lead query and its pages, then four activity queries per page, each within one batch.
    expect(calls[QUERY]).toBe(1 + 4 * pages.length);
    expect(calls[QUERY_MORE]).toBe(pages.length - 1);
    expect(a.activityStats()).toEqual({
      queries: 4 * pages.length,
      queryMores: 0,
      records: relatedRecords(sandbox.store, new Set(leads.map((l) => l.ref.id))),
      activities: leads.reduce((n, l) => n + l.activities.length, 0),
    });

    sandbox.resetStats();
    await collect(adapter({ Lead: leadMapping }, { activities: false }).read({ kind: 'full' }));
    expect(sandbox.stats().calls[QUERY]).toBe(1);
  });

  it('a lead found by id or email gets its activities too', async () => {
    const target = unconverted().find((l) => expectedActivities(String(l.Id)).length > 2)!;
    const a = adapter({ Lead: leadMapping });
    const byId = await collect(a.read({ kind: 'ids', ids: [String(target.Id).slice(0, 15)] }));
    expect(byId.leads.map(activitiesOf)).toEqual([expectedActivities(String(target.Id))]);
    const byEmail = await collect(a.read({ kind: 'emails', emails: [String(target.Email)] }));
    expect(byEmail.leads.map(activitiesOf)).toEqual([expectedActivities(String(target.Id))]);
  });
});

describe('Leads and Contacts', () => {
  const both = () => adapter({ Lead: leadMapping, Contact: contactMapping });

  it('a full read goes through Leads, then Contacts, the cursor naming the object to resume', async () => {
    const { leads, pages } = await collect(both().read({ kind: 'full' }));
    const leadPages = Math.ceil(unconverted().length / BATCH);
    expect(pages).toHaveLength(leadPages + Math.ceil(rows('Contact').length / BATCH));
    expect(pages.slice(0, leadPages).every((p) => p.leads.every((l) => l.ref.object === 'Lead'))).toBe(true);
    expect(pages.slice(leadPages).every((p) => p.leads.every((l) => l.ref.object === 'Contact'))).toBe(true);
    expect(pages[leadPages - 1]?.cursor).toEqual({
      kind: 'full',
      object: 'Contact',
      nextRecordsUrl: null,
      afterStamp: null,
      afterId: null,
      done: false,
    });
    expect(pages.at(-1)?.cursor).toEqual({
      kind: 'full',
      object: 'Contact',
      nextRecordsUrl: null,
      afterStamp: expect.any(Number),
      afterId: expect.any(String),
      done: true,
    });

    const contacts = leads.filter((l) => l.ref.object === 'Contact');
    expect(contacts.map((c) => c.ref.id).sort()).toEqual(
      rows('Contact')
        .map((c) => String(c.Id))
        .sort(),
    );
    for (const contact of contacts) expect(activitiesOf(contact)).toEqual(expectedActivities(contact.ref.id));
    for (const type of ['webinar_attended', 'email_reply'])
      expect(contacts.some((c) => c.activities.some((a) => a.type === type))).toBe(true);
    const sample = rows('Contact')[0]!;
    expect(contacts.find((c) => c.ref.id === sample.Id)).toMatchObject({
      country: sample.MailingCountry,
      email: String(sample.Email).toLowerCase(),
    });
    expect(problems).toEqual([]);
  });

  it('resumes on Contacts after the Leads, and reads a cursor written before Contacts existed as Lead', async () => {
    const first = await collect(both().read({ kind: 'full' }));
    const leadPages = Math.ceil(unconverted().length / BATCH);
    const onContacts = await collect(
      both().read({ kind: 'full', cursor: first.pages[leadPages - 1]!.cursor }),
    );
    expect(onContacts.leads.map((l) => l.ref.id).sort()).toEqual(
      rows('Contact')
        .map((c) => String(c.Id))
        .sort(),
    );

    const leadsOnly = adapter({ Lead: leadMapping }, { activities: false });
    const page1 = (await leadsOnly.read({ kind: 'full' })[Symbol.asyncIterator]().next()).value as Page;
    const oldCursor: Record<string, unknown> = { ...page1.cursor };
    delete oldCursor.object;
    const rest = await collect(both().read({ kind: 'full', cursor: oldCursor as Page['cursor'] }));
    expect(rest.leads.filter((l) => l.ref.object === 'Lead')).toHaveLength(
      unconverted().length - page1.leads.length,
    );
    expect(rest.leads.filter((l) => l.ref.object === 'Contact')).toHaveLength(rows('Contact').length);
  });

  it('an incremental read covers both objects from one window, resumable on Contact', async () => {
    const stamp = (r: SObjectRecord) => instant(r.SystemModstamp).getTime();
    const everyone = [...unconverted(), ...rows('Contact')];
    const stamps = everyone.map(stamp).sort((x, y) => x - y);
    const since = new Date(stamps[Math.floor(stamps.length / 2)]! + 5 * 60_000);
    const cut = Math.floor((since.getTime() - 5 * 60_000) / 1000) * 1000;
    const expected = everyone.filter((r) => stamp(r) >= cut).map((r) => String(r.Id));

    const { leads, pages } = await collect(both().read({ kind: 'incremental', since }));
    expect(leads.map((l) => l.ref.id).sort()).toEqual(expected.sort());
    expect(pages.at(-1)?.cursor).toMatchObject({ kind: 'incremental', object: 'Contact', done: true });

    const onContact = pages.find((p) => p.cursor.object === 'Contact' && p.cursor.done === false)!;
    const rest = await collect(both().read({ kind: 'incremental', cursor: onContact.cursor }));
    const before = pages.slice(0, pages.indexOf(onContact) + 1).flatMap((p) => p.leads);
    expect([...before, ...rest.leads].map((l) => l.ref.id).sort()).toEqual(expected.sort());
  });

  it('by ids, each id is asked of the object its key prefix names; by email, of both', async () => {
    const lead = unconverted()[5]!;
    const contact = rows('Contact')[7]!;
    const a = adapter({ Lead: leadMapping, Contact: contactMapping }, { activities: false });
    sandbox.resetStats();
    const byId = await collect(
      a.read({ kind: 'ids', ids: [String(lead.Id), String(contact.Id).slice(0, 15)] }),
    );
    expect(byId.leads.map((l) => [l.ref.object, l.ref.id])).toEqual([
      ['Lead', lead.Id],
      ['Contact', contact.Id],
    ]);
    expect(sandbox.stats().calls[QUERY]).toBe(2);

    sandbox.resetStats();
    const onlyLeads = await collect(
      adapter({ Lead: leadMapping }, { activities: false }).read({ kind: 'ids', ids: [String(contact.Id)] }),
    );
    expect(onlyLeads.leads).toEqual([]);
    expect(sandbox.stats().calls[QUERY]).toBeUndefined();

    const byEmail = await collect(
      a.read({ kind: 'emails', emails: [String(lead.Email), String(contact.Email)] }),
    );
    expect(byEmail.leads.map((l) => l.ref.id).sort()).toEqual([String(lead.Id), String(contact.Id)].sort());
  });

  it('writes scores to a Lead and a Contact in one collection call, each as its own type', async () => {
    const lead = unconverted()[9]!;
    const contact = rows('Contact')[11]!;
    const values: ScoreValues = {
      score: 72,
      fit: 40,
      engagement: 32,
      grade: 'A',
      status: 'mql',
      reasons: 'webinar attended',
      model: 'default@1',
      scoredAt: new Date('2026-06-15T12:00:00.000Z'),
    };
    const a = both();
    const before = sandbox.store.collectionUpdates().length;
    const result = await a.write([
      { ref: { crm: 'salesforce', object: 'Lead', id: String(lead.Id) }, values },
      { ref: { crm: 'salesforce', object: 'Contact', id: String(contact.Id) }, values },
    ]);
    expect(result.failed).toEqual([]);
    expect(
      sandbox.store
        .collectionUpdates()
        .slice(before)
        .map((c) => c.updatedIds),
    ).toEqual([[lead.Id, contact.Id]]);
    expect(sandbox.store.get(String(contact.Id))).toMatchObject({
      LeadScore_Score__c: 72,
      LeadScore_Grade__c: 'A',
    });
    const { leads } = await collect(a.read({ kind: 'ids', ids: [String(contact.Id)] }));
    expect(leads[0]?.current).toMatchObject({ score: 72, grade: 'A', status: 'mql' });
  });
});

describe('configuration', () => {
  it('check describes each enabled object and the activity objects, and names what is missing', async () => {
    await expect(adapter({ Lead: leadMapping, Contact: contactMapping }).check()).resolves.toBeUndefined();
    const shipped = await loadMapping(root('mappings/salesforce-contact.yaml'));
    await expect(adapter({ Contact: shipped }).check()).resolves.toBeUndefined();
    const misspelt = { ...shipped, fields: { ...shipped.fields, industry: 'Account.Sector__c' } };
    await expect(adapter({ Contact: misspelt }).check()).rejects.toThrow(/Account has no field Sector__c/);
  });

  it('refuses engagements of objects it does not read, unless activities are off', () => {
    const withEmail = {
      ...leadMapping,
      engagements: {
        ...leadMapping.engagements,
        EmailMessage: [{ type: 'email_reply' as const, at: 'MessageDate' }],
      },
    };
    expect(() => adapter({ Lead: withEmail })).toThrow(/engagements name EmailMessage/);
    expect(() => adapter({ Lead: withEmail }, { activities: false })).not.toThrow();
  });

  it('refuses objects whose mappings write different score fields, or a mapping under the wrong object', () => {
    const renamed = {
      ...contactMapping,
      scoreProperties: { ...contactMapping.scoreProperties, score: 'Score__c' },
    };
    expect(() => adapter({ Lead: leadMapping, Contact: renamed })).toThrow(
      /different score fields \(score\)/,
    );
    expect(() => adapter({ Contact: leadMapping })).toThrow(/Contact mapping is for salesforce Lead/);
    expect(() => adapter({})).toThrow(/no object to read/);
  });
});
