import { describe, expect, it } from '@jest/globals';
import { dirname, join } from 'node:path';
import { runCaptured, tempFile } from '../cli/run-captured.js';
import { syntheticLeads, toCsv } from './synthetic-leads.js';

const FIXTURES = 'test/fixtures/predictive';
const LEADS = `${FIXTURES}/leads-with-outcomes.jsonl`;
const csv = tempFile('history.csv', toCsv(syntheticLeads(1000, 6)));

function single(stdout: string): Record<string, unknown> {
  expect(stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('leadscore evaluate', () => {
  it('prints one JSON object with auc, auc_std and the conversion by band', async () => {
    const run = await runCaptured('evaluate', '--input', csv, '--label', 'converted', '--format', 'json');
    expect(run.code).toBe(0);
    const evaluation = single(run.stdout);
    expect(evaluation.auc).toBeGreaterThan(0.8);
    expect(evaluation.auc_std).toBeGreaterThanOrEqual(0);
    expect(evaluation.bands).toHaveLength(10);
    expect(evaluation).toMatchObject({ folds: 5, seed: 42, rows: 1000 });
    expect(Object.keys(evaluation)).toEqual(
      expect.arrayContaining([
        'atThreshold',
        'liftTopDecile',
        'calibration',
        'topFactors',
        'roc',
        'histogram',
      ]),
    );
  });

  it('prints the same JSON for the same seed', async () => {
    const args = ['evaluate', '--input', csv, '--label', 'converted', '--format', 'json', '--folds', '3'];
    const [first, second] = [await runCaptured(...args), await runCaptured(...args)];
    expect(second.stdout).toBe(first.stdout);
  });

  it('prints a readable table by default', async () => {
    const run = await runCaptured('evaluate', '--input', csv, '--label', 'converted');
    expect(run.code).toBe(0);
    for (const heading of [
      'ROC AUC',
      'Conversion by score band',
      'Calibration',
      'Top factors',
      'At the MQL threshold 50',
    ])
      expect(run.stdout).toContain(heading);
    expect(run.stderr).toMatch(/Evaluated 1,000 leads of .* in \d+\.\d\d s/);
  });

  it('evaluates a trained model on a file as it is', async () => {
    const model = join(dirname(csv), 'model.json');
    await runCaptured('train', '--input', csv, '--label', 'converted', '--out', model);
    const other = tempFile('new-leads.csv', toCsv(syntheticLeads(500, 99)));
    const run = await runCaptured(
      'evaluate',
      '-i',
      other,
      '-l',
      'converted',
      '--model',
      model,
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    const evaluation = single(run.stdout);
    expect(evaluation.model).toEqual({ kind: 'predictive', file: model, label: 'converted' });
    expect(evaluation.auc).toBeGreaterThan(0.8);
  });

  it('evaluates a rule model: AUC of its score, conversion by grade, precision and recall at its threshold', async () => {
    const run = await runCaptured(
      'evaluate',
      ...[
        '--input',
        LEADS,
        '--label',
        'converted',
        '--rules',
        'config/scoring.yaml',
        '--now',
        '2026-11-25',
        '--format',
        'json',
      ],
    );
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('not a lead field');
    const evaluation = single(run.stdout) as {
      byGrade: unknown[];
      atThreshold: { threshold: number };
      model: { kind: string };
    };
    expect(evaluation.model.kind).toBe('rules');
    expect(evaluation.byGrade).toHaveLength(4);
    expect(evaluation.atThreshold.threshold).toBe(60);
  });

  it('refuses --model and --rules together', async () => {
    const run = await runCaptured(
      'evaluate',
      '-i',
      csv,
      '-l',
      'converted',
      '--model',
      'm.json',
      '--rules',
      'r.yaml',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--model and --rules');
  });

  it('refuses a rule model given as --model, pointing to --rules', async () => {
    const run = await runCaptured('evaluate', '-i', csv, '-l', 'converted', '--model', 'config/scoring.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('a rule model (YAML) is evaluated with --rules');
  });

  it('refuses a lead file without the outcome, exit code 2', async () => {
    const run = await runCaptured(
      'evaluate',
      '-i',
      LEADS,
      '-l',
      'won',
      '--rules',
      'config/scoring.yaml',
      '--now',
      '2026-11-25',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${LEADS}: no lead has an outcome field or column "won"`);
  });

  it('refuses a single fold', async () => {
    const run = await runCaptured('evaluate', '-i', csv, '-l', 'converted', '--folds', '1');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--folds: expected a whole number from 2 to 20');
  });
});
