import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  isWellFormedId,
  type SalesforceSandbox,
  type SObjectRecord,
} from '../../../../connectors/salesforce/sandbox/index.js';
import { API, call, soql, start } from './sandbox-fixture.js';

// Enhanced Email in the seeded org: EmailMessages, and an EmailMessageRelation per sender and recipient.
const NOW = new Date('2026-06-15T12:00:00Z');
let sandbox: SalesforceSandbox;
beforeAll(async () => {
  sandbox = await start({ leads: 400, contacts: 100, now: () => NOW });
});
afterAll(() => sandbox.stop());

const ms = (value: unknown) => Date.parse(String(value).replace(/\+0000$/, 'Z'));
const relationsOf = (email: SObjectRecord) =>
  sandbox.store.list('EmailMessageRelation').filter((r) => r.EmailMessageId === email.Id);
const party = (email: SObjectRecord, type: string) => {
  const found = relationsOf(email).filter((r) => r.RelationType === type);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('seeded emails', () => {
  it('each email has one FromAddress and one ToAddress relation: the owner and the person', () => {
    const emails = sandbox.store.list('EmailMessage');
    expect(emails.length).toBeGreaterThan(100);
    for (const email of emails) {
      expect(isWellFormedId(email.Id) && String(email.Id).startsWith('02s')).toBe(true);
      expect(relationsOf(email)).toHaveLength(2);
      const [from, to] = [party(email, 'FromAddress'), party(email, 'ToAddress')];
      const [person, owner] = email.Incoming === true ? [from, to] : [to, from];
      expect(String(from.Id).startsWith('0Pg')).toBe(true);
      expect(owner.RelationObjectType).toBe('User');
      expect(['Lead', 'Contact']).toContain(person.RelationObjectType);
      const record = sandbox.store.get(String(person.RelationId))!;
      expect(owner.RelationId).toBe(record.OwnerId);
      expect(person.RelationAddress).toBe(record.Email);
      expect(email.FromAddress).toBe(from.RelationAddress);
      expect(email.ToAddress).toBe(to.RelationAddress);
      expect(ms(email.MessageDate)).toBeLessThanOrEqual(NOW.getTime());
      expect(ms(email.MessageDate)).toBeGreaterThanOrEqual(ms(record.CreatedDate));
      if (record.IsConverted === true) expect(ms(email.MessageDate)).toBeLessThan(ms(record.ConvertedDate));
    }
  });

  it('a reply answers an email sent to the person earlier, and a modest share of people replied', () => {
    const emails = sandbox.store.list('EmailMessage');
    const sent = emails.filter((e) => e.Incoming === false);
    const replies = emails.filter((e) => e.Incoming === true);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.length).toBeLessThan(sent.length / 4);
    const repliers = new Set<unknown>();
    for (const reply of replies) {
      const person = party(reply, 'FromAddress').RelationId;
      repliers.add(person);
      const answered = sent.filter(
        (e) =>
          party(e, 'ToAddress').RelationId === person &&
          `Re: ${String(e.Subject)}` === reply.Subject &&
          ms(e.MessageDate) < ms(reply.MessageDate),
      );
      expect(answered.length).toBeGreaterThan(0);
    }
    const people = sandbox.store.count('Lead') + sandbox.store.count('Contact');
    expect(repliers.size / people).toBeGreaterThan(0.03);
    expect(repliers.size / people).toBeLessThan(0.13);
  });

  it('is deterministic for a seed and clock', async () => {
    const again = await start({ leads: 400, contacts: 100, now: () => NOW });
    try {
      for (const type of ['EmailMessage', 'EmailMessageRelation'])
        expect(again.store.list(type)).toEqual(sandbox.store.list(type));
    } finally {
      await again.stop();
    }
  });
});

describe('EmailMessageRelation through the API', () => {
  it('describes its polymorphic RelationId, its restricted RelationType and the EmailMessage lookup', async () => {
    const reply = await call(sandbox, 'GET', `${API}/sobjects/EmailMessageRelation/describe`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ name: 'EmailMessageRelation', keyPrefix: '0Pg' });
    const byName = new Map(reply.body.fields.map((f: { name: string }) => [f.name, f]));
    expect(byName.get('RelationId')).toMatchObject({
      type: 'reference',
      referenceTo: ['Contact', 'Lead', 'User'],
      relationshipName: 'Relation',
    });
    expect(byName.get('EmailMessageId')).toMatchObject({
      referenceTo: ['EmailMessage'],
      relationshipName: 'EmailMessage',
    });
    expect(byName.get('RelationType')).toMatchObject({ type: 'picklist', restrictedPicklist: true });
    const email = await call(sandbox, 'GET', `${API}/sobjects/EmailMessage/describe`);
    expect(email.body).toMatchObject({ name: 'EmailMessage', keyPrefix: '02s' });
    const incoming = email.body.fields.find((f: { name: string }) => f.name === 'Incoming');
    expect(incoming).toMatchObject({ type: 'boolean', updateable: false, createable: true });
  });

  it('answers RelationId IN (…) with the email nested, and filters on its fields', async () => {
    const replied = sandbox.store
      .list('EmailMessageRelation')
      .filter((r) => r.RelationType === 'FromAddress' && r.RelationObjectType !== 'User')
      .slice(0, 5);
    const ids = [...new Set(replied.map((r) => String(r.RelationId)))];
    const list = `(${ids.map((id) => `'${id}'`).join(',')})`;
    const all = await soql(
      sandbox,
      `SELECT Id, RelationId, RelationType, EmailMessage.Incoming, EmailMessage.MessageDate, EmailMessage.Subject FROM EmailMessageRelation WHERE RelationId IN ${list}`,
    );
    expect(all.status).toBe(200);
    const expected = sandbox.store
      .list('EmailMessageRelation')
      .filter((r) => ids.includes(String(r.RelationId)));
    expect(all.body.records.map((r: SObjectRecord) => r.Id).sort()).toEqual(expected.map((r) => r.Id).sort());
    const first = all.body.records.find((r: SObjectRecord) => r.Id === replied[0]!.Id);
    const message = sandbox.store.get(String(replied[0]!.EmailMessageId))!;
    expect(first.EmailMessage).toEqual({
      attributes: { type: 'EmailMessage', url: expect.stringContaining(String(message.Id)) },
      Incoming: true,
      MessageDate: message.MessageDate,
      Subject: message.Subject,
    });

    const filtered = await soql(
      sandbox,
      `SELECT Id FROM EmailMessageRelation WHERE RelationId IN ${list} AND RelationType = 'FromAddress' AND EmailMessage.Incoming = true`,
    );
    const replies = expected.filter(
      (r) =>
        r.RelationType === 'FromAddress' && sandbox.store.get(String(r.EmailMessageId))?.Incoming === true,
    );
    expect(replies.length).toBeGreaterThanOrEqual(replied.length);
    expect(filtered.body.records.map((r: SObjectRecord) => r.Id).sort()).toEqual(
      replies.map((r) => r.Id).sort(),
    );
  });
});
