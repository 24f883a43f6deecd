import { describe, expect, it } from '@jest/globals';
import { outcomeMetrics } from '../../../src/predictive/evaluation.js';
import type { Evaluation } from '../../../src/predictive/evaluation.js';
import { evaluationToReport, ruleFactors } from '../../../src/predictive/evaluation-to-report.js';
import { renderReport } from '../../../src/predictive/report/index.js';
import type { Grade } from '../../../src/model/lead.js';
import { loadModelFromText } from '../../../src/scoring/load-model.js';

const GENERATED = '2026-11-21 09:30 UTC';
/** Eight leads: scores climb with conversion, nobody in 20–89, one lead at 100. */
const SCORES = [2, 7, 12, 15, 90, 96, 98, 100];
const OUTCOMES = Uint8Array.from([0, 0, 1, 0, 1, 1, 0, 1]);
const GRADES: Grade[] = ['D', 'D', 'C', 'C', 'A', 'A', 'B', 'A'];

function evaluation(overrides: Partial<Evaluation> = {}): Evaluation {
  const probabilities = SCORES.map((score) => score / 100);
  return {
    input: 'data/history/leads.csv',
    label: 'Converted',
    model: { kind: 'predictive', trained: 'cross-validation', regularisation: { penalty: 'l2', C: 1 } },
    headline: 'mean ROC AUC over 5 stratified folds',
    auc: 0.8125,
    auc_std: 0.021,
    folds: 5,
    foldAucs: [0.8, 0.82, 0.79, 0.83, 0.82],
    seed: 42,
    timeHoldout: null,
    ...outcomeMetrics({
      ranking: probabilities,
      scores: SCORES,
      probabilities,
      outcomes: OUTCOMES,
      threshold: 50,
    }),
    topFactors: [
      { feature: 'visits', column: 'visits', kind: 'numeric', coefficient: 2.1, impact: 2.1 },
      {
        feature: 'tier = low',
        column: 'tier',
        kind: 'level',
        level: 'low',
        coefficient: -1.5,
        impact: -0.62,
      },
    ],
    columns: null,
    excluded: [],
    warnings: ['column "Tags" predicts Converted almost perfectly'],
    notes: ['a note, not a warning'],
    ...overrides,
  };
}

const rules = (overrides: Partial<Evaluation> = {}): Evaluation =>
  evaluation({
    model: { kind: 'rules', file: 'config/scoring.yaml', ref: 'default-b2b@c5a3e928' },
    ...outcomeMetrics({
      ranking: SCORES,
      scores: SCORES,
      probabilities: SCORES.map((score) => score / 100),
      outcomes: OUTCOMES,
      threshold: 60,
      grades: GRADES,
    }),
    topFactors: null,
    ...overrides,
  });

const report = (e: Evaluation = evaluation()) => evaluationToReport(e, { generatedAt: GENERATED });

