import { describe, expect, it } from '@jest/globals';
import type { Activity } from '../../../src/model/activity.js';
import type { LeadProfile } from '../../../src/model/lead.js';
import type { CompiledModel } from '../../../src/scoring/compile-model.js';
import { DAY_MS } from '../../../src/scoring/decay.js';
import { scoreLead } from '../../../src/scoring/score-lead.js';
import {
  accountedScore,
  activity,
  buildLead,
  compile,
  contributionOf,
  daysAgo,
  NOW,
  pointsOf,
  yaml,
} from '../helpers/leads.js';

// Every rule of the model at its edges: exactly on the boundary, one day (or point) before, one after.

const score = (model: CompiledModel, activities: Activity[] = [], profile: LeadProfile = {}) =>
  scoreLead(model, buildLead(profile, activities), NOW);
const clicks = (n: number, ageDays = 0) => Array.from({ length: n }, () => activity('email_click', ageDays));

describe('engagement window (withinDays: 30)', () => {
  const model = compile(yaml`
    id: window
    engagement:
      - { id: click, label: Email click, activity: email_click, points: 10, withinDays: 30 }
    mql: { threshold: 100 }
  `);

  it('counts an activity 29 days old', () => {
    expect(pointsOf(score(model, clicks(1, 29)), 'click')).toBe(10);
  });
  it('counts an activity exactly 30 days old', () => {
    expect(pointsOf(score(model, clicks(1, 30)), 'click')).toBe(10);
  });
  it('ignores an activity 31 days old', () => {
    expect(pointsOf(score(model, clicks(1, 31)), 'click')).toBe(0);
  });
  it('ignores an activity one millisecond older than 30 days', () => {
    const click: Activity = { type: 'email_click', at: new Date(daysAgo(30).getTime() - 1) };
    expect(pointsOf(score(model, [click]), 'click')).toBe(0);
  });
  it('counts only the occurrences inside the window', () => {
    const result = score(model, [...clicks(1, 30), ...clicks(1, 31)]);
    expect(contributionOf(result, 'click')).toMatchObject({ points: 10, count: 1 });
  });
});

describe('activities after now', () => {
  const model = compile(yaml`
    id: future
    engagement:
      - { id: click, label: Email click, activity: email_click, points: 10 }
    mql: { threshold: 100 }
  `);

  it('counts an activity dated exactly now', () => {
    expect(score(model, clicks(1, 0)).score).toBe(10);
  });
  it('ignores an activity dated one millisecond after now', () => {
    expect(score(model, [{ type: 'email_click', at: new Date(NOW.getTime() + 1) }]).score).toBe(0);
  });
  it('ignores an activity dated one day after now', () => {
    expect(score(model, clicks(1, -1)).score).toBe(0);
  });
  it('scores a backtest as of an earlier now without the later activities', () => {
    const lead = buildLead({}, [...clicks(1, 10), ...clicks(1, 2)]);
    expect(scoreLead(model, lead, daysAgo(5)).score).toBe(10);
    expect(scoreLead(model, lead, NOW).score).toBe(20);
  });
});

describe('half-life decay (halfLifeDays: 30, 100 points)', () => {
  const model = compile(yaml`
    id: half-life
    decay: { halfLifeDays: 30 }
    engagement:
      - { id: click, label: Email click, activity: email_click, points: 100 }
    mql: { threshold: 1000 }
  `);

  it('keeps all 100 points for an activity of today', () => {
    expect(pointsOf(score(model, clicks(1, 0)), 'click')).toBe(100);
  });
  it('gives 51 points one day before the half-life (100 × 0.5^(29/30) = 51.2)', () => {
    expect(pointsOf(score(model, clicks(1, 29)), 'click')).toBe(51);
  });
  it('gives exactly 50 points at the half-life, with a decay factor of 0.5', () => {
    const result = score(model, clicks(1, 30));
    expect(contributionOf(result, 'click')).toMatchObject({ points: 50, decay: 0.5 });
  });
  it('gives 49 points one day after the half-life (100 × 0.5^(31/30) = 48.9)', () => {
    expect(pointsOf(score(model, clicks(1, 31)), 'click')).toBe(49);
  });
  it('gives 25 points at two half-lives', () => {
    expect(pointsOf(score(model, clicks(1, 60)), 'click')).toBe(25);
  });
});

