import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel, loadModelFromText } from '../../../src/scoring/load-model.js';
import { ModelError } from '../../../src/util/errors.js';
import type { ModelProblem } from '../../../src/util/errors.js';
import { yaml } from '../helpers/leads.js';

/** Loads the text and returns the ModelError it throws (fails the test if it does not throw one). */
function errorOf(text: string, file = 'models/demo.yaml'): ModelError {
  try {
    loadModelFromText(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return error as ModelError;
  }
  throw new Error('expected the model to be rejected, but it loaded');
}

/** The single problem of a model with exactly one mistake. */
function problemOf(text: string, file = 'models/demo.yaml'): ModelProblem {
  const { problems } = errorOf(text, file);
  expect(problems).toHaveLength(1);
  return problems[0] as ModelProblem;
}

describe('YAML syntax errors', () => {
  it('names the file and the line of a tab used as indentation', () => {
    const text = yaml`
      id: broken
      engagement:
        - id: pricing
          label: Pricing
          activity: page_view
      \tpoints: 10
      mql: { threshold: 60 }
    `;
    const problem = problemOf(text);
    expect(problem).toMatchObject({ file: 'models/demo.yaml', line: 6, path: '(yaml)' });
    expect(problem.message).toMatch(/^YAML syntax: /);
  });
  it('names the line of a key given twice in the same mapping', () => {
    const text = yaml`
      id: broken
      engagement:
        - id: pricing
          label: Pricing
          activity: page_view
          points: 10
          points: 20
      mql: { threshold: 60 }
    `;
    const error = errorOf(text);
    expect(error.message).toMatch(/^models\/demo\.yaml:7: \(yaml\): YAML syntax: Map keys must be unique/);
  });
});

describe('schema errors', () => {
  it('reports a wrong type as file:LINE: path: expected <type>, got <value>', () => {
    const text = yaml`
      id: demo
      engagement:
        - { id: newsletter, label: Newsletter, activity: newsletter_signup, points: 10 }
        - { id: whitepaper, label: Whitepaper, activity: content_download, points: 20 }
        - { id: pricing, label: Pricing, activity: page_view, points: 30 }
        - id: click
          label: Email click
          activity: email_click
          points: ten
      mql: { threshold: 60 }
    `;
    expect(errorOf(text).message).toBe(
      'models/demo.yaml:9: engagement[3].points: expected number, got "ten"',
    );
  });
  it('reports a threshold given as text', () => {
    const text = yaml`
      id: demo
      mql:
        threshold: "60"
    `;
    expect(problemOf(text)).toMatchObject({
      line: 3,
      path: 'mql.threshold',
      message: 'expected number, got "60"',
    });
  });
  it('reports an unknown activity type at its line', () => {
    const text = yaml`
      id: demo
      engagement:
        - id: pricing
          label: Pricing
          activity: page_visit
          points: 10
      mql: { threshold: 60 }
    `;
    const problem = problemOf(text);
    expect(problem).toMatchObject({ line: 5, path: 'engagement[0].activity' });
    expect(problem.message).toMatch(/got "page_visit"$/);
  });
  it('reports a misspelt key at its line', () => {
    const text = yaml`
      id: demo
      engagement:
        - id: pricing
          label: Pricing
          activity: page_view
          pionts: 10
      mql: { threshold: 60 }
    `;
    const { problems } = errorOf(text);
    expect(problems).toContainEqual(
      expect.objectContaining({ line: 6, path: 'engagement[0]', message: "unknown key 'pionts'" }),
    );
  });
  it('reports a missing required key at the line of its rule', () => {
    const text = yaml`
      id: demo
      fit:
        - id: role
          label: Role
          when: { field: seniority, equals: vp }
      mql: { threshold: 60 }
    `;
    expect(problemOf(text)).toMatchObject({
      line: 3,
      path: 'fit[0].points',
      message: 'required: expected number',
    });
  });
  it('reports a positive number in a negative rule', () => {
    const text = yaml`
      id: demo
      negative:
        - id: free-mail
          label: Free mail
          points: 15
          when: { field: emailDomain, in: { list: free_mail } }
      mql: { threshold: 60 }
    `;
    expect(problemOf(text)).toMatchObject({ line: 5, path: 'negative[0].points' });
  });
});

describe('condition errors', () => {
  it('reports an unknown operator with the path into the condition', () => {
    const text = yaml`
      id: demo
      fit:
        - id: size
          label: Size
          points: 10
          when:
            any:
              - { field: employees, gte: 50 }
              - field: annualRevenue
                greater_than: 1000000
      mql: { threshold: 60 }
    `;
    const problem = problemOf(text);
    expect(problem).toMatchObject({
      file: 'models/demo.yaml',
      line: 10,
      path: 'fit[0].when.any[1].greater_than',
    });
    expect(problem.message).toMatch(/^unknown operator 'greater_than'/);
  });
  it('reports an invalid regular expression at its line', () => {
    const text = yaml`
      id: demo
      engagement:
        - id: pricing
          label: Pricing
          activity: page_view
          points: 10
          where:
            field: url
            matches: "/pricing(/|$"
      mql: { threshold: 60 }
    `;
    const problem = problemOf(text);
    expect(problem).toMatchObject({ line: 9, path: 'engagement[0].where.matches' });
    expect(problem.message).toMatch(/^invalid regular expression: /);
  });
  it('reports an invalid regular expression inside not', () => {
    const text = yaml`
      id: demo
      mql:
        threshold: 60
        exclude:
          - label: Not a student
            when:
              not:
                field: jobTitle
                matches: "[student"
    `;
    expect(problemOf(text)).toMatchObject({ line: 9, path: 'mql.exclude[0].when.not.matches' });
  });
  it('reports an unknown list at its line', () => {
    const text = yaml`
      id: demo
      lists:
        competitors: [rival.io]
      negative:
        - id: competitor
          label: Competitor
          points: -50
          when:
            field: emailDomain
            in: { list: competitor }
      mql: { threshold: 60 }
    `;
    const problem = problemOf(text);
    expect(problem).toMatchObject({ line: 10, path: 'negative[0].when.in.list' });
    expect(problem.message).toBe("unknown list 'competitor' (expected one of competitors, free_mail)");
  });
  it('reports between bounds in the wrong order', () => {
    const text = yaml`
      id: demo
      fit:
        - { id: size, label: Size, points: 10, when: { field: employees, between: [5000, 50] } }
      mql: { threshold: 60 }
    `;
    expect(problemOf(text)).toMatchObject({ line: 3, path: 'fit[0].when.between' });
  });
  it('reports a date operand that is not a date', () => {
    const text = yaml`
      id: demo
      fit:
        - id: recent
          label: Recent
          points: 10
          when: { field: createdAt, gte: yesterday }
      mql: { threshold: 60 }
    `;
    expect(problemOf(text)).toMatchObject({
      line: 6,
      path: 'fit[0].when.gte',
      message: 'expected a number or an ISO-8601 date like 2026-03-05',
    });
  });
});

describe('duplicate rule ids', () => {
  it('reports the second use of an id, with where it was first used', () => {
    const text = yaml`
      id: demo
      engagement:
        - id: pricing
          label: Pricing page visit
          activity: page_view
          points: 10
      negative:
        - id: pricing
          label: Pricing page, again
          inactiveDays: 30
          points: -10
      mql: { threshold: 60 }
    `;
    expect(errorOf(text).message).toBe(
      "models/demo.yaml:8: negative[0].id: duplicate rule id 'pricing' (first used at engagement[0])",
    );
  });
  it('reports duplicates within one section', () => {
    const text = yaml`
      id: demo
      fit:
        - { id: role, label: Role, points: 10, when: { field: seniority, equals: vp } }
        - { id: role, label: Role again, points: 10, when: { field: seniority, equals: director } }
      mql: { threshold: 60 }
    `;
    expect(problemOf(text)).toMatchObject({ line: 4, path: 'fit[1].id' });
  });
});

describe('the error itself', () => {
  it('is a ModelError with code MODEL_INVALID and exit code 2', () => {
    const error = errorOf('id: demo\n');
    expect([error.code, error.exitCode]).toEqual(['MODEL_INVALID', 2]);
  });
  it('lists every problem, one per line', () => {
    const text = yaml`
      id: demo
      fit:
        - { id: size, label: Size, points: 10, when: { field: employees, between: [5000, 50] } }
      mql: { threshold: "60" }
    `;
    expect(errorOf(text).message.split('\n')).toEqual([
      'models/demo.yaml:3: fit[0].when.between: expected [low, high] with low <= high, got [5000, 50]',
      'models/demo.yaml:4: mql.threshold: expected number, got "60"',
    ]);
  });
  it('names the text "(inline)" when no file is given', () => {
    expect(() => loadModelFromText('id: demo\n')).toThrow(/^\(inline\):1: mql: required/);
  });
  it('counts lines from the start of the file, after a byte-order mark', () => {
    const problem = problemOf('\uFEFFid: demo\nmql:\n  threshold: sixty\n');
    expect(problem).toMatchObject({ line: 3, path: 'mql.threshold' });
  });
});

describe('loadModel(file)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'leadscore-model-errors-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('names the file it read, with the line and path of the problem', async () => {
    const file = write(
      'wrong-type.yaml',
      yaml`
        id: demo
        engagement:
          - { id: click, label: Email click, activity: email_click, points: ten }
        mql: { threshold: 60 }
      `,
    );
    await expect(loadModel(file)).rejects.toThrow(
      `${file}:3: engagement[0].points: expected number, got "ten"`,
    );
  });
  it('names the file of a YAML syntax error', async () => {
    const file = write('syntax.yaml', 'id: demo\nmql:\n  threshold: [60\n');
    await expect(loadModel(file)).rejects.toThrow(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: \\(yaml\\): YAML syntax`),
    );
  });
  it('reports a file that does not exist', async () => {
    const file = join(dir, 'missing.yaml');
    await expect(loadModel(file)).rejects.toThrow(`${file}: (file): file not found`);
  });
  it('loads a valid file', async () => {
    const file = write('valid.yaml', 'id: demo\nmql: { threshold: 60 }\n');
    await expect(loadModel(file)).resolves.toMatchObject({ file, model: { id: 'demo' } });
  });
  it.each([
    'config/scoring.yaml',
    'config/examples/points-table.yaml',
    'config/examples/role-industry-demo.yaml',
  ])('loads the shipped model %s without a problem', async (name) => {
    const file = fileURLToPath(new URL(`../../../${name}`, import.meta.url));
    await expect(loadModel(file)).resolves.toBeDefined();
  });
});
