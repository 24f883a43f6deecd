import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  loadPredictiveModel,
  parsePredictiveModel,
  savePredictiveModel,
} from '../../../src/predictive/model-artifact.js';
import { predict, predictiveScore, predictTable } from '../../../src/predictive/predict.js';
import { withOutcomes } from '../../../src/predictive/read-training-data.js';
import { trainPredictive } from '../../../src/predictive/train-model.js';
import { tempFile } from '../cli/run-captured.js';
import { syntheticLeads, toTable } from './synthetic-leads.js';

const TRAINED_AT = new Date('2026-11-01T00:00:00Z');
const leads = syntheticLeads(600, 3);
const data = withOutcomes(toTable(leads), 'converted');
const model = trainPredictive(data, { format: 'csv', trainedAt: TRAINED_AT }).model;

describe('the predictive model file', () => {
  it('holds format, version, label, features, coefficients, intercept and training metadata', () => {
    expect(model).toMatchObject({
      format: 'leadscore-predictive',
      version: 1,
      label: 'converted',
      trainedAt: '2026-11-01T00:00:00.000Z',
      seed: 42,
      rows: 600,
      regularisation: { penalty: 'l2', C: 1, intercept: 'unpenalised' },
      metrics: { folds: 5 },
    });
    expect(model.coefficients).toHaveLength(model.features.length);
    expect(model.features.map((f) => f.name)).toEqual(
      expect.arrayContaining(['visits', 'days_idle', 'pages', 'tier = high']),
    );
    expect(model.excluded).toEqual([{ column: 'id', reason: 'identifier', note: 'every value distinct' }]);
  });

  it('reads back what it wrote', async () => {
    const file = tempFile('model.predictive.json', '');
    await savePredictiveModel(file, model);
    expect(await loadPredictiveModel(file)).toEqual(model);
  });

  it('refuses a file that is not a predictive model, naming it', () => {
    expect(() => parsePredictiveModel('{"id": "default-b2b"}', 'scoring.json')).toThrow(
      'scoring.json: not a leadscore predictive model',
    );
    expect(() => parsePredictiveModel('not json', 'm.json')).toThrow(/^m\.json: not JSON/);
  });

  it('names a model file that is not valid JSON', async () => {
    const file = tempFile('broken.json', '');
    writeFileSync(file, '{');
    await expect(loadPredictiveModel(file)).rejects.toThrow(/broken\.json: not JSON/);
  });

  it('refuses another version', () => {
    const text = JSON.stringify({ ...model, version: 2 });
    expect(() => parsePredictiveModel(text, 'm.json')).toThrow('m.json: model version 2 cannot be read');
  });

  it('names the path of a field that does not validate', () => {
    const text = JSON.stringify({ ...model, coefficients: model.coefficients.slice(1) });
    expect(() => parsePredictiveModel(text, 'm.json')).toThrow(
      'm.json: coefficients: expected one coefficient per feature',
    );
  });
});

describe('predict', () => {
  it('scores rows of column → value like the table they came from', () => {
    const rows = leads.rows
      .slice(0, 5)
      .map((row) => Object.fromEntries(leads.columns.map((c, i) => [c, row[i]])));
    expect(Array.from(predict(model, rows))).toEqual(
      Array.from(predictTable(model, toTable(leads)).slice(0, 5)),
    );
  });

  it('reads numbers given as numbers, and treats absent columns and unknown levels as missing or (other)', () => {
    const [p] = predict(model, [{ visits: 2, days_idle: '40', tier: 'platinum' }]);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });

  it('turns a probability into a 0–100 score', () => {
    expect([0, 0.004, 0.125, 0.5, 0.996, 1].map(predictiveScore)).toEqual([0, 0, 13, 50, 100, 100]);
  });

  it('gives the same model for the same data and seed, byte for byte', async () => {
    const again = trainPredictive(data, { format: 'csv', trainedAt: TRAINED_AT }).model;
    const [first, second] = [tempFile('a.json', ''), tempFile('b.json', '')];
    await savePredictiveModel(first, model);
    await savePredictiveModel(second, again);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
  });
});
