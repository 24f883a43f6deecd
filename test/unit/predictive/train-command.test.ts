import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCaptured, tempFile } from '../cli/run-captured.js';
import { syntheticLeads, toCsv } from './synthetic-leads.js';

const FIXTURES = 'test/fixtures/predictive';
const csv = tempFile('history.csv', toCsv(syntheticLeads(1000, 4), ';'));

describe('leadscore train', () => {
  it('writes a versioned model file and prints the cross-validated AUC and the training time', async () => {
    const out = join(dirname(csv), 'model.json');
    const run = await runCaptured('train', '--input', csv, '--label', 'converted', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/cross-validated ROC AUC 0\.\d{3} ± 0\.\d{3} \(5 stratified folds\)/);
    expect(run.stdout).toMatch(/read in \d+\.\d\d s, trained in \d+\.\d\d s/);
    expect(run.stdout).toContain(`Wrote ${out}`);
    const model = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect(model).toMatchObject({ format: 'leadscore-predictive', version: 1, label: 'converted', seed: 42 });
  });

  it('records the seed and the excluded columns', async () => {
    const out = join(dirname(csv), 'seeded.json');
    const run = await runCaptured(
      'train',
      '-i',
      csv,
      '-l',
      'converted',
      '-o',
      out,
      '--seed',
      '7',
      '-x',
      'pages,ti*',
    );
    expect(run.code).toBe(0);
    const model = JSON.parse(readFileSync(out, 'utf8')) as {
      seed: number;
      excluded: Array<{ column: string }>;
    };
    expect(model.seed).toBe(7);
    expect(model.excluded.map((e) => e.column)).toEqual(expect.arrayContaining(['pages', 'tier']));
  });

  it('learns from activity counts and recency of a lead file', async () => {
    const out = join(dirname(csv), 'leads.json');
    const run = await runCaptured(
      'train',
      '-i',
      `${FIXTURES}/leads-with-outcomes.jsonl`,
      '-l',
      'converted',
      '-o',
      out,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('not a lead field');
    const model = JSON.parse(readFileSync(out, 'utf8')) as {
      features: Array<{ kind: string }>;
      asOf: string;
    };
    expect(model.features.map((f) => f.kind)).toEqual(expect.arrayContaining(['activity_count', 'recency']));
    expect(model.asOf).toBe('2026-11-22T00:00:00.000Z');
  });

  describe('refuses bad input with exit code 2 and a message naming the file', () => {
    it.each([
      ['no outcome column', 'bad-outcome.csv', 'Won', /bad-outcome\.csv: no outcome column "Won"/],
      [
        'a single class',
        'single-class.csv',
        'Converted',
        /single-class\.csv: column "Converted": every outcome is 0/,
      ],
      ['an empty file', 'empty.csv', 'Converted', /empty\.csv: is empty/],
      [
        'a bad outcome value',
        'bad-outcome.csv',
        'Converted',
        /bad-outcome\.csv:4: column "Converted": expected an outcome/,
      ],
      [
        'non-numeric garbage',
        'garbage-number.csv',
        'Converted',
        /garbage-number\.csv:5: column "visits": expected a number/,
      ],
    ])('%s', async (_, file, label, message) => {
      const run = await runCaptured(
        'train',
        '--input',
        `${FIXTURES}/${file}`,
        '--label',
        label,
        '--out',
        join(dirname(csv), 'x.json'),
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    });

    it('a file that does not exist', async () => {
      const run = await runCaptured('train', '--input', 'missing.csv', '--label', 'Converted');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('missing.csv: file not found');
    });

    it('a seed that is not a whole number', async () => {
      const run = await runCaptured('train', '--input', csv, '--label', 'converted', '--seed', 'abc');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--seed: expected a whole number');
    });
  });
});
