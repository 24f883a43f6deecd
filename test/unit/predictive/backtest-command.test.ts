import { describe, expect, it } from '@jest/globals';
import { runCaptured } from '../cli/run-captured.js';

const LEADS = 'test/fixtures/predictive/backtest-leads.jsonl';
const EXAMPLES = [
  '--model',
  'config/examples/role-industry-demo.yaml',
  '--against',
  'config/examples/points-table.yaml',
  '--as-of',
  '2026-06-15T12:00:00Z',
];

function backtest(...args: string[]) {
  return runCaptured('backtest', '--input', LEADS, '--label', 'converted', ...args);
}

describe('leadscore backtest', () => {
  it('prints the MQL count of each model and the change', async () => {
    const run = await backtest(...EXAMPLES);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('MQLs: 5 with the new model, 4 with the old (+1)');
    expect(run.stdout).toMatch(/new {2}role-industry-demo@\w{8} +50 +5 +50\.0 % +4 +80\.0 % +80\.0 %/);
    expect(run.stdout).toMatch(/old {2}points-table@\w{8} +60 +4 +40\.0 % +2 +50\.0 % +40\.0 %/);
  });

  it('prints the flipped leads with both scores, statuses and outcomes', async () => {
    const run = await backtest(...EXAMPLES);
    expect(run.stdout).toContain('Flipped in (MQL under the new model only): 4 leads, 3 converted (75.0 %)');
    expect(run.stdout).toMatch(/B-1 <ana@acme-soft\.io> +30 {2}nurture +50 {2}mql +yes/);
    expect(run.stdout).toContain('Flipped out (MQL under the old model only): 3 leads, 1 converted (33.3 %)');
    expect(run.stdout).toMatch(/B-2 <bo@shop\.example> +100 {2}mql +15 {2}nurture +no/);
  });

  it('prints one JSON object with --format json', async () => {
    const run = await backtest(...EXAMPLES, '--format', 'json', '--top', '1');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      change: number;
      flippedIn: { count: number; leads: unknown[] };
    };
    expect(result.change).toBe(1);
    expect(result.flippedIn.count).toBe(4);
    expect(result.flippedIn.leads).toHaveLength(1);
  });

  it('compares with the built-in model when --against is left out', async () => {
    const run = await backtest(
      '--model',
      'config/examples/role-industry-demo.yaml',
      '--as-of',
      '2026-06-15T12:00:00Z',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/old {2}default-b2b@\w{8}/);
  });

  it('exits 2 when no lead has the label', async () => {
    const run = await runCaptured('backtest', '--input', LEADS, '--label', 'won', ...EXAMPLES);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no lead has an outcome field or column "won"');
  });

  it('exits 2 on an --as-of that is not a date', async () => {
    const run = await backtest('--model', 'config/examples/points-table.yaml', '--as-of', 'yesterday');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--as-of: expected an ISO-8601 date');
  });

  it('exits 2 on a model that does not load, before reading the leads', async () => {
    const run = await runCaptured('backtest', '-i', 'missing.jsonl', '-l', 'converted', '-m', 'nope.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nope.yaml');
  });
});