describe('stepwise decay (percent: 10, everyDays: 30, 100 points)', () => {
  const model = compile(yaml`
    id: stepwise
    decay: { percent: 10, everyDays: 30 }
    engagement:
      - { id: click, label: Email click, activity: email_click, points: 100 }
    mql: { threshold: 1000 }
  `);

  it('keeps all 100 points one day before the first period ends', () => {
    expect(pointsOf(score(model, clicks(1, 29)), 'click')).toBe(100);
  });
  it('takes 10 % off exactly when the first period ends', () => {
    expect(pointsOf(score(model, clicks(1, 30)), 'click')).toBe(90);
  });
  it('takes only 10 % off one day after the first period ends', () => {
    expect(pointsOf(score(model, clicks(1, 31)), 'click')).toBe(90);
  });
  it('still takes only 10 % off one day before the second period ends', () => {
    expect(pointsOf(score(model, clicks(1, 59)), 'click')).toBe(90);
  });
  it('compounds to 81 points exactly when the second period ends', () => {
    expect(pointsOf(score(model, clicks(1, 60)), 'click')).toBe(81);
  });
});

describe('decay of a rule versus the model', () => {
  const model = compile(yaml`
    id: decay-override
    decay: { halfLifeDays: 10 }
    engagement:
      - { id: global, label: Global decay, activity: email_click, points: 100 }
      - { id: stepwise, label: Own decay, activity: email_click, points: 100, decay: { percent: 10, everyDays: 30 } }
      - { id: fresh, label: No decay, activity: email_click, points: 100, decay: none }
    negative:
      - { id: bounce, label: Email bounce, activity: email_bounce, points: -100 }
    mql: { threshold: 1000 }
  `);
  const result = score(model, [...clicks(1, 30), activity('email_bounce', 30)]);

  it('applies the model decay to a rule without its own (100 × 0.5^3 = 12.5 → 13)', () => {
    expect(pointsOf(result, 'global')).toBe(13);
  });
  it("applies a rule's own decay instead of the model's", () => {
    expect(pointsOf(result, 'stepwise')).toBe(90);
  });
  it('switches decay off for a rule with decay: none', () => {
    expect(contributionOf(result, 'fresh')).toMatchObject({ points: 100, decay: 1 });
  });
  it('applies the model decay to a negative activity rule too', () => {
    expect(pointsOf(result, 'bounce')).toBe(-13);
  });
  it('uses no decay at all when the model sets none', () => {
    const plain = compile(yaml`
      id: no-decay
      engagement:
        - { id: click, label: Email click, activity: email_click, points: 100 }
      mql: { threshold: 1000 }
    `);
    expect(pointsOf(score(plain, clicks(1, 3650)), 'click')).toBe(100);
  });
});

describe('points per occurrence and per once (halfLifeDays: 30)', () => {
  const model = compile(yaml`
    id: per
    decay: { halfLifeDays: 30 }
    engagement:
      - { id: each, label: Every click, activity: email_click, points: 40 }
      - { id: once, label: Clicked at all, activity: email_click, per: once, points: 40 }
      - { id: small, label: Small, activity: page_view, points: 5 }
    negative:
      - { id: small-penalty, label: Small penalty, activity: email_bounce, points: -5 }
    mql: { threshold: 1000 }
  `);

  it('sums the decay factors of every occurrence: 40 × (1 + 0.5 + 0.25) = 70', () => {
    const result = score(model, [...clicks(1, 0), ...clicks(1, 30), ...clicks(1, 60)]);
    expect(contributionOf(result, 'each')).toMatchObject({ points: 70, count: 3 });
  });
  it('reports the mean decay factor of the counted occurrences', () => {
    const result = score(model, [...clicks(1, 0), ...clicks(1, 30), ...clicks(1, 60)]);
    expect(contributionOf(result, 'each')?.decay).toBeCloseTo(1.75 / 3, 4);
  });
  it('counts a per-once rule at the factor of the most recent occurrence: 40 × 0.5 = 20', () => {
    const result = score(model, [...clicks(1, 60), ...clicks(1, 30), ...clicks(1, 90)]);
    expect(contributionOf(result, 'once')).toMatchObject({ points: 20, count: 1, decay: 0.5 });
  });
  it('does not show "×3" for a per-once rule that three activities matched', () => {
    const result = score(model, [...clicks(1, 60), ...clicks(1, 30), ...clicks(1, 90)]);
    expect(result.reasons).toContain('+20 Clicked at all');
    expect(result.reasons).not.toContain('Clicked at all ×');
  });
  it('rounds a positive half point away from zero: 5 × 0.5 = 2.5 → 3', () => {
    expect(pointsOf(score(model, [activity('page_view', 30)]), 'small')).toBe(3);
  });
  it('rounds a negative half point away from zero: −5 × 0.5 = −2.5 → −3', () => {
    expect(pointsOf(score(model, [activity('email_bounce', 30)]), 'small-penalty')).toBe(-3);
  });
});

