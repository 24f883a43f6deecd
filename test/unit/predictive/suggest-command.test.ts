import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { runCaptured, tempFile } from '../cli/run-captured.js';
import { syntheticLeadFile, syntheticLeadRecords } from './suggest-synthetic-leads.js';

const history = tempFile('history.jsonl', syntheticLeadFile(800, 21));

describe('leadscore suggest', () => {
  it('writes a rule model that leadscore validate accepts without a warning', async () => {
    const out = join(dirname(history), 'suggested.yaml');
    const run = await runCaptured('suggest', '--input', history, '--label', 'converted', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Wrote ${out}`);
    const validate = await runCaptured('validate', '--model', out, '--strict');
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('model suggested@');
    expect(validate.stdout).not.toContain('warning');
  });

  it('prints the model on stdout and the summary on stderr without --out', async () => {
    const run = await runCaptured('suggest', '-i', history, '-l', 'converted', '--target-mqls', '20%');
    expect(run.code).toBe(0);
    expect(parse(run.stdout)).toMatchObject({ id: 'suggested', mql: { threshold: expect.any(Number) } });
    expect(run.stderr).toMatch(/MQL threshold \d+ \(target 20\.0 % of leads\): \d+ MQLs/);
    expect(run.stderr).toMatch(
      /rule model: \d+ fit, \d+ engagement and \d+ negative rules, ROC AUC 0\.\d{3}/,
    );
  });

  it('says the threshold maximises F1 when no target is given', async () => {
    const out = join(dirname(history), 'f1.yaml');
    await runCaptured('suggest', '-i', history, '-l', 'converted', '-o', out);
    expect(readFileSync(out, 'utf8')).toContain('# Chosen to maximise F1');
  });

  it('leaves out the fields --exclude names', async () => {
    const run = await runCaptured('suggest', '-i', history, '-l', 'converted', '--exclude', 'industry');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('field: industry');
  });

  it('leaves out fields the sales process sets, saying so', async () => {
    const leads = syntheticLeadRecords(400, 5).map((lead) => ({
      ...lead,
      leadStatus: lead.converted ? 'Won' : 'Lost',
    }));
    const file = tempFile('status.jsonl', leads.map((lead) => JSON.stringify(lead)).join('\n') + '\n');
    const run = await runCaptured('suggest', '-i', file, '-l', 'converted');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('leadStatus');
    expect(run.stderr).toContain('note: left out leadStatus: set by the sales process');
  });

  it('exits 2 when --exclude names no field', async () => {
    const run = await runCaptured('suggest', '-i', history, '-l', 'converted', '--exclude', 'industy');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--exclude "industy" matches no column');
  });

  it('exits 2 when the leads have no such outcome', async () => {
    const run = await runCaptured('suggest', '--input', history, '--label', 'won');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no lead has an outcome field or column "won"');
  });

  it('exits 2 when every lead has the same outcome', async () => {
    const same = tempFile('same.jsonl', '{"id": "a", "converted": 1}\n{"id": "b", "converted": "yes"}\n');
    const run = await runCaptured('suggest', '--input', same, '--label', 'converted');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('every outcome is 1');
  });

  it('exits 2 when asked for an MQL count and a precision at once', async () => {
    const run = await runCaptured(
      'suggest',
      '-i',
      history,
      '-l',
      'converted',
      '--target-mqls',
      '100',
      '--target-precision',
      '0.5',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not both');
  });
});
