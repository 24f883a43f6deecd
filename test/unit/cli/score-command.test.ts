import { describe, expect, it } from '@jest/globals';
import { runCaptured, tempFile } from './run-captured.js';

const SAMPLE = 'test/fixtures/sample-leads.jsonl';
const NOW = '2026-11-21T09:00:00Z';

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('leadscore score', () => {
  it('prints one JSON object per lead with exactly id, score, fit, engagement, grade, status and reasons', async () => {
    const run = await runCaptured('score', '--input', SAMPLE, '--now', NOW);
    expect(run.code).toBe(0);
    const results = jsonLines(run.stdout);
    expect(results).toHaveLength(60);
    for (const result of results)
      expect(Object.keys(result)).toEqual(['id', 'score', 'fit', 'engagement', 'grade', 'status', 'reasons']);
  });

  it('explains each lead with contributions and adjustments that add up to its score', async () => {
    const run = await runCaptured('score', '--input', SAMPLE, '--now', NOW, '--explain');
    for (const result of jsonLines(run.stdout)) {
      const parts = [
        ...(result.contributions as { points: number }[]),
        ...(result.adjustments as { points: number }[]),
      ];
      expect(parts.reduce((sum, p) => sum + p.points, 0)).toBe(result.score);
      expect(result.model).toMatch(/^default-b2b@[0-9a-f]{8}$/);
    }
  });

  it('gives the same output for the same input, model and --now', async () => {
    const first = await runCaptured('score', '--input', SAMPLE, '--now', NOW);
    const second = await runCaptured('score', '--input', SAMPLE, '--now', NOW);
    expect(second.stdout).toBe(first.stdout);
  });

  it('writes CSV with a header and quotes reasons that contain commas or quotes', async () => {
    const run = await runCaptured('score', '--input', SAMPLE, '--now', NOW, '--format', 'csv');
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('id,score,fit,engagement,grade,status,reasons');
    expect(lines).toHaveLength(61);
    expect(lines[1]).toMatch(/^L-0001,-?\d+,-?\d+,-?\d+,[ABCD],(mql|nurture|disqualified),/);
  });

  it('summarises the run as a table with grade, status and score distributions', async () => {
    const run = await runCaptured(
      'score',
      '--input',
      SAMPLE,
      '--now',
      NOW,
      '--format',
      'table',
      '--top',
      '5',
    );
    expect(run.stdout).toContain('Top 5 of 60 leads by score');
    expect(run.stdout).toContain('Grade distribution');
    expect(run.stdout).toContain('Status distribution');
    expect(run.stdout).toContain('Score distribution');
  });

  it('scores with another model given by --model', async () => {
    const run = await runCaptured(
      'score',
      '--input',
      SAMPLE,
      '--now',
      NOW,
      '--model',
      'config/examples/points-table.yaml',
      '--explain',
    );
    expect(jsonLines(run.stdout)[0]?.model).toMatch(/^points-table@/);
  });

  it('reports an input problem with the record id and still scores the lead', async () => {
    const input = tempFile(
      'leads.jsonl',
      '{"id":"ok-1","employees":"lots","activities":[]}\n{"id":"ok-2","createdAt":"03/05/2026","activities":[]}\n',
    );
    const run = await runCaptured('score', '--input', input, '--now', NOW);
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout).map((r) => r.id)).toEqual(['ok-1', 'ok-2']);
    expect(run.stderr).toMatch(/line 1 \(id ok-1\): employees/);
    expect(run.stderr).toMatch(/line 2 \(id ok-2\): createdAt/);
  });

  it('exits with 2 and names the file when the input does not exist', async () => {
    const run = await runCaptured('score', '--input', 'no/such/leads.jsonl');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no/such/leads.jsonl');
  });

  it('exits with 2 and names file, line and path when the model is invalid', async () => {
    const model = tempFile(
      'broken.yaml',
      'id: broken\nmql:\n  threshold: 50\nengagement:\n  - id: a\n    label: A\n    activity: page_view\n    points: ten\n',
    );
    const run = await runCaptured('score', '--input', SAMPLE, '--model', model);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${model}:8: engagement[0].points: expected number, got "ten"`);
  });

  it('exits with 2 on a --now that is not a date', async () => {
    const run = await runCaptured('score', '--input', SAMPLE, '--now', 'yesterday');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--now');
  });

  it('exits with 2 on an unknown --format', async () => {
    const run = await runCaptured('score', '--input', SAMPLE, '--format', 'xml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format');
  });
});

describe('leadscore --help', () => {
  it('lists the score and validate commands and exits with 0', async () => {
    const run = await runCaptured('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('score');
    expect(run.stdout).toContain('validate');
  });
});