describe('rule cap (10 points per click, cap: 30)', () => {
  const model = compile(yaml`
    id: rule-cap
    engagement:
      - { id: click, label: Email click, activity: email_click, points: 10, cap: 30 }
      - { id: view, label: Page view, activity: page_view, points: 20, cap: 30, decay: { halfLifeDays: 30 } }
    negative:
      - { id: bounce, label: Email bounce, activity: email_bounce, points: -10, cap: 20 }
    mql: { threshold: 1000 }
  `);
  const bounces = (n: number) => Array.from({ length: n }, () => activity('email_bounce', 0));

  it('leaves 20 points of two clicks uncapped', () => {
    expect(contributionOf(score(model, clicks(2)), 'click')).toMatchObject({ points: 20, capped: false });
  });
  it('leaves exactly 30 points of three clicks uncapped', () => {
    expect(contributionOf(score(model, clicks(3)), 'click')).toMatchObject({ points: 30, capped: false });
  });
  it('caps 40 points of four clicks at 30 and marks the contribution capped', () => {
    expect(contributionOf(score(model, clicks(4)), 'click')).toMatchObject({
      points: 30,
      capped: true,
      count: 4,
    });
  });
  it('caps the decayed sum, not the occurrence count: 20 + 20 × 0.5^(29/30) = 30.2 → 30 capped', () => {
    const result = score(model, [activity('page_view', 0), activity('page_view', 29)]);
    expect(contributionOf(result, 'view')).toMatchObject({ points: 30, capped: true });
  });
  it('leaves a decayed sum of exactly the cap uncapped: 20 + 20 × 0.5 = 30', () => {
    const result = score(model, [activity('page_view', 0), activity('page_view', 30)]);
    expect(contributionOf(result, 'view')).toMatchObject({ points: 30, capped: false });
  });
  it('leaves a penalty of exactly the cap uncapped: 2 bounces = −20', () => {
    expect(contributionOf(score(model, bounces(2)), 'bounce')).toMatchObject({ points: -20, capped: false });
  });
  it('limits the magnitude of a penalty: 3 bounces = −30 → −20 capped', () => {
    expect(contributionOf(score(model, bounces(3)), 'bounce')).toMatchObject({ points: -20, capped: true });
  });
});

