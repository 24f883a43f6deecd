import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readTrainingData, trainPredictive } from '../../../src/predictive/index.js';
import type { PredictiveModel } from '../../../src/predictive/index.js';
import type { Harness } from './sync-harness.js';
import { root, startHarness } from './sync-harness.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
let h: Harness;
let predictive: PredictiveModel;

beforeAll(async () => {
  // A model trained on a lead file speaks the canonical fields and activity types a sync reads.
  const data = await readTrainingData(root('test/fixtures/predictive/leads-with-outcomes.jsonl'), {
    label: 'converted',
  });
  predictive = trainPredictive(data, { exclude: [], seed: 42, format: 'jsonl' }).model;
  h = await startHarness({
    sandbox: { contacts: 150, seed: 5, limits: { perTenSeconds: 1000 }, now: () => NOW },
    now: () => NOW,
  });
});
afterAll(async () => {
  await h.close();
});

describe('a sync with a trained predictive model', () => {
  it('writes a 0–100 predictive score beside the rule score and names its top factors in the reasons', async () => {
    const report = await h.sync({ kind: 'full' }, { predictive });
    expect(report.counts.written).toBe(150);
    const contacts = h.sandbox.store.listContacts();
    for (const c of contacts) {
      const value = Number(c.properties.leadscore_predictive);
      expect(Number.isInteger(value) && value >= 0 && value <= 100).toBe(true);
      expect(c.properties.leadscore_reasons).toMatch(/Predictive \d+/);
    }
    expect(new Set(contacts.map((c) => c.properties.leadscore_predictive)).size).toBeGreaterThan(1);
  });

  it('a second run over unchanged data writes nothing: the predictive score is read back and diffed too', async () => {
    const report = await h.sync({ kind: 'full' }, { predictive });
    expect(report.counts.written).toBe(0);
  });

  it('a changed predictive score alone is a reason to write', async () => {
    const shifted: PredictiveModel = { ...predictive, intercept: predictive.intercept + 2 };
    const report = await h.sync({ kind: 'full' }, { predictive: shifted });
    expect(report.counts.written).toBeGreaterThan(0);
  });
});
