import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Lead } from '../../../src/model/lead.js';
import { scoreLead } from '../../../src/scoring/score-lead.js';
import { processLockOwner } from '../../../src/state/index.js';
import type { Harness } from './sync-harness.js';
import { scoreState, startHarness } from './sync-harness.js';

const CONTACTS = 400;
let clock = new Date('2026-06-15T12:00:00.000Z');
const now = () => clock;
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
let h: Harness;

async function readLead(id: string): Promise<Lead> {
  for await (const page of h.adapter().read({ kind: 'ids', ids: [id] })) {
    const lead = page.leads[0];
    if (lead) return lead;
  }
  throw new Error(`no contact ${id}`);
}

beforeAll(async () => {
  h = await startHarness({
    sandbox: { contacts: CONTACTS, seed: 7, limits: { perTenSeconds: 1000 }, now },
    now,
  });
});
afterAll(async () => {
  await h.close();
});

describe('sync pipeline against the HubSpot sandbox', () => {
  it('a first full sync scores and writes every contact and hands every MQL off once', async () => {
    const report = await h.sync({ kind: 'full' });
    expect(report.status).toBe('ok');
    expect(report.counts.read).toBe(CONTACTS);
    expect(report.counts.written).toBe(CONTACTS);
    expect(report.counts.failed).toBe(0);
    const contacts = h.sandbox.store.listContacts();
    expect(contacts.every((c) => c.properties.leadscore_score !== undefined)).toBe(true);
    const mqls = contacts.filter((c) => c.properties.leadscore_mql_status === 'mql');
    expect(mqls.length).toBeGreaterThan(0);
    expect(report.counts.handedOff).toBe(mqls.length);
    const tasks = h.sandbox.store.listTasks();
    expect(tasks).toHaveLength(mqls.length);
    expect(new Set(tasks.flatMap((t) => t.contactIds))).toEqual(new Set(mqls.map((c) => c.id)));
  });

  it('a second run over unchanged data writes nothing and hands nothing off', async () => {
    const tasksBefore = h.sandbox.store.listTasks().length;
    const full = await h.sync({ kind: 'full' });
    expect(full.counts).toMatchObject({ read: CONTACTS, written: 0, handedOff: 0, failed: 0 });
    expect(full.apiCallsByEndpoint['POST /crm/v3/objects/contacts/batch/update']).toBeUndefined();
    expect(h.sandbox.store.listTasks()).toHaveLength(tasksBefore);
  });

  it('an incremental sync after edits rewrites exactly the edited contacts with the right values', async () => {
    // Our own writes moved lastmodifieddate: one incremental run re-reads them (the 5-minute overlap kept
    // against clock skew), writes nothing, and moves the cursor to its own start.
    advance(10 * 60_000);
    const settle = await h.sync({ kind: 'incremental' });
    expect(settle.counts.written).toBe(0);
    advance(60_000);
    const nurtured = h.sandbox.store
      .listContacts()
      .filter((c) => c.properties.leadscore_mql_status === 'nurture');
    const reasons = (c: { properties: Record<string, string> }) => c.properties.leadscore_reasons ?? '';
    const visitor = nurtured.find((c) => !reasons(c).includes('Pricing page'))!;
    const promoted = nurtured.find((c) => c !== visitor && !reasons(c).includes('Decision-maker'))!;
    const bounced = nurtured.find(
      (c) => c !== visitor && c !== promoted && Number(c.properties.hs_email_bounce ?? 0) === 0,
    )!;
    // A new pricing-page visit, as HubSpot records it: one more page view, the session time, the page seen.
    h.sandbox.store.editContact(visitor.id, {
      hs_analytics_num_page_views: String(Number(visitor.properties.hs_analytics_num_page_views ?? 0) + 1),
      hs_analytics_last_visit_timestamp: clock.toISOString(),
      hs_analytics_last_url: 'https://www.leadscore.example/pricing',
    });
    h.sandbox.store.editContact(promoted.id, { jobtitle: 'Chief Executive Officer' });
    h.sandbox.store.editContact(bounced.id, {
      hs_email_bounce: '1',
      hs_email_last_send_date: clock.toISOString(),
    });
    const before = scoreState(h.sandbox);
    advance(60_000);

    const report = await h.sync({ kind: 'incremental' });

    const after = scoreState(h.sandbox);
    const changed = [...after]
      .filter(([id, v]) => JSON.stringify(v) !== JSON.stringify(before.get(id)))
      .map(([id]) => id);
    const edited = [visitor.id, promoted.id, bounced.id];
    expect(report.counts.read).toBe(3);
    expect(changed.sort()).toEqual([...edited].sort());
    expect(report.counts.written).toBe(3);
    expect(h.sandbox.store.getContact(visitor.id)!.properties.leadscore_reasons).toContain(
      'Pricing page visit',
    );
    expect(h.sandbox.store.getContact(promoted.id)!.properties.leadscore_reasons).toContain('Decision-maker');
    expect(h.sandbox.store.getContact(bounced.id)!.properties.leadscore_reasons).toContain('Email bounced');
    for (const id of edited) {
      const lead = await readLead(id);
      const expected = scoreLead(h.model, lead, clock);
      expect(lead.current?.score).toBe(expected.score);
      expect(lead.current?.grade).toBe(expected.grade);
    }
  });

  it('sales rejecting an MQL is written back as sales_rejected and never overwritten', async () => {
    const mql = h.sandbox.store.listContacts().find((c) => c.properties.leadscore_mql_status === 'mql')!;
    h.sandbox.store.editContact(mql.id, { hs_lead_status: 'UNQUALIFIED' });
    advance(60_000);
    await h.sync({ kind: 'incremental' });
    expect(h.sandbox.store.getContact(mql.id)!.properties.leadscore_mql_status).toBe('sales_rejected');
    const again = await h.sync({ kind: 'full' });
    expect(again.counts.written).toBe(0);
    expect(h.sandbox.store.getContact(mql.id)!.properties.leadscore_mql_status).toBe('sales_rejected');
  });

  it('sales accepting a lead (lead status CONNECTED) is written back as sales_accepted', async () => {
    const mql = h.sandbox.store.listContacts().find((c) => c.properties.leadscore_mql_status === 'mql')!;
    h.sandbox.store.editContact(mql.id, { hs_lead_status: 'CONNECTED' });
    advance(60_000);
    await h.sync({ kind: 'incremental' });
    expect(h.sandbox.store.getContact(mql.id)!.properties.leadscore_mql_status).toBe('sales_accepted');
  });

  it('a record the CRM rejects lands in dead letters with the CRM reason, and the run goes on', async () => {
    // An admin removed grade C from the property's options: HubSpot refuses every write of a C.
    const grade = h.sandbox.store.getProperty('leadscore_grade')!;
    const res = await fetch(`${h.sandbox.url}/crm/v3/properties/contacts/leadscore_grade`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${h.sandbox.privateAppToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ options: grade.options!.filter((o) => o.value !== 'D') }),
    });
    expect(res.status).toBe(200);
    advance(400 * 86_400_000); // a year later every score has decayed: many grades and scores change
    const report = await h.sync({ kind: 'full' });
    expect(report.status).toBe('ok');
    expect(report.counts.failed).toBeGreaterThan(0);
    expect(report.counts.written).toBeGreaterThan(0);
    const letters = await h.state.deadLetters.list({ connector: 'hubspot' });
    expect(letters).toHaveLength(report.counts.failed);
    expect(letters[0]!.reason).toMatch(/D/);
    expect(letters[0]!.status).toBe('due');
  });

  it('dead letters are retried first on the next run and resolved once written', async () => {
    const grade = h.sandbox.store.getProperty('leadscore_grade')!;
    await fetch(`${h.sandbox.url}/crm/v3/properties/contacts/leadscore_grade`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${h.sandbox.privateAppToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ options: [...grade.options!, { label: 'D', value: 'D' }] }),
    });
    const due = (await h.state.deadLetters.due('hubspot')).length;
    const report = await h.sync({ kind: 'incremental' });
    expect(report.retriedDeadLetters).toBe(due);
    expect(await h.state.deadLetters.list({ connector: 'hubspot' })).toEqual([]);
  });

  it('a dry run reports what it would write and writes nothing', async () => {
    advance(30 * 86_400_000);
    const before = scoreState(h.sandbox);
    const report = await h.sync({ kind: 'full' }, { dryRun: true });
    expect(report.kind).toBe('dry-run');
    expect(report.counts.written).toBeGreaterThan(0);
    expect(report.plannedWrites.length).toBeGreaterThan(0);
    expect(scoreState(h.sandbox)).toEqual(before);
  });

  it('refuses to run while another process holds the connector lock', async () => {
    const other = { ...processLockOwner(), id: 'other-process' };
    expect(await h.state.locks.acquire('hubspot', other, 60_000)).toBe(true);
    await expect(h.sync({ kind: 'incremental' })).rejects.toMatchObject({ code: 'SYNC_LOCKED' });
    await h.state.locks.release(other);
  });
});
