import { beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { ACTIVITY_TYPES } from '../../../src/model/activity.js';
import type { Activity, ActivityType } from '../../../src/model/activity.js';
import type { Lead } from '../../../src/model/lead.js';
import type { CompiledModel } from '../../../src/scoring/compile-model.js';
import { DAY_MS } from '../../../src/scoring/decay.js';
import { loadModel } from '../../../src/scoring/load-model.js';
import { scoreLead } from '../../../src/scoring/score-lead.js';
import { accountedScore, compile, NOW } from '../helpers/leads.js';

const RUNS = { numRuns: 200 };

// ---------------------------------------------------------------------------------------------
// Arbitraries: leads with random profiles and 0–30 activities of random types, ages and urls.
// ---------------------------------------------------------------------------------------------

const URLS = [
  'https://acme.com/',
  'https://acme.com/pricing',
  'https://acme.com/pricing?plan=pro',
  'https://acme.com/pricing-history',
  'https://acme.com/product',
  'https://acme.com/features/',
  'https://acme.com/integrations#hubspot',
  'https://acme.com/blog/lead-scoring',
];
const ASSET_TYPES = ['whitepaper', 'WhitePaper', 'ebook', 'case_study', 'report'];

/** An activity `minDays`…`maxDays` old, to the millisecond (negative ages lie after now). */
const activityArb = (
  types: readonly ActivityType[],
  minDays: number,
  maxDays: number,
): fc.Arbitrary<Activity> =>
  fc
    .record({
      type: fc.constantFrom(...types),
      ageMs: fc.integer({ min: Math.round(minDays * DAY_MS), max: Math.round(maxDays * DAY_MS) }),
      url: fc.option(fc.constantFrom(...URLS), { nil: undefined }),
      assetType: fc.option(fc.constantFrom(...ASSET_TYPES), { nil: undefined }),
    })
    .map(({ type, ageMs, url, assetType }) => {
      const activity: Activity = { type, at: new Date(NOW.getTime() - ageMs) };
      if (url !== undefined) activity.url = url;
      if (assetType !== undefined) activity.assetType = assetType;
      return activity;
    });

/** Activities of every type, mostly in the past, some (up to 30 days) after now. */
const anyActivityArb = activityArb(ACTIVITY_TYPES, -30, 400);

const leadArb: fc.Arbitrary<Lead> = fc
  .record(
    {
      email: fc.constantFrom(
        'ann@acme.com',
        'Bob@Globex.COM ',
        'carla@gmail.com',
        'dan@hotmail.co.uk',
        'eve@rival-scoring.com',
        'no-domain@',
      ),
      jobTitle: fc.constantFrom(
        'CTO',
        'VP Marketing',
        'Head of Sales',
        'Marketing Intern',
        'Engineer',
        'Student',
        '',
      ),
      seniority: fc.constantFrom('vp', 'Director', 'c_level', 'manager', 'entry', ' VP '),
      industry: fc.constantFrom('Software', 'saas', 'retail', 'Financial Services', 'education'),
      employees: fc.integer({ min: 0, max: 20_000 }),
      country: fc.constantFrom('US', 'germany', 'Brazil', 'uk', 'jp'),
      budgetAuthority: fc.boolean(),
      techStack: fc.subarray(['HubSpot', 'salesforce', 'Excel', 'Marketo', 'Notion']),
      emailBounced: fc.boolean(),
      unsubscribed: fc.boolean(),
      createdAt: fc.integer({ min: -5, max: 800 }).map((days) => new Date(NOW.getTime() - days * DAY_MS)),
    },
    { requiredKeys: [] },
  )
  .chain((profile) =>
    fc.array(anyActivityArb, { minLength: 0, maxLength: 30 }).map((activities): Lead => ({
      ref: { crm: 'file', object: 'lead', id: 'prop' },
      ...profile,
      activities,
    })),
  );

/** A lead together with the same lead whose activities come in another order. */
const shuffledLeadArb = leadArb.chain((lead) =>
  fc
    .shuffledSubarray(lead.activities, {
      minLength: lead.activities.length,
      maxLength: lead.activities.length,
    })
    .map((activities): [Lead, Lead] => [lead, { ...lead, activities }]),
);

// Random models: random points, caps, weights, decay, clamp, per once/occurrence, negative activities.
const decayArb = fc.oneof(
  fc.constant('none'),
  fc.integer({ min: 1, max: 120 }).map((d) => `{ halfLifeDays: ${d} }`),
  fc
    .record({ percent: fc.integer({ min: 1, max: 100 }), everyDays: fc.integer({ min: 1, max: 90 }) })
    .map(({ percent, everyDays }) => `{ percent: ${percent}, everyDays: ${everyDays} }`),
);
const optionalCapArb = fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined });
const weightArb = fc.integer({ min: 0, max: 300 }).map((w) => w / 100);

