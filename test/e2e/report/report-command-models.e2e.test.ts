import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCaptured, tempFile } from '../../unit/cli/run-captured.js';
import { syntheticLeads, toCsv } from '../../unit/predictive/synthetic-leads.js';
import { chartSvg } from '../../unit/predictive-report/report-fixture.js';

const LEADS = 'test/fixtures/predictive/leads-with-outcomes.jsonl';
const RULES = 'config/scoring.yaml';
const training = tempFile('history.csv', toCsv(syntheticLeads(1000, 6)));
const folder = dirname(training);

describe('leadscore report with a given model', () => {
  it('reports a rule model on a lead file: its grades and the points of its rules', async () => {
    const out = join(folder, 'rules.html');
    const run = await runCaptured(
      ...['report', '-i', LEADS, '-l', 'converted', '--rules', RULES, '--now', '2026-11-25', '-o', out],
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /ROC AUC 0\.\d{3} ± 0\.\d{3} \(over every lead, ± its spread over 5 folds\) on 80 leads/,
    );
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h1>Rule model evaluation: converted</h1>');
    expect(html).toContain('data-table="grades"');
    expect(chartSvg(html, 'factors')).toContain('Demo or quote request');
  });

  it('reports a saved predictive model on a file as it is', async () => {
    const model = join(folder, 'model.json');
    expect((await runCaptured('train', '-i', training, '-l', 'converted', '-o', model, '-q')).code).toBe(0);
    const other = tempFile('new-leads.csv', toCsv(syntheticLeads(500, 99)));
    const out = join(folder, 'saved.html');
    const run = await runCaptured('report', '-i', other, '-l', 'converted', '--model', model, '-o', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('on 500 leads');
    expect(readFileSync(out, 'utf8')).toContain('<strong>model.json</strong> (predictive model)');
  });
});

describe('leadscore report refuses what evaluate refuses, with exit code 2 and no report', () => {
  const out = join(folder, 'never.html');

  it.each([
    ['--model and --rules together', ['--model', 'm.json', '--rules', RULES], '--model and --rules'],
    ['--exclude with a given model', ['--rules', RULES, '--exclude', 'tier'], '--exclude applies'],
    ['a missing outcome column', ['-l', 'won'], 'no outcome column "won"'],
    ['too few folds', ['--folds', '1'], '--folds: expected a whole number from 2 to 20'],
    ['a rule model given as --model', ['--model', RULES], 'a rule model (YAML) is evaluated with --rules'],
  ])('%s', async (_, extra, message) => {
    const run = await runCaptured('report', '-i', training, '-l', 'converted', '-o', out, ...extra);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });
});