describe('group caps (caps: { fit: 40, engagement: 30 })', () => {
  // Fit: 41 for any lead with an email, −1 without a job title, −2 without an industry.
  const model = compile(yaml`
    id: group-caps
    caps: { fit: 40, engagement: 30 }
    grades: { A: 40, B: 25, C: 10 }
    fit:
      - { id: base, label: Base, points: 41, when: { field: email, exists: true } }
    negative:
      - { id: no-title, label: No title, points: -1, when: { field: jobTitle, missing: true } }
      - { id: no-industry, label: No industry, points: -2, when: { field: industry, missing: true } }
    engagement:
      - { id: click, label: Email click, activity: email_click, points: 1 }
    mql: { threshold: 1000 }
  `);
  const fitOf = (points: 39 | 40 | 41) => ({
    email: 'ann@acme.com',
    jobTitle: points === 40 ? undefined : 'CTO',
    industry: points === 39 ? undefined : 'software',
  });

  it('leaves fit of 39 uncapped (one point below the cap)', () => {
    const result = score(model, [], fitOf(39));
    expect(result.fit).toBe(39);
    expect(result.adjustments).toEqual([]);
  });
  it('leaves fit of exactly 40 uncapped, with no adjustment', () => {
    const result = score(model, [], fitOf(40));
    expect(result.fit).toBe(40);
    expect(result.adjustments).toEqual([]);
  });
  it('caps fit of 41 at 40 with a cap adjustment of −1', () => {
    const result = score(model, [], fitOf(41));
    expect(result.fit).toBe(40);
    expect(result.score).toBe(40);
    expect(result.adjustments).toEqual([
      { kind: 'cap', dimension: 'fit', points: -1, label: 'Fit capped at 40' },
    ]);
  });
  it('leaves engagement of 29 uncapped (one point below the cap)', () => {
    const result = score(model, clicks(29));
    expect([result.engagement, result.adjustments]).toEqual([29, []]);
  });
  it('leaves engagement of exactly 30 uncapped', () => {
    const result = score(model, clicks(30));
    expect(result.engagement).toBe(30);
    expect(result.adjustments).toEqual([]);
  });
  it('caps engagement of 31 at 30 with a cap adjustment of −1', () => {
    const result = score(model, clicks(31));
    expect(result.engagement).toBe(30);
    expect(result.adjustments).toEqual([
      { kind: 'cap', dimension: 'engagement', points: -1, label: 'Engagement capped at 30' },
    ]);
  });
  it('keeps the contributions uncapped, so that they and the adjustments add up to the score', () => {
    const result = score(model, clicks(35), fitOf(41));
    expect(result.score).toBe(70);
    expect(accountedScore(result)).toBe(70);
  });
});

describe('dimension weights (fitWeight: 0.5, engagementWeight: 2)', () => {
  const model = compile(yaml`
    id: weights
    score: { fitWeight: 0.5, engagementWeight: 2 }
    fit:
      - { id: role, label: Role, points: 25, when: { field: jobTitle, exists: true } }
    engagement:
      - { id: click, label: Email click, activity: email_click, points: 10 }
    mql: { threshold: 1000 }
  `);

  it('weighs fit and engagement into the score, rounding half away from zero: 25 × 0.5 + 10 × 2 = 13 + 20', () => {
    const result = score(model, clicks(1), { jobTitle: 'CTO' });
    expect(result.score).toBe(33);
    expect(result.adjustments).toEqual([
      { kind: 'weight', dimension: 'fit', points: -12, label: 'Fit weight ×0.5' },
      { kind: 'weight', dimension: 'engagement', points: 10, label: 'Engagement weight ×2' },
    ]);
  });
  it('reports fit and engagement unweighted', () => {
    const result = score(model, clicks(1), { jobTitle: 'CTO' });
    expect([result.fit, result.engagement]).toEqual([25, 10]);
  });
  it('adds no weight adjustment for a dimension with nothing in it', () => {
    expect(score(model, clicks(1)).adjustments).toEqual([
      { kind: 'weight', dimension: 'engagement', points: 10, label: 'Engagement weight ×2' },
    ]);
  });
});

describe('score clamp (min: 0, max: 100)', () => {
  // One click is worth 1 point; a lead without a job title loses 10.
  const model = compile(yaml`
    id: clamp
    score: { min: 0, max: 100 }
    engagement:
      - { id: click, label: Email click, activity: email_click, points: 1 }
    negative:
      - { id: no-title, label: No title, points: -10, countsToward: engagement, when: { field: jobTitle, missing: true } }
    mql: { threshold: 1000 }
  `);
  const titled = { jobTitle: 'CTO' };

  it('leaves 99 alone', () => {
    const result = score(model, clicks(99), titled);
    expect([result.score, result.adjustments]).toEqual([99, []]);
  });
  it('leaves exactly 100 alone', () => {
    const result = score(model, clicks(100), titled);
    expect([result.score, result.adjustments]).toEqual([100, []]);
  });
  it('clamps 101 to 100 with a clamp adjustment of −1', () => {
    const result = score(model, clicks(101), titled);
    expect(result.score).toBe(100);
    expect(result.adjustments).toEqual([{ kind: 'clamp', points: -1, label: 'Score limited to 100' }]);
  });
  it('leaves 1 alone', () => {
    expect(score(model, clicks(11)).score).toBe(1);
  });
  it('leaves exactly 0 alone', () => {
    const result = score(model, clicks(10));
    expect([result.score, result.adjustments]).toEqual([0, []]);
  });
  it('clamps −1 to 0 with a clamp adjustment of +1', () => {
    const result = score(model, clicks(9));
    expect(result.score).toBe(0);
    expect(result.adjustments).toEqual([{ kind: 'clamp', points: 1, label: 'Score limited to 0' }]);
  });
  it('leaves engagement unclamped', () => {
    expect(score(model, clicks(9)).engagement).toBe(-1);
  });
});