const randomModelArb: fc.Arbitrary<{ text: string; min?: number; max?: number }> = fc
  .record({
    decay: decayArb,
    ruleDecay: fc.option(decayArb, { nil: undefined }),
    fitCap: optionalCapArb,
    engagementCap: optionalCapArb,
    fitWeight: weightArb,
    engagementWeight: weightArb,
    min: fc.option(fc.integer({ min: -60, max: 20 }), { nil: undefined }),
    span: fc.integer({ min: 1, max: 150 }),
    hasMax: fc.boolean(),
    fitPoints: fc.array(fc.integer({ min: -30, max: 40 }), { minLength: 3, maxLength: 3 }),
    clickPoints: fc.integer({ min: 1, max: 30 }),
    clickCap: optionalCapArb,
    viewPoints: fc.integer({ min: 1, max: 30 }),
    once: fc.boolean(),
    window: fc.option(fc.integer({ min: 1, max: 180 }), { nil: undefined }),
    bouncePoints: fc.integer({ min: -30, max: 0 }),
    bounceCap: optionalCapArb,
    inactiveDays: fc.integer({ min: 1, max: 120 }),
    inactivePoints: fc.integer({ min: -40, max: 0 }),
    threshold: fc.integer({ min: -20, max: 120 }),
  })
  .map((p) => {
    const max = p.hasMax ? (p.min ?? 0) + p.span : undefined;
    const score = [
      `fitWeight: ${p.fitWeight}`,
      `engagementWeight: ${p.engagementWeight}`,
      ...(p.min !== undefined ? [`min: ${p.min}`] : []),
      ...(max !== undefined ? [`max: ${max}`] : []),
    ].join(', ');
    const caps = [
      ...(p.fitCap !== undefined ? [`fit: ${p.fitCap}`] : []),
      ...(p.engagementCap !== undefined ? [`engagement: ${p.engagementCap}`] : []),
    ].join(', ');
    const [role, industry, size] = p.fitPoints as [number, number, number];
    const opt = (key: string, value: unknown) => (value === undefined ? '' : `, ${key}: ${value}`);
    const text = [
      'id: random',
      `decay: ${p.decay}`,
      `caps: { ${caps} }`,
      `score: { ${score} }`,
      'fit:',
      `  - { id: role, label: Role, points: ${role}, when: { field: seniority, in: [vp, director, c_level] } }`,
      `  - { id: industry, label: Industry, points: ${industry}, when: { field: industry, in: [software, saas] } }`,
      `  - { id: size, label: Size, points: ${size}, when: { field: employees, between: [50, 5000] } }`,
      'engagement:',
      `  - { id: click, label: Click, activity: email_click, points: ${p.clickPoints}${opt('cap', p.clickCap)}${opt('withinDays', p.window)} }`,
      `  - { id: view, label: View, activity: [page_view, content_download], points: ${p.viewPoints}, per: ${p.once ? 'once' : 'occurrence'}${opt('decay', p.ruleDecay)} }`,
      'negative:',
      `  - { id: bounce, label: Bounce, activity: email_bounce, points: ${p.bouncePoints}${opt('cap', p.bounceCap)} }`,
      `  - { id: free-mail, label: Free mail, points: -10, when: { field: emailDomain, in: { list: free_mail } } }`,
      `  - { id: inactive, label: Inactive, inactiveDays: ${p.inactiveDays}, points: ${p.inactivePoints} }`,
      'mql:',
      `  threshold: ${p.threshold}`,
      '  accept:',
      '    - { label: Grade A to C, when: { field: grade, in: [A, B, C] } }',
      '  exclude:',
      '    - { label: Unsubscribed, when: { field: unsubscribed, equals: true } }',
    ].join('\n');
    return { text, min: p.min, max };
  });

// ---------------------------------------------------------------------------------------------
// The models.
// ---------------------------------------------------------------------------------------------

