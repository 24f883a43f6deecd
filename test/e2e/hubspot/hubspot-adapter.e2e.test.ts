import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { HubSpotAdapter } from '../../../connectors/hubspot/hubspot-adapter.js';
import { startHubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { HubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { Page, ScoreUpdate } from '../../../src/connector/crm-adapter.js';
import type { Lead } from '../../../src/model/lead.js';
import { loadMapping } from '../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../src/mapping/mapping-schema.js';
import type { RecordProblem } from '../../../src/mapping/crm-record.js';
import { loadModel } from '../../../src/scoring/load-model.js';
import type { CompiledModel } from '../../../src/scoring/compile-model.js';
import { scoreLead } from '../../../src/scoring/score-lead.js';
import { scoreValuesOf } from '../../../src/sync/score-values.js';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const CONTACTS = 450;
const NOW = new Date('2026-06-15T12:00:00.000Z');

let sandbox: HubSpotSandbox;
let mapping: Mapping;
let model: CompiledModel;
const problems: RecordProblem[] = [];

const adapter = () =>
  new HubSpotAdapter({
    baseUrl: sandbox.url,
    mapping,
    credentials: { kind: 'private-app', accessToken: sandbox.privateAppToken },
    onProblem: (p) => problems.push(p),
  });

async function collect(pages: AsyncIterable<Page>): Promise<{ leads: Lead[]; pages: Page[] }> {
  const all: Page[] = [];
  for await (const page of pages) all.push(page);
  return { leads: all.flatMap((p) => p.leads), pages: all };
}

function updatesFor(leads: Lead[]): ScoreUpdate[] {
  return leads.map((lead) => ({ ref: lead.ref, values: scoreValuesOf(scoreLead(model, lead, NOW)) }));
}

beforeAll(async () => {
  sandbox = await startHubSpotSandbox({ contacts: CONTACTS, limits: { perTenSeconds: 1000 } });
  mapping = await loadMapping(root('mappings/hubspot.yaml'));
  model = (await loadModel(root('config/scoring.yaml'))).compiled;
});
afterAll(async () => {
  await sandbox.stop();
});

describe('HubSpot adapter against the sandbox', () => {
  it('provisions the group and every score property, and a second run changes nothing', async () => {
    const first = await adapter().provision();
    expect(first.changes.filter((c) => c.outcome === 'created').map((c) => c.target)).toEqual(
      expect.arrayContaining([
        'group leadscore',
        'property leadscore_score',
        'property leadscore_grade',
        'property leadscore_scored_at',
      ]),
    );
    const second = await adapter().provision();
    expect(second.changes.every((c) => c.outcome === 'unchanged')).toBe(true);
  });

  it('reads every contact exactly once through the list endpoint, 100 per page', async () => {
    sandbox.resetStats();
    const { leads, pages } = await collect(adapter().read({ kind: 'full' }));
    expect(leads).toHaveLength(CONTACTS);
    expect(new Set(leads.map((l) => l.ref.id)).size).toBe(CONTACTS);
    expect(pages).toHaveLength(Math.ceil(CONTACTS / 100));
    expect(sandbox.stats().calls['GET /crm/v3/objects/contacts']).toBe(Math.ceil(CONTACTS / 100));
    expect(pages.at(-1)?.cursor).toMatchObject({ kind: 'full', done: true });
  });

  it('maps HubSpot properties and rollups onto canonical leads', async () => {
    const { leads } = await collect(adapter().read({ kind: 'full' }));
    expect(leads.filter((l) => l.email).length).toBe(CONTACTS);
    expect(leads.some((l) => l.activities.some((a) => a.type === 'page_view'))).toBe(true);
    expect(leads.every((l) => l.ref.crm === 'hubspot' && l.ref.object === 'contact')).toBe(true);
  });

  it('writes the scores of every contact in batches of 100 and reads them back as current values', async () => {
    const { leads } = await collect(adapter().read({ kind: 'full' }));
    sandbox.resetStats();
    const result = await adapter().write(updatesFor(leads));
    expect(result.failed).toEqual([]);
    expect(result.written).toHaveLength(CONTACTS);
    expect(sandbox.stats().calls['POST /crm/v3/objects/contacts/batch/update']).toBe(
      Math.ceil(CONTACTS / 100),
    );

    const again = await collect(adapter().read({ kind: 'full' }));
    const expected = new Map(updatesFor(leads).map((u) => [u.ref.id, u.values]));
    for (const lead of again.leads) {
      const values = expected.get(lead.ref.id)!;
      expect(lead.current).toMatchObject({ score: values.score, grade: values.grade, status: values.status });
      // HubSpot clears a property written as "": an empty reasons text reads back as missing.
      expect(lead.current?.reasons ?? '').toBe(values.reasons);
    }
  });

  it('reports a record HubSpot cannot update with its reason and writes the rest', async () => {
    const { leads } = await collect(adapter().read({ kind: 'full' }));
    const updates = updatesFor(leads.slice(0, 5));
    updates[2] = { ...updates[2]!, ref: { ...updates[2]!.ref, id: '999999999' } };
    const result = await adapter().write(updates);
    expect(result.written).toHaveLength(4);
    expect(result.failed).toEqual([
      expect.objectContaining({
        ref: expect.objectContaining({ id: '999999999' }),
        reason: expect.any(String),
      }),
    ]);
  });

  it('reads only the contacts changed since the cursor, including an edit made after a full read', async () => {
    const first = await collect(adapter().read({ kind: 'incremental', since: new Date(0) }));
    expect(first.leads.length).toBe(CONTACTS);
    const cursor = first.pages.at(-1)!.cursor;
    const target = first.leads[7]!;
    sandbox.store.editContact(target.ref.id, { jobtitle: 'Chief Revenue Officer' });
    const second = await collect(adapter().read({ kind: 'incremental', cursor }));
    const changed = second.leads.find((l) => l.ref.id === target.ref.id);
    expect(changed?.jobTitle).toBe('Chief Revenue Officer');
  });

  it('reads contacts by email for a resync', async () => {
    const { leads } = await collect(adapter().read({ kind: 'full' }));
    const emails = leads.slice(0, 3).map((l) => l.email!);
    const byEmail = await collect(adapter().read({ kind: 'emails', emails }));
    expect(byEmail.leads.map((l) => l.email).sort()).toEqual([...emails].sort());
  });

  it('rejects a bad token with a clear error', async () => {
    const bad = new HubSpotAdapter({
      baseUrl: sandbox.url,
      mapping,
      credentials: { kind: 'private-app', accessToken: 'pat-na1-wrong' },
      onProblem: () => {},
    });
    await expect(bad.check()).rejects.toThrow(/private-app token was rejected/);
  });
});
