import { KEY_PREFIXES, makeId } from '../ids.js';
import type { Prng } from '../../../sandbox-kit/prng.js';
import { formatDateTime, parseTemporal, type SObjectRecord } from './field-types.js';
import { EMAIL_SUBJECTS, REPLY_BODIES } from './seed-vocabulary.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Where an owner's email comes from when the owner is no User of the org (a queue). */
const SHARED_INBOX = 'sales@sandbox.example';

export interface EmailTables {
  messages: SObjectRecord[];
  relations: SObjectRecord[];
}

interface Party {
  /** The Lead, Contact or User the address matched; null when none. */
  id: string | null;
  type: string | null;
  name: string | null;
  address: string;
}

/**
 * Emails between the owners and their people, as Enhanced Email keeps them: about a third of the people
 * with an address were sent 1-3 emails by their owner (Incoming false), and each email was answered with a
 * chance of 12% (Incoming true, from the person to the owner, hours to days later, before now), so that
 * about 8% of the people replied. A converted Lead's emails come before its conversion: after that, the
 * Contact is the one written to. Every email has a FromAddress and a ToAddress relation.
 */
export function seedEmails(
  prng: Prng,
  people: readonly SObjectRecord[],
  users: readonly SObjectRecord[],
  nowMs: number,
): EmailTables {
  const tables: EmailTables = { messages: [], relations: [] };
  for (const who of people) {
    if (!prng.chance(0.35) || typeof who.Email !== 'string' || typeof who.Id !== 'string') continue;
    const person = personParty(who);
    const owner = ownerParty(users, who.OwnerId ?? null);
    const from = parseTemporal(who.CreatedDate ?? null) ?? nowMs - 365 * DAY_MS;
    const until = Math.min(nowMs, parseTemporal(who.ConvertedDate ?? null) ?? nowMs);
    for (let k = prng.int(1, 3); k > 0; k--) {
      const sentMs = from + Math.floor(prng.next() * Math.max(1, until - from));
      const subject = prng.pick(EMAIL_SUBJECTS);
      addEmail(tables, { from: owner, to: person, subject, body: null, incoming: false, at: sentMs });
      if (!prng.chance(0.12)) continue;
      const repliedMs = sentMs + prng.int(1, 72) * HOUR_MS + prng.int(0, HOUR_MS - 1);
      const body = prng.pick(REPLY_BODIES);
      if (repliedMs >= until) continue;
      addEmail(tables, {
        from: person,
        to: owner,
        subject: `Re: ${subject}`,
        body,
        incoming: true,
        at: repliedMs,
      });
    }
  }
  return tables;
}

function personParty(who: SObjectRecord): Party {
  const id = String(who.Id);
  return {
    id,
    type: id.startsWith(KEY_PREFIXES.Lead) ? 'Lead' : 'Contact',
    name: typeof who.Name === 'string' ? who.Name : null,
    address: String(who.Email),
  };
}

function ownerParty(users: readonly SObjectRecord[], ownerId: unknown): Party {
  const user = users.find((u) => u.Id === ownerId);
  if (!user) return { id: null, type: null, name: null, address: SHARED_INBOX };
  const name = typeof user.Name === 'string' ? user.Name : null;
  return { id: String(user.Id), type: 'User', name, address: String(user.Email) };
}

interface Email {
  from: Party;
  to: Party;
  subject: string;
  body: string | null;
  incoming: boolean;
  at: number;
}

function addEmail(tables: EmailTables, email: Email): void {
  const stamp = formatDateTime(email.at);
  const id = makeId(KEY_PREFIXES.EmailMessage, tables.messages.length + 1);
  tables.messages.push({
    Id: id,
    Subject: email.subject,
    TextBody: email.body,
    FromName: email.from.name,
    FromAddress: email.from.address,
    ToAddress: email.to.address,
    CcAddress: null,
    Incoming: email.incoming,
    MessageDate: stamp,
    // 1 Read for an email received, 3 Sent for one sent.
    Status: email.incoming ? '1' : '3',
    ActivityId: null,
    CreatedDate: stamp,
    LastModifiedDate: stamp,
    SystemModstamp: stamp,
  });
  for (const [party, type] of [
    [email.from, 'FromAddress'],
    [email.to, 'ToAddress'],
  ] as const) {
    tables.relations.push({
      Id: makeId(KEY_PREFIXES.EmailMessageRelation, tables.relations.length + 1),
      EmailMessageId: id,
      RelationId: party.id,
      RelationObjectType: party.type,
      RelationType: type,
      RelationAddress: party.address,
      CreatedDate: stamp,
      SystemModstamp: stamp,
    });
  }
}