describe('inactivity (inactiveDays: 30, −20)', () => {
  const model = compile(yaml`
    id: inactivity
    negative:
      - { id: inactive, label: No activity for 30 days, inactiveDays: 30, points: -20 }
    mql: { threshold: 1000 }
  `);
  const penalty = (activities: Activity[], profile: LeadProfile = {}) =>
    pointsOf(score(model, activities, profile), 'inactive');

  it('does not penalise a lead last active 29 days ago', () => {
    expect(penalty([activity('page_view', 29)])).toBe(0);
  });
  it('does not penalise a lead last active exactly 30 days ago', () => {
    expect(penalty([activity('page_view', 30)])).toBe(0);
  });
  it('penalises a lead last active 31 days ago', () => {
    expect(penalty([activity('page_view', 31)])).toBe(-20);
  });
  it('penalises a lead last active 30 days and one millisecond ago', () => {
    expect(penalty([{ type: 'page_view', at: new Date(daysAgo(30).getTime() - 1) }])).toBe(-20);
  });
  it('looks at the most recent activity, whatever the order of the list', () => {
    expect(penalty([activity('page_view', 5), activity('page_view', 90)])).toBe(0);
    expect(penalty([activity('page_view', 90), activity('page_view', 5)])).toBe(0);
  });
  it('does not count an email bounce as activity', () => {
    expect(penalty([activity('page_view', 31), activity('email_bounce', 1)])).toBe(-20);
  });
  it('does not count an activity after now as activity', () => {
    expect(penalty([activity('page_view', 31), activity('page_view', -1)])).toBe(-20);
  });
  it('falls back to createdAt without activities: created 29 days ago → no penalty', () => {
    expect(penalty([], { createdAt: daysAgo(29) })).toBe(0);
  });
  it('falls back to createdAt without activities: created exactly 30 days ago → no penalty', () => {
    expect(penalty([], { createdAt: daysAgo(30) })).toBe(0);
  });
  it('falls back to createdAt without activities: created 31 days ago → penalty', () => {
    expect(penalty([], { createdAt: daysAgo(31) })).toBe(-20);
  });
  it('falls back to createdAt when the only activities are email bounces', () => {
    expect(penalty([activity('email_bounce', 1)], { createdAt: daysAgo(10) })).toBe(0);
    expect(penalty([activity('email_bounce', 1)], { createdAt: daysAgo(31) })).toBe(-20);
  });
  it('does not penalise a lead created 5 days ago whose imported history is 40 days old', () => {
    expect(penalty([activity('page_view', 40)], { createdAt: daysAgo(5) })).toBe(0);
  });
  it('penalises a lead created 31 days ago whose last activity is 40 days old', () => {
    expect(penalty([activity('page_view', 40)], { createdAt: daysAgo(31) })).toBe(-20);
  });
  it('penalises a lead with neither activities nor createdAt', () => {
    expect(penalty([])).toBe(-20);
  });
  it('counts the penalty toward engagement by default', () => {
    const result = score(model, []);
    expect([result.fit, result.engagement, result.score]).toEqual([0, -20, -20]);
  });
  it('counts the penalty toward fit with countsToward: fit', () => {
    const fitModel = compile(yaml`
      id: inactivity-fit
      negative:
        - { id: inactive, label: Inactive, inactiveDays: 30, points: -20, countsToward: fit }
      mql: { threshold: 1000 }
    `);
    const result = score(fitModel, []);
    expect([result.fit, result.engagement]).toEqual([-20, 0]);
  });
});

