import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { HubSpotAdapter } from '../../../connectors/hubspot/hubspot-adapter.js';
import { startHubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { HubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { Page, ScoreUpdate } from '../../../src/connector/crm-adapter.js';
import type { Lead } from '../../../src/model/lead.js';
import { loadMapping } from '../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../src/mapping/mapping-schema.js';
import { loadModel } from '../../../src/scoring/load-model.js';
import type { CompiledModel } from '../../../src/scoring/compile-model.js';
import { scoreLead } from '../../../src/scoring/score-lead.js';
import { scoreValuesOf } from '../../../src/sync/score-values.js';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const CONTACTS = 600;
const NOW = new Date('2026-06-15T12:00:00.000Z');
const FAULTS = { tooManyRequests: 0.1, serverErrors: 0.05, dropConnection: 0.02, seed: 7 };

let sandbox: HubSpotSandbox;
let mapping: Mapping;
let model: CompiledModel;

const adapter = () =>
  new HubSpotAdapter({
    baseUrl: sandbox.url,
    mapping,
    credentials: { kind: 'private-app', accessToken: sandbox.privateAppToken },
    onProblem: () => {},
  });

async function readAll(a: HubSpotAdapter): Promise<Lead[]> {
  const leads: Lead[] = [];
  for await (const page of a.read({ kind: 'full' }) as AsyncIterable<Page>) leads.push(...page.leads);
  return leads;
}

function updatesFor(leads: Lead[]): ScoreUpdate[] {
  return leads.map((lead) => ({ ref: lead.ref, values: scoreValuesOf(scoreLead(model, lead, NOW)) }));
}

beforeAll(async () => {
  sandbox = await startHubSpotSandbox({ contacts: CONTACTS, limits: { perTenSeconds: 1000 } });
  mapping = await loadMapping(root('mappings/hubspot.yaml'));
  model = (await loadModel(root('config/scoring.yaml'))).compiled;
  await adapter().provision();
});
afterAll(async () => {
  await sandbox.stop();
});

describe('HubSpot adapter under 10 % 429s, 5 % 5xx and 2 % dropped connections', () => {
  it('ends with every contact scored exactly as without faults', async () => {
    const expected = new Map(updatesFor(await readAll(adapter())).map((u) => [u.ref.id, u.values]));

    sandbox.setFaults(FAULTS);
    sandbox.resetStats();
    const faulty = adapter();
    const leads = await readAll(faulty);
    expect(leads).toHaveLength(CONTACTS);
    const result = await faulty.write(updatesFor(leads));
    expect(result.failed).toEqual([]);
    expect(result.written).toHaveLength(CONTACTS);
    const stats = sandbox.stats();
    const retries = faulty.metrics().retries;
    expect(
      stats.tooManyRequests +
        stats.dropped +
        (stats.statuses['500'] ?? 0) +
        (stats.statuses['502'] ?? 0) +
        (stats.statuses['503'] ?? 0) +
        (stats.statuses['504'] ?? 0),
    ).toBeGreaterThan(0);
    expect(retries.retry + retries.window).toBeGreaterThan(0);

    sandbox.setFaults({});
    const stored = await readAll(adapter());
    for (const lead of stored) {
      const values = expected.get(lead.ref.id)!;
      expect({ id: lead.ref.id, ...lead.current, reasons: lead.current?.reasons ?? '' }).toMatchObject({
        id: lead.ref.id,
        score: values.score,
        fit: values.fit,
        engagement: values.engagement,
        grade: values.grade,
        status: values.status,
        reasons: values.reasons,
        model: values.model,
      });
    }
  }, 180_000);
});
