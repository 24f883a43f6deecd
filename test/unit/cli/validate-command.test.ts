import { describe, expect, it } from '@jest/globals';
import { runCaptured, tempFile } from './run-captured.js';

const HEADER = 'id: linted\nmql:\n  threshold: 20\n';

function fitRules(count: number): string {
  return (
    'fit:\n' +
    Array.from(
      { length: count },
      (_, i) => `  - { id: r${i}, label: R${i}, points: 1, when: { field: industry, equals: x${i} } }\n`,
    ).join('')
  );
}

describe('leadscore validate', () => {
  it('accepts the default model without warnings', async () => {
    const run = await runCaptured('validate');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/model default-b2b@[0-9a-f]{8} is valid/);
    expect(run.stdout).not.toContain('warning');
  });

  it.each(['config/examples/points-table.yaml', 'config/examples/role-industry-demo.yaml'])(
    'accepts %s without warnings',
    async (model) => {
      const run = await runCaptured('validate', '--model', model);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain('warning');
    },
  );

  it('warns about a model with 26 criteria but not one with 25', async () => {
    const at25 = await runCaptured('validate', '--model', tempFile('m.yaml', HEADER + fitRules(25)));
    const at26 = await runCaptured('validate', '--model', tempFile('m.yaml', HEADER + fitRules(26)));
    expect(at25.stdout).not.toContain('warning');
    expect(at26.stdout).toContain('26 criteria');
  });

  it('warns about a field the canonical lead does not have, with its line', async () => {
    const model = tempFile(
      'm.yaml',
      HEADER + 'fit:\n  - id: a\n    label: A\n    points: 25\n    when: { field: companySize, gte: 50 }\n',
    );
    const run = await runCaptured('validate', '--model', model);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `${model}:8: fit[0].when.field: 'companySize' is not a field of the canonical lead`,
    );
  });

  it('warns about a rule that can never match', async () => {
    const model = tempFile(
      'm.yaml',
      HEADER + 'fit:\n  - id: a\n    label: A\n    points: 25\n    when: { field: industry, gte: 50 }\n',
    );
    const run = await runCaptured('validate', '--model', model);
    expect(run.stdout).toMatch(
      /fit\[0\]\.when\.gte: industry is a string; 'gte' compares numbers or dates and never matches/,
    );
  });

  it('warns about contradicting conditions', async () => {
    const model = tempFile(
      'm.yaml',
      HEADER +
        'fit:\n  - id: a\n    label: A\n    points: 25\n    when: { all: [{ field: country, equals: US }, { field: country, equals: DE }] }\n',
    );
    const run = await runCaptured('validate', '--model', model);
    expect(run.stdout).toContain("the conditions on 'country' contradict each other");
  });

  it('warns when the threshold is one point above the highest reachable score, not when it equals it', async () => {
    const rules = 'fit:\n  - { id: a, label: A, points: 20, when: { field: industry, equals: x } }\n';
    const equal = await runCaptured(
      'validate',
      '--model',
      tempFile('m.yaml', 'id: m\nmql: { threshold: 20 }\ngrades: { A: 20, B: 10, C: 5 }\n' + rules),
    );
    const above = await runCaptured(
      'validate',
      '--model',
      tempFile('m.yaml', 'id: m\nmql: { threshold: 21 }\ngrades: { A: 20, B: 10, C: 5 }\n' + rules),
    );
    expect(equal.stdout).not.toContain('warning');
    expect(above.stdout).toContain('MQL threshold 21 is above the highest reachable score 20');
  });

  it('exits with 2 on warnings when --strict is given', async () => {
    const model = tempFile(
      'm.yaml',
      HEADER + 'fit:\n  - id: a\n    label: A\n    points: 25\n    when: { field: companySize, gte: 50 }\n',
    );
    const run = await runCaptured('validate', '--model', model, '--strict');
    expect(run.code).toBe(2);
  });

  it('exits with 2 and names the line of a YAML syntax error', async () => {
    const model = tempFile('m.yaml', 'id: m\nmql:\n  threshold: [50\n');
    const run = await runCaptured('validate', '--model', model);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`${model}:\\d+: \\(yaml\\): YAML syntax`));
  });

  it('exits with 2 when the model file does not exist', async () => {
    const run = await runCaptured('validate', '--model', 'config/nope.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('config/nope.yaml');
    expect(run.stderr).toContain('file not found');
  });
});