describe('grade bands (A: 40, B: 25, C: 10)', () => {
  const gradeOf = (fit: number, caps = '') =>
    score(
      compile(yaml`
        id: grades
        ${caps}
        grades: { A: 40, B: 25, C: 10 }
        fit:
          - { id: fit, label: Fit, points: ${fit}, when: { field: email, exists: true } }
        mql: { threshold: 1000 }
      `),
      [],
      { email: 'ann@acme.com' },
    ).grade;

  it.each([
    [41, 'A'],
    [40, 'A'],
    [39, 'B'],
    [26, 'B'],
    [25, 'B'],
    [24, 'C'],
    [11, 'C'],
    [10, 'C'],
    [9, 'D'],
    [0, 'D'],
    [-5, 'D'],
  ])('grades fit %i as %s', (fit, grade) => {
    expect(gradeOf(fit)).toBe(grade);
  });
  it('grades fit after the fit cap: 50 capped at 30 is a B', () => {
    expect(gradeOf(50, 'caps: { fit: 30 }')).toBe('B');
  });
  it('grades from fit alone, whatever the engagement', () => {
    const model = compile(yaml`
      id: grade-engagement
      grades: { A: 40, B: 25, C: 10 }
      engagement:
        - { id: click, label: Email click, activity: email_click, points: 100 }
      mql: { threshold: 1000 }
    `);
    expect(score(model, clicks(1)).grade).toBe('D');
  });
  it('grades fit before its weight: fit 40 at fitWeight 0.5 is still an A', () => {
    expect(gradeOf(40, 'score: { fitWeight: 0.5 }')).toBe('A');
  });
});

describe('MQL threshold (60)', () => {
  // 50 fit points for any lead with an email, 1 point per click.
  const model = compile(yaml`
    id: threshold
    fit:
      - { id: base, label: Base, points: 50, when: { field: email, exists: true } }
    engagement:
      - { id: click, label: Email click, activity: email_click, points: 1 }
    mql: { threshold: 60 }
  `);
  const lead = { email: 'ann@acme.com' };

  it('keeps a lead at 59 in nurture, without a status reason', () => {
    const result = score(model, clicks(9), lead);
    expect([result.score, result.status, result.statusReason]).toEqual([59, 'nurture', undefined]);
  });
  it('makes a lead at exactly 60 an MQL', () => {
    const result = score(model, clicks(10), lead);
    expect([result.score, result.status]).toEqual([60, 'mql']);
  });
  it('makes a lead at 61 an MQL', () => {
    const result = score(model, clicks(11), lead);
    expect([result.score, result.status]).toEqual([61, 'mql']);
  });
  it('compares the clamped score with the threshold', () => {
    const clamped = compile(yaml`
      id: threshold-clamped
      score: { max: 59 }
      engagement:
        - { id: click, label: Email click, activity: email_click, points: 100 }
      mql: { threshold: 60 }
    `);
    expect(score(clamped, clicks(1)).status).toBe('nurture');
  });
});

describe('MQL acceptance criteria (threshold 60, accepted at fit ≥ 20 with a known country)', () => {
  // Fit: 60 for an email, −40 without a job title, −1 without an industry, +1 with budget authority.
  // Engagement: 1 point per click.
  const model = compile(yaml`
    id: accept
    fit:
      - { id: base, label: Base, points: 60, when: { field: email, exists: true } }
      - { id: budget, label: Budget, points: 1, when: { field: budgetAuthority, equals: true } }
    negative:
      - { id: no-title, label: No title, points: -40, when: { field: jobTitle, missing: true } }
      - { id: no-industry, label: No industry, points: -1, when: { field: industry, missing: true } }
    engagement:
      - { id: click, label: Email click, activity: email_click, points: 1 }
    mql:
      threshold: 60
      accept:
        - { label: Fit of 20 or more, when: { field: fit, gte: 20 } }
        - { label: Known country, when: { field: country, exists: true } }
  `);
  const fit60 = { email: 'ann@acme.com', jobTitle: 'CTO', industry: 'software', country: 'US' };
  const fit19 = { email: 'ann@acme.com', country: 'US' };
  const fit20 = { ...fit19, industry: 'software' };
  const fit21 = { ...fit20, budgetAuthority: true };

  it('makes a lead at the threshold that meets every criterion an MQL', () => {
    expect(score(model, [], fit60).status).toBe('mql');
  });
  it('disqualifies a lead at the threshold that fails a criterion, naming it', () => {
    const result = score(model, [], { ...fit60, country: undefined });
    expect([result.score, result.status, result.statusReason]).toEqual([
      60,
      'disqualified',
      'Not accepted: Known country',
    ]);
  });
  it('names the first failing criterion when several fail', () => {
    const result = score(model, clicks(41), { ...fit19, country: undefined });
    expect([result.score, result.statusReason]).toEqual([60, 'Not accepted: Fit of 20 or more']);
  });
  it('keeps a lead below the threshold in nurture, without a reason, even when it fails a criterion', () => {
    const result = score(model, [], fit19);
    expect([result.score, result.status, result.statusReason]).toEqual([19, 'nurture', undefined]);
  });
  it('disqualifies a lead with fit 19, one point below the criterion', () => {
    const result = score(model, clicks(41), fit19);
    expect([result.fit, result.score, result.status]).toEqual([19, 60, 'disqualified']);
  });
  it('accepts a lead with fit exactly 20', () => {
    const result = score(model, clicks(40), fit20);
    expect([result.fit, result.score, result.status]).toEqual([20, 60, 'mql']);
  });
  it('accepts a lead with fit 21, one point above the criterion', () => {
    const result = score(model, clicks(39), fit21);
    expect([result.fit, result.score, result.status]).toEqual([21, 60, 'mql']);
  });
});