const file = (name: string) => fileURLToPath(new URL(`../../../${name}`, import.meta.url));
let defaultModel: CompiledModel;
let pointsTable: CompiledModel;
let roleIndustryDemo: CompiledModel;
beforeAll(async () => {
  defaultModel = (await loadModel(file('config/scoring.yaml'))).compiled;
  pointsTable = (await loadModel(file('config/examples/points-table.yaml'))).compiled;
  roleIndustryDemo = (await loadModel(file('config/examples/role-industry-demo.yaml'))).compiled;
});
const shippedModels = (): [string, CompiledModel][] => [
  ['config/scoring.yaml', defaultModel],
  ['points-table.yaml', pointsTable],
  ['role-industry-demo.yaml', roleIndustryDemo],
];

// ---------------------------------------------------------------------------------------------
// (a) Monotonicity: a positive activity never lowers the score.
// ---------------------------------------------------------------------------------------------

describe('adding a positive activity never lowers the score', () => {
  // Types and attributes that only positive rules of the model match (or no rule at all);
  // dated between now and 400 days ago.
  const defaultPositive = activityArb(
    [
      'page_view',
      'content_download',
      'webinar_attended',
      'form_submission',
      'email_click',
      'email_reply',
      'demo_request',
      'quote_request',
      'meeting',
      'call',
      'email_open',
    ],
    0,
    400,
  );
  const pointsTablePositive = activityArb(
    ['newsletter_signup', 'content_download', 'page_view', 'webinar_attended', 'email_click'],
    0,
    400,
  );

  // Always tried first: a lead created today without activity, and an activity 30 days and 1 ms old
  // (history from before the lead converted, as CRMs import it).
  const createdToday: Lead = {
    ref: { crm: 'file', object: 'lead', id: 'prop' },
    createdAt: NOW,
    activities: [],
  };
  const olderThanCreation = (type: ActivityType): Activity => ({
    type,
    at: new Date(NOW.getTime() - 30 * DAY_MS - 1),
  });

  it('under the default model config/scoring.yaml', () => {
    fc.assert(
      fc.property(leadArb, defaultPositive, (lead, extra) => {
        const before = scoreLead(defaultModel, lead, NOW).score;
        const after = scoreLead(
          defaultModel,
          { ...lead, activities: [...lead.activities, extra] },
          NOW,
        ).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { ...RUNS, examples: [[{ ...createdToday, seniority: 'vp' }, olderThanCreation('page_view')]] },
    );
  });
  it('under the points-table model', () => {
    fc.assert(
      fc.property(leadArb, pointsTablePositive, (lead, extra) => {
        const before = scoreLead(pointsTable, lead, NOW).score;
        const after = scoreLead(pointsTable, { ...lead, activities: [...lead.activities, extra] }, NOW).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { ...RUNS, examples: [[createdToday, olderThanCreation('newsletter_signup')]] },
    );
  });
  // The two properties above fail when the lead's createdAt is more recent than the new activity:
  // see the report of the inactivity fallback. Restricted to activities after creation, they hold.
  it('under the default model, for an activity dated after the lead was created', () => {
    fc.assert(
      fc.property(leadArb, defaultPositive, (lead, extra) => {
        fc.pre(lead.createdAt === undefined || extra.at >= lead.createdAt);
        const before = scoreLead(defaultModel, lead, NOW).score;
        const after = scoreLead(
          defaultModel,
          { ...lead, activities: [...lead.activities, extra] },
          NOW,
        ).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      RUNS,
    );
  });
  it('under the points-table model, for an activity dated after the lead was created', () => {
    fc.assert(
      fc.property(leadArb, pointsTablePositive, (lead, extra) => {
        fc.pre(lead.createdAt === undefined || extra.at >= lead.createdAt);
        const before = scoreLead(pointsTable, lead, NOW).score;
        const after = scoreLead(pointsTable, { ...lead, activities: [...lead.activities, extra] }, NOW).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      RUNS,
    );
  });
  it('under the default model, wherever the new activity is inserted (after creation)', () => {
    fc.assert(
      fc.property(leadArb, defaultPositive, fc.nat(), (lead, extra, at) => {
        fc.pre(lead.createdAt === undefined || extra.at >= lead.createdAt);
        const activities = [...lead.activities];
        activities.splice(at % (activities.length + 1), 0, extra);
        const before = scoreLead(defaultModel, lead, NOW).score;
        expect(scoreLead(defaultModel, { ...lead, activities }, NOW).score).toBeGreaterThanOrEqual(before);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (b) Purity: same lead, model and now → same result.
// ---------------------------------------------------------------------------------------------

describe('the same lead, model and now always give the same result', () => {
  it('on two calls in a row, under every shipped model', () => {
    for (const [, model] of shippedModels()) {
      fc.assert(
        fc.property(leadArb, (lead) => {
          expect(scoreLead(model, lead, NOW)).toStrictEqual(scoreLead(model, lead, NOW));
        }),
        RUNS,
      );
    }
  });
  it('after another lead was scored in between (no state carried over)', () => {
    fc.assert(
      fc.property(leadArb, leadArb, (lead, other) => {
        const first = scoreLead(defaultModel, lead, NOW);
        scoreLead(defaultModel, other, NOW);
        expect(scoreLead(defaultModel, lead, NOW)).toStrictEqual(first);
      }),
      RUNS,
    );
  });
  it('whatever the order of the activities, under every shipped model', () => {
    for (const [, model] of shippedModels()) {
      fc.assert(
        fc.property(shuffledLeadArb, ([lead, shuffled]) => {
          expect(scoreLead(model, shuffled, NOW)).toStrictEqual(scoreLead(model, lead, NOW));
        }),
        RUNS,
      );
    }
  });
  it('whatever the order of the activities, under random models', () => {
    fc.assert(
      fc.property(randomModelArb, shuffledLeadArb, ({ text }, [lead, shuffled]) => {
        const model = compile(text);
        expect(scoreLead(model, shuffled, NOW)).toStrictEqual(scoreLead(model, lead, NOW));
      }),
      RUNS,
    );
  });
  it('without changing the lead it scored', () => {
    fc.assert(
      fc.property(leadArb, (lead) => {
        const copy = structuredClone(lead);
        scoreLead(defaultModel, lead, NOW);
        expect(lead).toStrictEqual(copy);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (c) Accounting: contributions + adjustments = score.
// ---------------------------------------------------------------------------------------------

describe('contributions and adjustments always add up to the score', () => {
  it('under every shipped model', () => {
    for (const [, model] of shippedModels()) {
      fc.assert(
        fc.property(leadArb, (lead) => {
          const result = scoreLead(model, lead, NOW);
          expect(accountedScore(result) + 0).toBe(result.score + 0); // === semantics: −0 equals 0
        }),
        RUNS,
      );
    }
  });
  it('under random models with caps, weights, decay and clamps', () => {
    fc.assert(
      fc.property(randomModelArb, leadArb, ({ text }, lead) => {
        const result = scoreLead(compile(text), lead, NOW);
        expect(accountedScore(result) + 0).toBe(result.score + 0); // === semantics: −0 equals 0
      }),
      RUNS,
    );
  });
  it('with integer contribution and adjustment points', () => {
    fc.assert(
      fc.property(randomModelArb, leadArb, ({ text }, lead) => {
        const result = scoreLead(compile(text), lead, NOW);
        for (const part of [...result.contributions, ...result.adjustments]) {
          expect(Number.isInteger(part.points)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (d) Clamp: min ≤ score ≤ max.
// ---------------------------------------------------------------------------------------------

describe('the score stays within [min, max] when the model clamps', () => {
  it('between 0 and 100 under the default model', () => {
    fc.assert(
      fc.property(leadArb, (lead) => {
        const { score } = scoreLead(defaultModel, lead, NOW);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
      RUNS,
    );
  });
  it('within the random bounds of random models', () => {
    fc.assert(
      fc.property(randomModelArb, leadArb, ({ text, min, max }, lead) => {
        const { score } = scoreLead(compile(text), lead, NOW);
        if (min !== undefined) expect(score).toBeGreaterThanOrEqual(min);
        if (max !== undefined) expect(score).toBeLessThanOrEqual(max);
      }),
      RUNS,
    );
  });
  it('even with 30 maximal activities under the default model', () => {
    const hot = activityArb(['demo_request', 'webinar_attended', 'meeting', 'email_reply'], 0, 5);
    fc.assert(
      fc.property(leadArb, fc.array(hot, { minLength: 30, maxLength: 30 }), (lead, activities) => {
        expect(scoreLead(defaultModel, { ...lead, activities }, NOW).score).toBeLessThanOrEqual(100);
      }),
      RUNS,
    );
  });
});
