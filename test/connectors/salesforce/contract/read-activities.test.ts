/**
 * attachActivities through the real SalesforceApi (jsforce and the shared scheduler) against nock: the SOQL
 * it sends for a page of Leads or Contacts, paging through nextRecordsUrl, and IN lists cut to fit a GET.
 * Answers have the shape of the REST API's Query resource (see query-harness.ts). No request leaves the
 * process.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { fileURLToPath } from 'node:url';
import { attachActivities } from '../../../../connectors/salesforce/read-activities.js';
import type { SalesforceObject } from '../../../../connectors/salesforce/salesforce-objects.js';
import { QUERY_URL_BUDGET } from '../../../../connectors/salesforce/soql-url-chunks.js';
import { SOQL_MAX_LENGTH } from '../../../../connectors/salesforce/soql.js';
import { loadMapping, loadMappingFromText } from '../../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../../src/mapping/mapping-schema.js';
import type { Lead } from '../../../../src/model/lead.js';
import { answer, api, FakeQueries, idOf, INSTANCE, QUERY, record } from './query-harness.js';

const root = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));

const [LEAD_A, LEAD_B] = [idOf('00Q', 1), idOf('00Q', 2)];
const CONTACT_A = idOf('003', 1);

const campaign = (type: string, name: string) => ({
  attributes: { type: 'Campaign', url: `/services/data/v62.0/sobjects/Campaign/${idOf('701', 1)}` },
  Type: type,
  Name: name,
});

const lead = (id: string, object: SalesforceObject = 'Lead'): Lead => ({
  ref: { crm: 'salesforce', object, id },
  activities: [],
});

const options = { batchSize: 2000, onProblem: () => {} };
let leadMapping: Mapping;
let contactMapping: Mapping;

beforeAll(async () => {
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  leadMapping = await loadMapping(root('mappings/salesforce.yaml'));
  contactMapping = await loadMapping(root('mappings/salesforce-contact.yaml'));
});
afterEach(() => {
  // The query interceptor persists; only the queryMore pages must all have been asked for.
  const pending = nock.pendingMocks().filter((mock) => !mock.endsWith(QUERY));
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

describe('attachActivities for a page of Leads', () => {
  it('sends one query per mapped object, selecting only the relation field and the mapping’s fields', async () => {
    const fake = new FakeQueries({
      Task: () => answer([]),
      Event: () => answer([]),
      EmailMessageRelation: () => answer([]),
      CampaignMember: () => answer([]),
    });
    const stats = await attachActivities(api(), leadMapping, 'Lead', [lead(LEAD_A), lead(LEAD_B)], options);
    const ids = `('${LEAD_A}','${LEAD_B}')`;
    expect([...fake.soql].sort()).toEqual([
      `SELECT Id, LeadId, CreatedDate, Campaign.Type, Campaign.Name, FirstRespondedDate, HasResponded FROM CampaignMember WHERE LeadId IN ${ids}`,
      `SELECT Id, RelationId, EmailMessage.MessageDate, RelationType, EmailMessage.Incoming, EmailMessage.Subject FROM EmailMessageRelation WHERE RelationId IN ${ids}`,
      `SELECT Id, WhoId, ActivityDate, TaskSubtype, IsClosed, Subject, Type FROM Task WHERE WhoId IN ${ids}`,
      `SELECT Id, WhoId, StartDateTime, Subject FROM Event WHERE WhoId IN ${ids}`,
    ]);
    expect(stats).toEqual({ queries: 4, queryMores: 0, records: 0, activities: 0 });
  });

  it('gives each lead the activities of its own records, every matching mapping one', async () => {
    new FakeQueries({
      Task: () =>
        answer([
          record('Task', {
            Id: idOf('00T', 1),
            WhoId: LEAD_B,
            ActivityDate: '2026-05-18',
            TaskSubtype: 'Call',
            IsClosed: true,
            Subject: 'Discovery',
            Type: 'Call',
          }),
        ]),
      Event: () => answer([]),
      EmailMessageRelation: () => answer([]),
      CampaignMember: () =>
        answer([
          record('CampaignMember', {
            Id: idOf('00v', 1),
            LeadId: LEAD_A,
            CreatedDate: '2026-03-01T09:30:00.000+0000',
            Campaign: campaign('Webinar', 'Scoring 101'),
            FirstRespondedDate: '2026-03-04',
            HasResponded: true,
          }),
        ]),
    });
    const [a, b] = [lead(LEAD_A), lead(LEAD_B)];
    const stats = await attachActivities(api(), leadMapping, 'Lead', [a, b], options);
    expect(a.activities).toEqual([
      { type: 'webinar_registration', at: new Date('2026-03-01T09:30:00.000Z'), campaign: 'Scoring 101' },
      { type: 'webinar_attended', at: new Date('2026-03-04T00:00:00.000Z'), campaign: 'Scoring 101' },
    ]);
    expect(b.activities).toEqual([
      { type: 'call', at: new Date('2026-05-18T00:00:00.000Z'), subject: 'Discovery' },
    ]);
    expect(stats).toEqual({ queries: 4, queryMores: 0, records: 2, activities: 3 });
  });

  it('follows nextRecordsUrl to the end of a query', async () => {
    const task = (n: number) =>
      record('Task', {
        Id: idOf('00T', n),
        WhoId: LEAD_A,
        ActivityDate: `2026-05-${String(n).padStart(2, '0')}`,
        TaskSubtype: 'Call',
        IsClosed: true,
        Subject: `Call ${n}`,
        Type: 'Call',
      });
    const fake = new FakeQueries({ Task: () => answer([task(1), task(2)], `${QUERY}/01gD0000000001-2`) });
    fake.page('01gD0000000001-2', answer([task(3), task(4)], `${QUERY}/01gD0000000001-4`));
    fake.page('01gD0000000001-4', answer([task(5)]));
    const tasksOnly = { ...leadMapping, engagements: { Task: leadMapping.engagements.Task! } };
    const a = lead(LEAD_A);
    const stats = await attachActivities(api(), tasksOnly, 'Lead', [a], options);
    expect(fake.soql).toHaveLength(1);
    expect(fake.more).toEqual(['01gD0000000001-2', '01gD0000000001-4']);
    expect(a.activities.map((x) => x.subject)).toEqual(['Call 1', 'Call 2', 'Call 3', 'Call 4', 'Call 5']);
    expect(stats).toEqual({ queries: 1, queryMores: 2, records: 5, activities: 5 });
  });

  it('cuts a long IN list into queries that each fit a GET, every id asked once', async () => {
    const ids = Array.from({ length: 2000 }, (_, i) => idOf('00Q', i + 1));
    const fake = new FakeQueries({ Event: () => answer([]) });
    const eventsOnly = loadMappingFromText(`
crm: salesforce
object: Lead
fields: { email: Email }
engagements:
  Event: { type: meeting, at: StartDateTime }
scoreProperties:
  { score: S__c, fit: F__c, engagement: E__c, grade: G__c, status: St__c, reasons: R__c, model: M__c, scoredAt: A__c }
`);
    const stats = await attachActivities(
      api(),
      eventsOnly,
      'Lead',
      ids.map((id) => lead(id)),
      options,
    );
    // `'00Q…',` is 27 bytes on the wire: 2,000 ids (54 KB) take five queries of at most 12,000 bytes.
    expect(fake.soql).toHaveLength(5);
    expect(stats.queries).toBe(5);
    for (const [i, soql] of fake.soql.entries()) {
      expect(soql).toMatch(/^SELECT Id, WhoId, StartDateTime FROM Event WHERE WhoId IN \('00Q[^)]+'\)$/);
      expect(soql.length).toBeLessThan(SOQL_MAX_LENGTH);
      expect(new URL(fake.urls[i]!, INSTANCE).search.length).toBeLessThanOrEqual(
        QUERY_URL_BUDGET + '?q='.length,
      );
    }
    const asked = fake.soql.flatMap((soql) => soql.match(/00Q\w{15}/g) ?? []);
    expect(asked.sort()).toEqual([...ids].sort());
  });

  it('queries nothing for a mapping without engagements or a page without leads', async () => {
    const fake = new FakeQueries({});
    const none = { ...leadMapping, engagements: {} };
    expect(await attachActivities(api(), none, 'Lead', [lead(LEAD_A)], options)).toMatchObject({
      queries: 0,
    });
    expect(await attachActivities(api(), leadMapping, 'Lead', [], options)).toMatchObject({ queries: 0 });
    expect(fake.soql).toEqual([]);
  });
});

describe('attachActivities for a page of Contacts', () => {
  it('relates campaign memberships by ContactId, tasks and events by WhoId', async () => {
    const fake = new FakeQueries({
      Task: () => answer([]),
      Event: () =>
        answer([
          record('Event', {
            Id: idOf('00U', 1),
            WhoId: CONTACT_A,
            StartDateTime: '2026-05-18T14:30:00.000+0000',
            Subject: 'Demo',
          }),
        ]),
      EmailMessageRelation: () => answer([]),
      CampaignMember: () => answer([]),
    });
    const contact = lead(CONTACT_A, 'Contact');
    await attachActivities(api(), contactMapping, 'Contact', [contact], options);
    expect(fake.soql.find((soql) => soql.includes('FROM CampaignMember'))).toContain(
      `WHERE ContactId IN ('${CONTACT_A}')`,
    );
    expect(contact.activities).toEqual([
      { type: 'meeting', at: new Date('2026-05-18T14:30:00.000Z'), subject: 'Demo' },
    ]);
  });
});

describe('email replies (EmailMessageRelation)', () => {
  const email = (incoming: boolean) =>
    record('EmailMessage', {
      Id: idOf('02s', incoming ? 1 : 2),
      MessageDate: '2026-06-10T09:30:00.000+0000',
      Incoming: incoming,
      Subject: incoming ? 'Re: pricing' : 'Pricing',
    });
  const relation = (n: number, whose: string, type: string, incoming: boolean) =>
    record('EmailMessageRelation', {
      Id: idOf('0Pg', n),
      RelationId: whose,
      EmailMessage: email(incoming),
      RelationType: type,
    });
  const repliesOnly = (): Mapping => ({
    ...leadMapping,
    engagements: { EmailMessageRelation: leadMapping.engagements.EmailMessageRelation! },
  });

  it('an incoming email the lead sent is one email_reply at its MessageDate; a lead only written to gets none', async () => {
    new FakeQueries({
      EmailMessageRelation: () =>
        answer([
          relation(1, LEAD_A, 'FromAddress', true),
          relation(2, LEAD_B, 'ToAddress', false),
          // Copied on someone else's answer, or sender of an email logged as sent: no reply of theirs.
          relation(3, LEAD_B, 'CcAddress', true),
          relation(4, LEAD_B, 'FromAddress', false),
        ]),
    });
    const [a, b] = [lead(LEAD_A), lead(LEAD_B)];
    const stats = await attachActivities(api(), repliesOnly(), 'Lead', [a, b], options);
    expect(a.activities).toEqual([
      { type: 'email_reply', at: new Date('2026-06-10T09:30:00.000Z'), subject: 'Re: pricing' },
    ]);
    expect(b.activities).toEqual([]);
    expect(stats).toEqual({ queries: 1, queryMores: 0, records: 4, activities: 1 });
  });

  it('relates a Contact’s replies by RelationId too', async () => {
    const fake = new FakeQueries({
      Task: () => answer([]),
      Event: () => answer([]),
      EmailMessageRelation: () => answer([relation(1, CONTACT_A, 'FromAddress', true)]),
      CampaignMember: () => answer([]),
    });
    const contact = lead(CONTACT_A, 'Contact');
    await attachActivities(api(), contactMapping, 'Contact', [contact], options);
    expect(fake.soql.find((soql) => soql.includes('FROM EmailMessageRelation'))).toContain(
      `WHERE RelationId IN ('${CONTACT_A}')`,
    );
    expect(contact.activities.map((x) => x.type)).toEqual(['email_reply']);
  });
});