describe('MQL exclusion criteria', () => {
  const model = compile(yaml`
    id: exclude
    lists:
      competitors: [rival.io]
    engagement:
      - { id: click, label: Email click, activity: email_click, points: 1 }
    mql:
      threshold: 10
      accept:
        - { label: Known country, when: { field: country, exists: true } }
      exclude:
        - { label: Competitor, when: { field: emailDomain, in: { list: competitors } } }
        - { label: Unsubscribed, when: { field: unsubscribed, equals: true } }
  `);

  it('disqualifies an excluded lead above the threshold, naming the exclusion', () => {
    const result = score(model, clicks(20), { email: 'spy@rival.io', country: 'US' });
    expect([result.status, result.statusReason]).toEqual(['disqualified', 'Excluded: Competitor']);
  });
  it('disqualifies an excluded lead below the threshold too', () => {
    const result = score(model, clicks(1), { email: 'spy@rival.io', country: 'US' });
    expect([result.status, result.statusReason]).toEqual(['disqualified', 'Excluded: Competitor']);
  });
  it('gives the exclusion, not the failed acceptance, as the reason', () => {
    const result = score(model, clicks(20), { email: 'spy@rival.io' });
    expect(result.statusReason).toBe('Excluded: Competitor');
  });
  it('names the first exclusion that applies', () => {
    const result = score(model, clicks(20), { email: 'spy@rival.io', unsubscribed: true });
    expect(result.statusReason).toBe('Excluded: Competitor');
  });
  it('does not exclude a lead whose criterion is false', () => {
    expect(score(model, clicks(20), { email: 'ann@acme.com', country: 'US' }).status).toBe('mql');
  });
});

describe('fractional rule points', () => {
  const model = compile(yaml`
    id: fractional
    fit:
      - { id: half, label: Half points, points: 7.5, when: { field: email, exists: true } }
    negative:
      - { id: half-penalty, label: Half penalty, points: -2.5, when: { field: jobTitle, missing: true } }
    mql: { threshold: 1000 }
  `);

  it('rounds the points of a profile rule to an integer, half away from zero: 7.5 → 8', () => {
    expect(pointsOf(score(model, [], { email: 'ann@acme.com', jobTitle: 'CTO' }), 'half')).toBe(8);
  });
  it('rounds the points of a negative profile rule to an integer, half away from zero: −2.5 → −3', () => {
    expect(pointsOf(score(model, []), 'half-penalty')).toBe(-3);
  });
  it('adds no weight adjustment at the default weight of 1', () => {
    expect(score(model, [], { email: 'ann@acme.com', jobTitle: 'CTO' }).adjustments).toEqual([]);
  });
});

it('uses DAY_MS of exactly 24 hours, so that "N days old" means N × 86,400,000 ms', () => {
  expect(DAY_MS).toBe(86_400_000);
});