describe('evaluationToReport', () => {
  it('maps each score band to from, to, count, conversions and its conversion rate as `rate`', () => {
    const bands = report().bands;
    expect(bands).toHaveLength(10);
    expect(bands[1]).toEqual({ from: 10, to: 19, count: 2, conversions: 1, rate: 0.5 });
    expect(bands[9]).toEqual({ from: 90, to: 100, count: 4, conversions: 3, rate: 0.75 });
  });

  it('gives a band without leads a rate of 0 (the chart marks it "no leads")', () => {
    expect(report().bands[4]).toEqual({ from: 40, to: 49, count: 0, conversions: 0, rate: 0 });
  });

  it('pools the per-score histogram into 20 bins of 5 points, the last one 95–100', () => {
    const bins = report().histogram;
    expect(bins.map((b) => `${b.from}–${b.to}`)).toEqual([
      ...Array.from({ length: 19 }, (_, i) => `${i * 5}–${i * 5 + 4}`),
      '95–100',
    ]);
    expect(bins[0]).toEqual({ from: 0, to: 4, positives: 0, negatives: 1 });
    expect(bins[2]).toEqual({ from: 10, to: 14, positives: 1, negatives: 0 });
    expect(bins[19]).toEqual({ from: 95, to: 100, positives: 2, negatives: 1 });
  });

  it('counts every lead once in the histogram, converted as positives and the rest as negatives', () => {
    const bins = report().histogram;
    expect(bins.reduce((sum, b) => sum + b.positives, 0)).toBe(4);
    expect(bins.reduce((sum, b) => sum + b.negatives, 0)).toBe(4);
  });

  it('keeps the ROC points as they are, from (0, 0) to (1, 1)', () => {
    const e = evaluation();
    const roc = report(e).roc;
    expect(roc).toEqual(e.roc);
    expect(roc[0]).toEqual({ fpr: 0, tpr: 0 });
    expect(roc[roc.length - 1]).toEqual({ fpr: 1, tpr: 1 });
  });

  it('maps a calibration bin to its mean prediction, observed rate and lead count', () => {
    expect(report().calibration[9]).toEqual({
      predicted: (0.9 + 0.96 + 0.98 + 1) / 4,
      observed: 0.75,
      count: 4,
    });
  });

  it('places an empty calibration bin at its middle with an observed rate of 0 and no leads', () => {
    expect(report().calibration[5]).toEqual({ predicted: 0.55, observed: 0, count: 0 });
  });

  it("turns a predictive model's top factors into names and signed impacts", () => {
    expect(report().factors).toEqual([
      { name: 'visits', weight: 2.1 },
      { name: 'tier = low', weight: -0.62 },
    ]);
  });

  it('takes the factors of a rule model from the rule points it is given', () => {
    const ruleFactors = [{ name: 'Pricing page visit (each)', weight: 10 }];
    expect(evaluationToReport(rules(), { generatedAt: GENERATED, ruleFactors }).factors).toEqual(ruleFactors);
    expect(report(rules()).factors).toEqual([]);
  });

  it('copies the warnings, not the notes', () => {
    expect(report().warnings).toEqual(['column "Tags" predicts Converted almost perfectly']);
  });

  it('maps the threshold metrics: MQLs as `mqls`, precision and recall as shares', () => {
    expect(report().atThreshold).toEqual({ threshold: 50, precision: 0.75, recall: 0.75, mqls: 4 });
  });

  it('shows a precision of 0 when no lead reaches the threshold', () => {
    const atThreshold = { threshold: 100, mql: 0, truePositives: 0, precision: null, recall: 0 };
    expect(report(evaluation({ atThreshold })).atThreshold).toEqual({
      threshold: 100,
      precision: 0,
      recall: 0,
      mqls: 0,
    });
  });

  it('keeps the lift of the top decile, and leaves it out when it is undefined', () => {
    expect(report(evaluation({ liftTopDecile: 2.43 })).liftTopDecile).toBe(2.43);
    expect(report(evaluation({ liftTopDecile: null }))).not.toHaveProperty('liftTopDecile');
  });

  it("maps a rule model's conversion by grade, and has none for a predictive model", () => {
    expect(report(rules()).byGrade).toEqual([
      { grade: 'A', count: 3, conversions: 3, rate: 1 },
      { grade: 'B', count: 1, conversions: 0, rate: 0 },
      { grade: 'C', count: 2, conversions: 1, rate: 0.5 },
      { grade: 'D', count: 2, conversions: 0, rate: 0 },
    ]);
    expect(report()).not.toHaveProperty('byGrade');
  });

  it('gives the AUC, its spread and the folds of a cross-validation', () => {
    expect(report()).toMatchObject({ auc: 0.8125, aucStd: 0.021, folds: 5, rows: 8, positives: 4 });
  });

  it('calls a saved or rule model’s spread over folds ± alone, without "k-fold"', () => {
    const saved = evaluation({
      model: { kind: 'predictive', file: 'models/model.json', label: 'Converted' },
    });
    expect(report(saved)).toMatchObject({ auc: 0.8125, aucStd: 0.021 });
    expect(report(saved)).not.toHaveProperty('folds');
  });

  it('gives an undefined AUC (a single class) as null, without a spread', () => {
    const data = report(evaluation({ auc: Number.NaN, auc_std: Number.NaN }));
    expect(data.auc).toBeNull();
    expect(data).not.toHaveProperty('aucStd');
  });

  it('names the model by its ref, its file or its training, and the data by its file name', () => {
    const saved = evaluation({
      model: { kind: 'predictive', file: 'models/model.json', label: 'Converted' },
    });
    expect(report(rules()).model).toEqual({ kind: 'rules', id: 'default-b2b@c5a3e928' });
    expect(report(saved).model).toEqual({ kind: 'predictive', id: 'model.json' });
    expect(report().model.id).toBe('logistic regression (L2, C = 1), cross-validated');
    expect(report().dataFile).toBe('leads.csv');
  });

  it('titles the page by model kind and outcome unless given a title, and shows the given time', () => {
    expect(report()).toMatchObject({
      title: 'Predictive model evaluation: Converted',
      generatedAt: GENERATED,
    });
    expect(report(rules()).title).toBe('Rule model evaluation: Converted');
    expect(evaluationToReport(evaluation(), { generatedAt: GENERATED, title: 'Q3' }).title).toBe('Q3');
  });

  it('gives data the report accepts, for a predictive model, a rule model and a single class', () => {
    const single = evaluation({ auc: Number.NaN, auc_std: Number.NaN, positives: 0, conversionRate: 0 });
    for (const e of [evaluation(), rules(), single]) expect(() => renderReport(report(e))).not.toThrow();
  });
});

describe('ruleFactors', () => {
  it('lists the points of every fit, engagement and negative rule by label, "(each)" when counted per occurrence', () => {
    const { model } = loadModelFromText(
      [
        'id: test',
        'mql: { threshold: 60 }',
        'fit:',
        '  - { id: vp, label: Decision-maker role, points: 20, when: { field: seniority, equals: vp } }',
        'engagement:',
        '  - { id: pricing, label: Pricing page visit, activity: page_view, points: 10 }',
        '  - { id: demo, label: Demo request, activity: demo_request, per: once, points: 30 }',
        'negative:',
        '  - { id: idle, label: No activity for 30 days, inactiveDays: 30, points: -20 }',
      ].join('\n'),
    );
    const factors = ruleFactors(model);
    expect(factors).toEqual([
      { name: 'Decision-maker role', weight: 20 },
      { name: 'Pricing page visit (each)', weight: 10 },
      { name: 'Demo request', weight: 30 },
      { name: 'No activity for 30 days', weight: -20 },
    ]);
  });
});
