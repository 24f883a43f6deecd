import { describe, expect, it } from '@jest/globals';
import { evaluateTraining } from '../../../src/predictive/evaluate-predictive.js';
import { withOutcomes } from '../../../src/predictive/read-training-data.js';
import { trainPredictive } from '../../../src/predictive/train-model.js';
import { syntheticLeads, toTable } from './synthetic-leads.js';

const leads = syntheticLeads(800, 9);
const converted = leads.columns.indexOf('converted');
// A status sales set after the fact: "Won" or "Lost" for 70 % of leads, empty for the rest.
const withStage = {
  columns: [...leads.columns, 'stage', 'created'],
  rows: leads.rows.map((row, i) => [
    ...row,
    i % 10 < 3 ? '' : row[converted] === '1' ? 'Won' : 'Lost',
    new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
  ]),
};
const data = withOutcomes(toTable(withStage), 'converted');
data.table.cells = data.table.cells.map((cells) => cells.map((cell) => (cell === '' ? undefined : cell)));

describe('trainPredictive', () => {
  it('warns about a column that predicts the outcome almost perfectly, naming it', () => {
    const { warnings } = trainPredictive(data, { format: 'csv' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^column "stage" predicts converted almost perfectly/);
  });

  it('does not warn once the column is excluded, and records the exclusion', () => {
    const training = trainPredictive(data, { format: 'csv', exclude: ['stage'] });
    expect(training.warnings).toEqual([]);
    expect(training.model.excluded).toContainEqual({
      column: 'stage',
      reason: 'excluded',
      note: 'left out with --exclude',
    });
  });

  it('reports a time-based holdout over the date column: earliest 80 % trained, latest 20 % tested', () => {
    const { timeHoldout } = trainPredictive(data, { format: 'csv', exclude: ['stage'] });
    expect(timeHoldout).toMatchObject({ column: 'created', trainRows: 640, testRows: 160 });
    expect(timeHoldout!.trainUntil < timeHoldout!.testFrom).toBe(true);
    expect(timeHoldout!.auc).toBeGreaterThan(0.8);
  });

  it('notes the columns it left out by itself, with the reason', () => {
    const { notes } = trainPredictive(data, { format: 'csv', exclude: ['stage'] });
    expect(notes).toEqual([
      'column "id" is not a feature (identifier: every value distinct)',
      'column "created" is not a feature (date: used for the time-based holdout, not as a feature)',
    ]);
  });

  it('evaluates on out-of-fold predictions, saying so, with the top factors of the final model', () => {
    const training = trainPredictive(data, { format: 'csv', exclude: ['stage'] });
    const evaluation = evaluateTraining(training, data);
    expect(evaluation.headline).toMatch(/^mean ROC AUC over 5 stratified folds \(seed 42\)/);
    expect(evaluation.auc).toBeCloseTo(training.cv.auc, 12);
    expect(evaluation.bands.reduce((sum, band) => sum + band.count, 0)).toBe(800);
    expect(evaluation.topFactors![0]!.feature).toBe('visits');
    expect(evaluation.roc.length).toBeLessThanOrEqual(200);
  });

  it('gives identical evaluations for the same seed and different folds for another', () => {
    const evaluate = (seed: number) =>
      JSON.stringify(
        evaluateTraining(trainPredictive(data, { format: 'csv', exclude: ['stage'], seed }), data),
      );
    expect(evaluate(42)).toBe(evaluate(42));
    expect(evaluate(42)).not.toBe(evaluate(7));
  });
});
