/**
 * Email replies through the adapter and the shipped mappings against the sandbox: Enhanced Email keeps an
 * email as an EmailMessage and its sender and recipients as EmailMessageRelation records, and a reply is
 * an incoming email whose FromAddress relation is the person. The companion of activities.e2e.test.ts,
 * which checks every person's activities (replies among them) against the seeded records.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SalesforceAdapter } from '../../../connectors/salesforce/salesforce-adapter.js';
import type { ObjectMappings } from '../../../connectors/salesforce/salesforce-objects.js';
import type { SalesforceSandbox, SObjectRecord } from '../../../connectors/salesforce/sandbox/index.js';
import type { Mapping } from '../../../src/mapping/mapping-schema.js';
import type { RecordProblem } from '../../../src/mapping/crm-record.js';
import type { Lead } from '../../../src/model/lead.js';
import { emailRelations, instant } from './expected-activities.js';
import { startActivitiesOrg } from './activities-org.js';

let sandbox: SalesforceSandbox;
let leadMapping: Mapping;
let contactMapping: Mapping;
const problems: RecordProblem[] = [];

beforeAll(async () => {
  ({ sandbox, leadMapping, contactMapping } = await startActivitiesOrg({
    leads: 300,
    contacts: 100,
    seed: 11,
  }));
});
afterAll(async () => {
  await sandbox.stop();
  expect(problems).toEqual([]);
});

const adapter = (objects: ObjectMappings) =>
  new SalesforceAdapter({
    credentials: { instanceUrl: sandbox.instanceUrl, accessToken: sandbox.accessToken },
    objects,
    onProblem: (problem) => problems.push(problem),
  });

async function read(objects: ObjectMappings, ids?: string[]): Promise<Lead[]> {
  const leads: Lead[] = [];
  const query = ids ? { kind: 'ids' as const, ids } : { kind: 'full' as const };
  for await (const page of adapter(objects).read(query)) leads.push(...page.leads);
  return leads;
}

const replies = (lead: Lead) =>
  lead.activities
    .filter((a) => a.type === 'email_reply')
    .map((a) => `${a.at.toISOString()} ${String(a.subject)}`)
    .sort();

/** The seeded emails the person sent that the org received, as `at subject` lines. */
function seededReplies(personId: string): string[] {
  return emailRelations(sandbox.store, new Set([personId]))
    .filter((r) => r.RelationType === 'FromAddress')
    .map((r) => sandbox.store.get(String(r.EmailMessageId))!)
    .filter((email) => email.Incoming === true)
    .map((email) => `${instant(email.MessageDate).toISOString()} ${String(email.Subject)}`)
    .sort();
}

const user = () => sandbox.store.list('User')[0]!;

/** An email and its FromAddress and ToAddress relations, as Salesforce files one. */
function fileEmail(from: SObjectRecord, to: SObjectRecord, incoming: boolean, at: string, subject: string) {
  const email = sandbox.store.create('EmailMessage', {
    Subject: subject,
    FromAddress: String(from.Email),
    ToAddress: String(to.Email),
    Incoming: incoming,
    MessageDate: at,
    Status: incoming ? '1' : '3',
  });
  for (const [party, type] of [
    [from, 'FromAddress'],
    [to, 'ToAddress'],
  ] as const) {
    sandbox.store.create('EmailMessageRelation', {
      EmailMessageId: String(email.Id),
      RelationId: String(party.Id),
      RelationObjectType: sandbox.store.schema.forId(String(party.Id))!.name,
      RelationType: type,
      RelationAddress: String(party.Email),
    });
  }
}

describe('email replies', () => {
  it('each incoming email a Lead or Contact sent is one email_reply at its MessageDate, with its subject', async () => {
    const people = await read({ Lead: leadMapping, Contact: contactMapping });
    for (const person of people) expect(replies(person)).toEqual(seededReplies(person.ref.id));
    const repliers = people.filter((p) => replies(p).length > 0);
    expect(repliers.some((p) => p.ref.object === 'Lead')).toBe(true);
    expect(repliers.some((p) => p.ref.object === 'Contact')).toBe(true);
    // The owners' own emails are most of the org's: a person only written to has no reply.
    const written = new Set(
      sandbox.store
        .list('EmailMessageRelation')
        .filter((r) => r.RelationType === 'ToAddress' && r.RelationObjectType !== 'User')
        .map((r) => String(r.RelationId)),
    );
    expect(people.filter((p) => written.has(p.ref.id)).length).toBeGreaterThan(repliers.length);
    expect(repliers.length / people.length).toBeLessThan(0.15);
  });

  it('asks EmailMessageRelation by RelationId, reading the email through the EmailMessage lookup', async () => {
    const before = sandbox.store.queryLog().length;
    await read({ Lead: leadMapping });
    const asked = sandbox.store
      .queryLog()
      .slice(before)
      .map((q) => q.soql)
      .filter((soql) => soql.includes('FROM EmailMessageRelation'));
    expect(asked.length).toBeGreaterThan(0);
    for (const soql of asked) {
      expect(soql).toMatch(
        /^SELECT Id, RelationId, EmailMessage\.MessageDate, RelationType, EmailMessage\.Incoming, EmailMessage\.Subject FROM EmailMessageRelation WHERE RelationId IN \('00Q/,
      );
    }
  });

  it('an email to the lead or one it is copied on is no reply; the email it sends back is', async () => {
    const lead = sandbox.store.create('Lead', {
      LastName: 'Okafor',
      Company: 'Northwind',
      Email: 'ana.okafor@northwind.example',
      Status: 'Open - Not Contacted',
      IsConverted: false,
      OwnerId: String(user().Id),
    });
    const id = String(lead.Id);
    fileEmail(user(), lead, false, '2026-06-09T08:00:00.000Z', 'Pricing');
    const colleague = sandbox.store.list('Contact')[0]!;
    fileEmail(colleague, user(), true, '2026-06-09T12:00:00.000Z', 'Re: Pricing');
    sandbox.store.create('EmailMessageRelation', {
      EmailMessageId: String(sandbox.store.list('EmailMessage').at(-1)!.Id),
      RelationId: id,
      RelationObjectType: 'Lead',
      RelationType: 'CcAddress',
      RelationAddress: String(lead.Email),
    });
    expect((await read({ Lead: leadMapping }, [id]))[0]!.activities).toEqual([]);

    fileEmail(lead, user(), true, '2026-06-10T09:30:00.000Z', 'Re: Pricing');
    expect((await read({ Lead: leadMapping }, [id]))[0]!.activities).toEqual([
      { type: 'email_reply', at: new Date('2026-06-10T09:30:00.000Z'), subject: 'Re: Pricing' },
    ]);
  });

  it('check describes EmailMessageRelation and, through its lookup, EmailMessage', async () => {
    await expect(adapter({ Lead: leadMapping, Contact: contactMapping }).check()).resolves.toBeUndefined();
    const reply = leadMapping.engagements.EmailMessageRelation![0]!;
    const misspelt: Mapping = {
      ...leadMapping,
      engagements: { EmailMessageRelation: [{ ...reply, at: 'EmailMessage.MessageDat' }] },
    };
    await expect(adapter({ Lead: misspelt }).check()).rejects.toThrow(/EmailMessage has no field MessageDat/);
  });
});
