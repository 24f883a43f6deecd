import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '../../../src/predictive/random.js';
import type { Candidate } from '../../../src/predictive/suggest-candidates.js';
import { pointRules, readablePoints, TOP_POINTS } from '../../../src/predictive/suggest-points.js';

function candidate(label: string, field: string, value: string): Candidate {
  return {
    label,
    column: field,
    kind: 'when',
    when: { field, equals: value },
    maxCount: 1,
    level: { field, value, fieldLabel: field },
    impact: 1,
  };
}

/** n leads with two strong indicators (log-odds +2 and −1.5) and one that does nothing. */
function design(n: number) {
  const random = seededRandom(3);
  const x = new Float64Array(n * 3);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const row = [random() < 0.4 ? 1 : 0, random() < 0.3 ? 1 : 0, random() < 0.5 ? 1 : 0];
    x.set(row, i * 3);
    const logit = -0.5 + 2 * row[0]! - 1.5 * row[1]!;
    y[i] = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  }
  return { design: { x, rows: n, features: 3 }, outcomes: y };
}

describe('readablePoints', () => {
  it('rounds to multiples of 5 from 10 points and to whole points below', () => {
    expect([23.4, 12.4, 7.6, -3.2, -11].map(readablePoints)).toEqual([25, 10, 8, -3, -10]);
  });
});

describe('pointRules', () => {
  const { design: x, outcomes } = design(3000);
  const candidates = [
    candidate('Strong', 'industry', 'a'),
    candidate('Against', 'industry', 'b'),
    candidate('Noise', 'country', 'c'),
  ];

  it('gives the strongest rule about TOP_POINTS and keeps the signs of the effects', () => {
    const { rules } = pointRules(candidates, x, outcomes);
    const points = Object.fromEntries(rules.map((rule) => [rule.candidate.label, rule.points]));
    expect(points.Strong).toBe(TOP_POINTS);
    expect(points.Against).toBeLessThan(-10);
  });

  it('leaves out a rule whose effect could be noise', () => {
    const { rules } = pointRules(candidates, x, outcomes);
    expect(rules.map((rule) => rule.candidate.label)).not.toContain('Noise');
  });

  it('merges values of one field with equal points into one `in` rule', () => {
    // Two values of one field with the same effect (+2), and a third field against (−1.5).
    const random = seededRandom(5);
    const n = 5000;
    const equal = { x: new Float64Array(n * 3), rows: n, features: 3 };
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const u = random();
      const row = [u < 0.3 ? 1 : 0, u >= 0.3 && u < 0.6 ? 1 : 0, random() < 0.3 ? 1 : 0];
      equal.x.set(row, i * 3);
      y[i] = random() < 1 / (1 + Math.exp(-(-1 + 2 * (row[0]! + row[1]!) - 1.5 * row[2]!))) ? 1 : 0;
    }
    const same = [
      candidate('A', 'industry', 'a'),
      candidate('B', 'industry', 'b'),
      candidate('C', 'country', 'c'),
    ];
    const { rules } = pointRules(same, equal, y);
    expect(rules.map((rule) => rule.candidate.when)).toEqual([
      { field: 'industry', in: expect.arrayContaining(['a', 'b']) },
      { field: 'country', equals: 'c' },
    ]);
  });
});
