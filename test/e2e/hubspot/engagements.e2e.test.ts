import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@hubspot/api-client';
import { fileURLToPath } from 'node:url';
import type { EngagementApi } from '../../../connectors/hubspot/engagement-associations.js';
import { NO_ASSOCIATIONS_FOUND } from '../../../connectors/hubspot/engagement-associations.js';
import { HubSpotApi } from '../../../connectors/hubspot/hubspot-api.js';
import { DEFAULT_HUBSPOT_LIMITS, hubSpotPolicy } from '../../../connectors/hubspot/hubspot-policy.js';
import { HubSpotTokenSource } from '../../../connectors/hubspot/hubspot-token-source.js';
import { readAllContacts, readContactsBy } from '../../../connectors/hubspot/read-contacts.js';
import type { HubSpotRecord } from '../../../connectors/hubspot/read-contacts.js';
import { attachEngagements } from '../../../connectors/hubspot/read-engagements.js';
import { startHubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { HubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import { ConnectorRequestError } from '../../../src/connector/connector-errors.js';
import { RequestScheduler } from '../../../src/http/request-scheduler.js';
import { recordToLead } from '../../../src/mapping/apply-mapping.js';
import type { RecordProblem } from '../../../src/mapping/crm-record.js';
import { engagementProperties, loadMapping, requiredProperties } from '../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../src/mapping/mapping-schema.js';
import type { Lead } from '../../../src/model/lead.js';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const CONTACTS = 250;
const ASSOCIATION_ROUTE = 'POST /crm/v4/associations/contacts/{toObjectType}/batch/read';
const OBJECT_ROUTE = 'POST /crm/v3/objects/{objectType}/batch/read';

let sandbox: HubSpotSandbox;
let mapping: Mapping;
let api: HubSpotApi;
const problems: RecordProblem[] = [];
const onProblem = (p: RecordProblem) => problems.push(p);

beforeAll(async () => {
  sandbox = await startHubSpotSandbox({ contacts: CONTACTS, limits: { perTenSeconds: 1000 } });
  mapping = await loadMapping(root('mappings/hubspot.yaml'));
  api = new HubSpotApi(
    new HubSpotTokenSource({ kind: 'private-app', accessToken: sandbox.privateAppToken }, sandbox.url),
    new RequestScheduler({ policy: hubSpotPolicy(DEFAULT_HUBSPOT_LIMITS) }),
    sandbox.url,
  );
});
afterAll(async () => {
  await sandbox.stop();
});

// Leads as the adapter builds them (contact properties and rollups), without its own engagement step.
const toLeads = (records: HubSpotRecord[]): Lead[] =>
  records.map((record) => recordToLead(mapping, record, { crm: 'hubspot', object: 'contact', onProblem }));

async function contactPages(): Promise<Lead[][]> {
  const pages: Lead[][] = [];
  for await (const page of readAllContacts(api, requiredProperties(mapping)))
    pages.push(toLeads(page.records));
  return pages;
}

async function leadsById(ids: string[]): Promise<Lead[]> {
  const leads: Lead[] = [];
  for await (const records of readContactsBy(api, requiredProperties(mapping), 'hs_object_id', ids)) {
    leads.push(...toLeads(records));
  }
  return leads;
}

interface Seen {
  type: string;
  at: number;
}
const byTypeAndTime = (a: Seen, b: Seen) => a.type.localeCompare(b.type) || a.at - b.at;
const seen = (activities: Lead['activities']): Seen[] =>
  activities.map((a) => ({ type: a.type, at: a.at.getTime() })).sort(byTypeAndTime);

/** What the portal holds for a contact, as the mapping turns it into activities. */
function expectedFor(contactId: string): Seen[] {
  const out: Seen[] = [];
  const add = (type: string, timestamp: string | undefined) => {
    const at = Date.parse(timestamp ?? '');
    if (Number.isFinite(at)) out.push({ type, at });
  };
  for (const e of sandbox.store.listEngagements('meetings', contactId))
    add('meeting', e.properties.hs_timestamp);
  for (const e of sandbox.store.listEngagements('calls', contactId)) add('call', e.properties.hs_timestamp);
  for (const e of sandbox.store.listEngagements('emails', contactId)) {
    if (e.properties.hs_email_direction === 'INCOMING_EMAIL') add('email_reply', e.properties.hs_timestamp);
  }
  return out.sort(byTypeAndTime);
}

/** Attaches and returns, per lead, the rollup activities it had and the activities added. */
async function attach(leads: Lead[]): Promise<Map<string, { before: Seen[]; added: Seen[] }>> {
  const before = new Map(leads.map((l) => [l.ref.id, l.activities.length]));
  const rollups = new Map(leads.map((l) => [l.ref.id, seen(l.activities)]));
  await attachEngagements(api, mapping, leads, onProblem);
  return new Map(
    leads.map((l) => [
      l.ref.id,
      { before: rollups.get(l.ref.id)!, added: seen(l.activities.slice(before.get(l.ref.id))) },
    ]),
  );
}

describe('HubSpot engagements against the sandbox', () => {
  it('turns meetings, calls and incoming emails into activities at their hs_timestamp; outgoing emails into nothing', async () => {
    const pages = await contactPages();
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    let withOutgoing = 0;
    let added = 0;
    for (const leads of pages) {
      const result = await attach(leads);
      for (const lead of leads) {
        const got = result.get(lead.ref.id)!;
        expect({ id: lead.ref.id, added: got.added }).toEqual({
          id: lead.ref.id,
          added: expectedFor(lead.ref.id),
        });
        // The rollup activities stay as they were, in front.
        expect(seen(lead.activities.slice(0, got.before.length))).toEqual(got.before);
        added += got.added.length;
        const outgoing = sandbox.store
          .listEngagements('emails', lead.ref.id)
          .filter((e) => e.properties.hs_email_direction !== 'INCOMING_EMAIL');
        if (outgoing.length > 0) withOutgoing++;
      }
    }
    expect(added).toBeGreaterThan(CONTACTS);
    expect(withOutgoing).toBeGreaterThan(0);
    const kinds = new Set(pages.flat().flatMap((l) => l.activities.map((a) => a.type)));
    expect([...kinds]).toEqual(expect.arrayContaining(['meeting', 'call', 'email_reply']));
  });

  it('leaves a contact with no engagements its rollup activities only', async () => {
    const none = sandbox.store
      .listContacts()
      .map((c) => c.id)
      .filter((id) =>
        (['emails', 'meetings', 'calls'] as const).every((t) => !sandbox.store.listEngagements(t, id).length),
      );
    expect(none.length).toBeGreaterThan(0);
    const [lead] = await leadsById([none[0]!]);
    const rollups = structuredClone(lead!.activities);
    await attachEngagements(api, mapping, [lead!], onProblem);
    expect(lead!.activities).toEqual(rollups);
  });

  it('an outgoing email gives nothing while an incoming one gives an email_reply', async () => {
    const contactId = sandbox.store.listContacts()[3]!.id;
    const sent = sandbox.store.addEngagement({
      type: 'emails',
      contactId,
      properties: { hs_timestamp: '2026-03-02T10:00:00.000Z', hs_email_direction: 'EMAIL' },
    });
    const reply = sandbox.store.addEngagement({
      type: 'emails',
      contactId,
      properties: { hs_timestamp: '2026-03-03T11:30:00.000Z', hs_email_direction: 'INCOMING_EMAIL' },
    });
    const result = await attach(await leadsById([contactId]));
    const added = result.get(contactId)!.added;
    expect(added).toContainEqual({ type: 'email_reply', at: Date.parse(reply.properties.hs_timestamp!) });
    expect(added.some((a) => a.at === Date.parse(sent.properties.hs_timestamp!))).toBe(false);
  });

  it('shows an engagement added in the portal on the next read', async () => {
    const contactId = sandbox.store.listContacts()[42]!.id;
    const first = await attach(await leadsById([contactId]));
    const meeting = sandbox.store.addEngagement({
      type: 'meetings',
      contactId,
      properties: { hs_timestamp: '2026-05-20T14:00:00.000Z', hs_meeting_title: 'Demo' },
    });
    const second = await attach(await leadsById([contactId]));
    const at = Date.parse('2026-05-20T14:00:00.000Z');
    expect(first.get(contactId)!.added).not.toContainEqual({ type: 'meeting', at });
    expect(second.get(contactId)!.added).toEqual(
      [...first.get(contactId)!.added, { type: 'meeting', at }].sort(byTypeAndTime),
    );
    expect(meeting.contactIds).toEqual([contactId]);
  });

  it('reports an engagement with an unreadable hs_timestamp and skips it', async () => {
    const contactId = sandbox.store.listContacts()[7]!.id;
    const call = sandbox.store.addEngagement({
      type: 'calls',
      contactId,
      properties: { hs_timestamp: 'next tuesday' },
    });
    problems.length = 0;
    const result = await attach(await leadsById([contactId]));
    expect(result.get(contactId)!.added).toEqual(expectedFor(contactId));
    expect(problems).toEqual([
      expect.objectContaining({
        crm: 'hubspot',
        object: 'calls',
        recordId: call.id,
        property: 'hs_timestamp',
        code: 'invalid_date',
      }),
    ]);
  });

  it('sends per page (100 or 200 contacts) one association read per type and ⌈ids/100⌉ object reads per type, nothing more', async () => {
    const types = Object.keys(mapping.engagements) as ('emails' | 'meetings' | 'calls')[];
    const pages = await contactPages();
    // A search page holds 200 contacts: still one association read per type (HubSpot takes 1,000 inputs).
    for (const leads of [...pages, [...pages[0]!, ...pages[1]!]]) {
      const ids = new Set(leads.map((l) => l.ref.id));
      const objectReads = types
        .map((type) =>
          sandbox.store.listEngagements(type).filter((e) => e.contactIds.some((c) => ids.has(c))),
        )
        .reduce((sum, engagements) => sum + Math.ceil(engagements.length / 100), 0);
      sandbox.resetStats();
      const stats = await attachEngagements(api, mapping, leads, onProblem);
      const calls = sandbox.stats();
      expect(calls.calls).toEqual({ [ASSOCIATION_ROUTE]: types.length, [OBJECT_ROUTE]: objectReads });
      expect(calls.total).toBe(types.length + objectReads);
      expect(stats).toMatchObject({ associationReads: types.length, objectReads });
      expect(objectReads).toBeGreaterThan(types.length);
    }
  });
});

// ---- The parts the sandbox cannot show: per-contact association paging, engagements shared by
// ---- contacts, objects deleted between the two reads, error entries other than "no associations".

interface FakePortal {
  /** objectType → contact id → associated ids. */
  links: Record<string, Record<string, string[]>>;
  /** Ids deleted after the association read. */
  deleted?: Set<string>;
  /** An extra error entry the association read answers with. */
  associationError?: { category: string; message: string; subCategory?: string };
}

const PAGE = 100;

function fakeApi(portal: FakePortal) {
  // `send` calls the client synchronously, so the body lands on the request `call` just recorded.
  const requests: { endpoint: string; body?: unknown }[] = [];
  const record = (body: unknown) => {
    requests[requests.length - 1]!.body = body;
  };
  const associations = (to: string, body: { inputs: { id: string; after?: string }[] }) => {
    record(body);
    const results: unknown[] = [];
    const errors: unknown[] = [];
    for (const { id, after } of body.inputs) {
      const all = portal.links[to]?.[id] ?? [];
      if (all.length === 0) {
        errors.push({ category: 'OBJECT_NOT_FOUND', subCategory: NO_ASSOCIATIONS_FOUND, message: 'none' });
        continue;
      }
      const start = Number(after ?? 0);
      const more = start + PAGE < all.length;
      results.push({
        _from: { id },
        to: all.slice(start, start + PAGE).map((toObjectId) => ({ toObjectId, associationTypes: [] })),
        ...(more ? { paging: { next: { after: String(start + PAGE) } } } : {}),
      });
    }
    if (portal.associationError) errors.push(portal.associationError);
    return Promise.resolve({ data: { status: 'COMPLETE', results, errors }, headers: {} });
  };
  const objects = (type: string, body: { properties: string[]; inputs: { id: string }[] }) => {
    record(body);
    const ids = body.inputs.map(({ id }) => id);
    const missing = ids.filter((id) => portal.deleted?.has(id));
    const value = (id: string, property: string) =>
      property === 'hs_timestamp'
        ? new Date(Number(id) * 60_000).toISOString()
        : type === 'emails'
          ? 'INCOMING_EMAIL'
          : null;
    const results = ids
      .filter((id) => !portal.deleted?.has(id))
      .map((id) => ({ id, properties: Object.fromEntries(body.properties.map((p) => [p, value(id, p)])) }));
    const errors = missing.length
      ? [{ category: 'OBJECT_NOT_FOUND', message: 'gone', context: { ids: missing } }]
      : [];
    return Promise.resolve({ data: { status: 'COMPLETE', results, errors }, headers: {} });
  };
  const client = {
    crm: {
      associations: {
        v4: {
          batchApi: {
            getPageWithHttpInfo: (_from: string, to: string, body: never) => associations(to, body),
          },
        },
      },
      objects: { batchApi: { readWithHttpInfo: objects } },
    },
  } as unknown as Client;
  const api: EngagementApi = {
    call: async (endpoint, send) => {
      requests.push({ endpoint });
      return (await send(client)).data;
    },
  };
  return { api, requests };
}

const fakeLead = (id: string): Lead => ({ ref: { crm: 'hubspot', object: 'contact', id }, activities: [] });
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => String(from + i));

describe('attachEngagements against a stubbed client', () => {
  it('follows per-contact paging, reads a shared engagement once and gives it to each contact', async () => {
    const many = range(1000, 250);
    const { api: stub, requests } = fakeApi({
      links: { meetings: { '1': many, '2': ['1000', '1001'] }, calls: { '2': ['5000'] } },
      deleted: new Set(['1003']),
    });
    const leads = ['1', '2', '3'].map(fakeLead);
    const stats = await attachEngagements(stub, mapping, leads, () => {});

    const associationBodies = requests.filter((r) => r.endpoint.includes('/associations/contacts/meetings/'));
    expect(associationBodies.map((r) => r.body)).toEqual([
      { inputs: [{ id: '1' }, { id: '2' }, { id: '3' }] },
      { inputs: [{ id: '1', after: '100' }] },
      { inputs: [{ id: '1', after: '200' }] },
    ]);
    const meetingReads = requests.filter((r) => r.endpoint === 'POST /crm/v3/objects/meetings/batch/read');
    expect(meetingReads.map((r) => (r.body as { inputs: unknown[] }).inputs.length)).toEqual([100, 100, 50]);
    expect(
      meetingReads.every(
        (r) =>
          (r.body as { properties: string[] }).properties.join() ===
          engagementProperties(mapping, 'meetings').join(),
      ),
    ).toBe(true);
    expect(stats).toEqual({ associationReads: 5, objectReads: 4, engagements: 250, activities: 249 + 2 + 1 });

    expect(leads[0]!.activities).toHaveLength(249);
    expect(leads[0]!.activities.every((a) => a.type === 'meeting')).toBe(true);
    expect(leads[1]!.activities.map((a) => a.type).sort()).toEqual(['call', 'meeting', 'meeting']);
    expect(leads[1]!.activities.find((a) => a.type === 'call')?.at).toEqual(new Date(5000 * 60_000));
    expect(leads[2]!.activities).toEqual([]);
  });

  it('sends nothing for an empty page', async () => {
    const { api: stub, requests } = fakeApi({ links: {} });
    const stats = await attachEngagements(stub, mapping, [], () => {});
    expect(requests).toEqual([]);
    expect(stats).toEqual({ associationReads: 0, objectReads: 0, engagements: 0, activities: 0 });
  });

  it('fails on an association error entry other than "no associations found"', async () => {
    const { api: stub } = fakeApi({
      links: { meetings: { '1': ['1000'] } },
      associationError: { category: 'VALIDATION_ERROR', message: 'Invalid object id 1x' },
    });
    const failure = attachEngagements(stub, mapping, [fakeLead('1')], () => {});
    await expect(failure).rejects.toThrow(ConnectorRequestError);
    await expect(failure).rejects.toThrow(/VALIDATION_ERROR: Invalid object id 1x/);
  });
});
