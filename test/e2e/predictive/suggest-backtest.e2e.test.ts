import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured } from '../../unit/cli/run-captured.js';
import { SYNTHETIC_NOW, syntheticLeadFile } from '../../unit/predictive/suggest-synthetic-leads.js';

const dir = mkdtempSync(join(tmpdir(), 'leadscore-suggest-e2e-'));
const past = join(dir, 'past.jsonl');
const later = join(dir, 'later.jsonl');
const suggested = join(dir, 'suggested.yaml');
writeFileSync(past, syntheticLeadFile(1500, 31));
writeFileSync(later, syntheticLeadFile(1000, 32));

interface BacktestJson {
  leads: number;
  conversionRate: number;
  change: number;
  new: { mqls: number; conversionRate: number };
  old: { mqls: number };
  flippedIn: { count: number };
  flippedOut: { count: number };
}

describe('suggest, validate, evaluate and backtest a model on past leads', () => {
  it('suggests a model from past leads, validates it, measures it and backtests it on later leads', async () => {
    const suggest = await runCaptured(
      'suggest',
      ...[
        '--input',
        past,
        '--label',
        'converted',
        '--target-mqls',
        '300',
        '--now',
        SYNTHETIC_NOW,
        '--out',
        suggested,
      ],
    );
    expect(suggest.code).toBe(0);
    const reportedAuc = Number(/ROC AUC (0\.\d{3}) on the same leads/.exec(suggest.stdout)?.[1]);

    const validate = await runCaptured('validate', '--model', suggested, '--strict');
    expect(validate.code).toBe(0);

    // evaluate --rules scores the file as the suggestion measured it.
    const evaluate = await runCaptured(
      'evaluate',
      ...[
        '--input',
        past,
        '--label',
        'converted',
        '--rules',
        suggested,
        '--now',
        SYNTHETIC_NOW,
        '--format',
        'json',
      ],
    );
    expect(evaluate.code).toBe(0);
    const evaluation = JSON.parse(evaluate.stdout) as { auc: number; atThreshold: { mql: number } };
    expect(evaluation.auc.toFixed(3)).toBe(reportedAuc.toFixed(3));
    expect(suggest.stdout).toContain(`: ${evaluation.atThreshold.mql} MQLs`);

    const backtest = await runCaptured(
      'backtest',
      ...[
        '--input',
        later,
        '--label',
        'converted',
        '--model',
        suggested,
        '--as-of',
        SYNTHETIC_NOW,
        '--format',
        'json',
      ],
    );
    expect(backtest.code).toBe(0);
    const result = JSON.parse(backtest.stdout) as BacktestJson;
    expect(result.leads).toBe(1000);
    // On leads it never saw, the suggested model's MQLs convert well above the average lead.
    expect(result.new.conversionRate).toBeGreaterThan(1.5 * result.conversionRate);
    expect(result.change).toBe(result.new.mqls - result.old.mqls);
    expect(result.flippedIn.count - result.flippedOut.count).toBe(result.change);
  });

  it('shows the MQL count change and the flips between the two example models', async () => {
    const run = await runCaptured(
      'backtest',
      ...['--input', 'test/fixtures/predictive/backtest-leads.jsonl', '--label', 'converted'],
      ...[
        '--model',
        'config/examples/role-industry-demo.yaml',
        '--against',
        'config/examples/points-table.yaml',
      ],
      ...['--as-of', '2026-06-15T12:00:00Z'],
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('MQLs: 5 with the new model, 4 with the old (+1)');
    expect(run.stdout).toContain('Flipped in (MQL under the new model only): 4 leads, 3 converted (75.0 %)');
    expect(run.stdout).toContain('Flipped out (MQL under the old model only): 3 leads, 1 converted (33.3 %)');
  });
});
