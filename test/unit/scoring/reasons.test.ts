import { describe, expect, it } from '@jest/globals';
import type { Activity } from '../../../src/model/activity.js';
import type { LeadProfile } from '../../../src/model/lead.js';
import type { CompiledModel } from '../../../src/scoring/compile-model.js';
import { MAX_REASONS_LENGTH } from '../../../src/scoring/reasons.js';
import { scoreLead } from '../../../src/scoring/score-lead.js';
import { activity, buildLead, compile, NOW, yaml } from '../helpers/leads.js';

const reasonsOf = (model: CompiledModel, profile: LeadProfile = {}, activities: Activity[] = []) =>
  scoreLead(model, buildLead(profile, activities), NOW).reasons;
const clicks = (n: number, ageDays = 0) => Array.from({ length: n }, () => activity('email_click', ageDays));

describe('order of the reasons', () => {
  const model = compile(yaml`
    id: order
    fit:
      - { id: small, label: Small fit, points: 5, when: { field: email, exists: true } }
      - { id: large, label: Large fit, points: 15, when: { field: email, exists: true } }
      - { id: tie-first, label: Tie first, points: 10, when: { field: email, exists: true } }
    engagement:
      - { id: tie-second, label: Tie second, activity: email_click, points: 10 }
    negative:
      - { id: light, label: Light penalty, points: -5, when: { field: jobTitle, missing: true } }
      - { id: heavy, label: Heavy penalty, points: -20, when: { field: industry, missing: true } }
    mql: { threshold: 1000 }
  `);
  const text = reasonsOf(model, { email: 'ann@acme.com' }, clicks(1));

  it('lists positives largest first, then negatives largest penalty first', () => {
    expect(text).toBe(
      '+15 Large fit · +10 Tie first · +10 Tie second · +5 Small fit · −20 Heavy penalty · −5 Light penalty',
    );
  });
  it('keeps model order between contributions of equal points', () => {
    expect(text.indexOf('Tie first')).toBeLessThan(text.indexOf('Tie second'));
  });
  it('writes penalties with a real minus sign (U+2212), not a hyphen', () => {
    expect(text).toContain('\u221220 Heavy penalty');
    expect(text).not.toMatch(/-\d/);
  });
  it('orders the contributions of the result the same way', () => {
    const result = scoreLead(model, buildLead({ email: 'ann@acme.com' }, clicks(1)), NOW);
    expect(result.contributions.map((c) => c.rule)).toEqual([
      'large',
      'tie-first',
      'tie-second',
      'small',
      'heavy',
      'light',
    ]);
  });
  it('puts a small positive before a large penalty', () => {
    const mixed = compile(yaml`
      id: mixed
      fit:
        - { id: plus, label: Plus one, points: 1, when: { field: email, exists: true } }
      negative:
        - { id: minus, label: Minus fifty, points: -50, when: { field: email, exists: true } }
      mql: { threshold: 1000 }
    `);
    expect(reasonsOf(mixed, { email: 'ann@acme.com' })).toBe('+1 Plus one · −50 Minus fifty');
  });
});

describe('zero-point contributions', () => {
  const model = compile(yaml`
    id: zero
    fit:
      - { id: nothing, label: Worth nothing, points: 0, when: { field: email, exists: true } }
      - { id: role, label: Role, points: 10, when: { field: email, exists: true } }
    engagement:
      - { id: faded, label: Faded click, activity: email_click, points: 1, decay: { halfLifeDays: 1 } }
    mql: { threshold: 1000 }
  `);

  it('leaves out a rule worth 0 points', () => {
    expect(reasonsOf(model, { email: 'ann@acme.com' })).toBe('+10 Role');
  });
  it('leaves out a rule whose points decayed to 0', () => {
    const result = scoreLead(model, buildLead({ email: 'ann@acme.com' }, clicks(1, 10)), NOW);
    expect(result.contributions.find((c) => c.rule === 'faded')?.points).toBe(0);
    expect(result.reasons).toBe('+10 Role');
  });
  it('gives an empty text when nothing scored', () => {
    expect(reasonsOf(model, {})).toBe('');
  });
});

describe('counts and caps', () => {
  const model = compile(yaml`
    id: counts
    engagement:
      - { id: pricing, label: Pricing page visit, activity: page_view, points: 15 }
      - { id: click, label: Email click, activity: email_click, points: 5, cap: 10 }
      - { id: demo, label: Demo request, activity: demo_request, per: once, points: 30 }
    mql: { threshold: 1000 }
  `);

  it('adds ×count for a rule that matched several times', () => {
    const views = [activity('page_view', 1), activity('page_view', 2)];
    expect(reasonsOf(model, {}, views)).toBe('+30 Pricing page visit ×2');
  });
  it('adds no ×1 for a single occurrence', () => {
    expect(reasonsOf(model, {}, [activity('page_view', 1)])).toBe('+15 Pricing page visit');
  });
  it('marks a capped rule (capped)', () => {
    expect(reasonsOf(model, {}, clicks(3))).toBe('+10 Email click ×3 (capped)');
  });
  it('does not mark a rule that reached its cap exactly', () => {
    expect(reasonsOf(model, {}, clicks(2))).toBe('+10 Email click ×2');
  });
  it('combines several rules with count and cap', () => {
    const activities = [
      activity('page_view', 1),
      activity('page_view', 2),
      ...clicks(4),
      activity('demo_request', 1),
    ];
    expect(reasonsOf(model, {}, activities)).toBe(
      '+30 Pricing page visit ×2 · +30 Demo request · +10 Email click ×4 (capped)',
    );
  });
});

describe('status reason and adjustments', () => {
  const model = compile(yaml`
    id: status
    lists:
      competitors: [rival.io]
    caps: { fit: 20 }
    fit:
      - { id: role, label: Decision-maker role, points: 15, when: { field: seniority, equals: vp } }
      - { id: industry, label: Target industry, points: 10, when: { field: industry, equals: software } }
    engagement:
      - { id: pricing, label: Pricing page visit, activity: page_view, points: 15 }
    negative:
      - { id: inactive, label: No activity for 30 days, inactiveDays: 30, points: -20 }
    mql:
      threshold: 25
      accept:
        - { label: Budget authority, when: { field: budgetAuthority, equals: true } }
      exclude:
        - { label: Competitor, when: { field: emailDomain, in: { list: competitors } } }
  `);

  it('puts "Not accepted: <label>" first', () => {
    const views = [activity('page_view', 40), activity('page_view', 45)];
    expect(reasonsOf(model, { seniority: 'vp' }, views)).toBe(
      'Not accepted: Budget authority · +30 Pricing page visit ×2 · +15 Decision-maker role · −20 No activity for 30 days',
    );
  });
  it('puts "Excluded: <label>" first', () => {
    expect(reasonsOf(model, { email: 'spy@rival.io' }, [activity('page_view', 1)])).toBe(
      'Excluded: Competitor · +15 Pricing page visit',
    );
  });
  it('has no status reason for an MQL or a nurture lead', () => {
    const mql = reasonsOf(model, { seniority: 'vp', budgetAuthority: true }, [activity('page_view', 1)]);
    const nurture = reasonsOf(model, {}, [activity('page_view', 1)]);
    expect([mql, nurture]).toEqual([
      '+15 Decision-maker role · +15 Pricing page visit',
      '+15 Pricing page visit',
    ]);
  });
  it('lists adjustments after the contributions', () => {
    const profile = { seniority: 'vp', industry: 'software', budgetAuthority: true };
    expect(reasonsOf(model, profile, [activity('page_view', 1)])).toBe(
      '+15 Decision-maker role · +15 Pricing page visit · +10 Target industry · −5 Fit capped at 20',
    );
  });
});

describe('the 1,000-character limit', () => {
  /** A model of fit rules worth 1 point each with these labels, all matching a lead with an email. */
  const modelWithLabels = (labels: string[]) =>
    compile(
      [
        'id: long',
        'fit:',
        ...labels.map(
          (label, i) =>
            `  - { id: r${i}, label: "${label}", points: 1, when: { field: email, exists: true } }`,
        ),
        'mql: { threshold: 1000 }',
      ].join('\n'),
    );
  const label = (i: number, length = 80) => `Signal ${String(i).padStart(2, '0')} `.padEnd(length, 'x');
  const email = { email: 'ann@acme.com' };

  // Each part is "+1 " + label; parts are joined by " · " (3 characters).
  // Eleven 80-character labels: 11 × 83 + 10 × 3 = 943 characters.
  const eleven = Array.from({ length: 11 }, (_, i) => label(i));

  it('keeps a text of exactly 1,000 characters whole', () => {
    const text = reasonsOf(modelWithLabels([...eleven, label(11, 51)]), email);
    expect(text).toHaveLength(1000);
    expect(text.endsWith('…')).toBe(false);
  });
  it('cuts a text of 1,001 characters at the last separator that fits, ending in " · …"', () => {
    const text = reasonsOf(modelWithLabels([...eleven, label(11, 52)]), email);
    expect(text).toBe(`${eleven.map((l) => `+1 ${l}`).join(' · ')} · …`);
    expect(text).toHaveLength(947);
  });
  it('keeps a part that ends exactly where the cut text reaches 1,000 characters', () => {
    // 943 + 3 + (3 + 47) = 996 characters before the 13th part; 996 + " · …" = 1,000.
    const text = reasonsOf(modelWithLabels([...eleven, label(11, 47), label(12)]), email);
    expect(text).toHaveLength(1000);
    expect(text.endsWith(`+1 ${label(11, 47)} · …`)).toBe(true);
  });
  it('drops a part that would end one character beyond that point', () => {
    const text = reasonsOf(modelWithLabels([...eleven, label(11, 48), label(12)]), email);
    expect(text).toHaveLength(947);
    expect(text.endsWith(`+1 ${label(10)} · …`)).toBe(true);
  });
  it('stays within 1,000 characters with many rules, keeping only whole parts in order', () => {
    const labels = Array.from({ length: 60 }, (_, i) => label(i));
    const text = reasonsOf(modelWithLabels(labels), email);
    expect(text.length).toBeLessThanOrEqual(MAX_REASONS_LENGTH);
    expect(text.endsWith(' · …')).toBe(true);
    const parts = text.split(' · ').slice(0, -1);
    expect(parts).toEqual(labels.slice(0, parts.length).map((l) => `+1 ${l}`));
  });
  it('keeps the status reason when it cuts', () => {
    const labels = Array.from({ length: 60 }, (_, i) => label(i));
    const model = compile(
      [
        'id: long-status',
        'fit:',
        ...labels.map(
          (l, i) => `  - { id: r${i}, label: "${l}", points: 1, when: { field: email, exists: true } }`,
        ),
        'mql:',
        '  threshold: 1',
        '  accept:',
        '    - { label: Known country, when: { field: country, exists: true } }',
      ].join('\n'),
    );
    const text = reasonsOf(model, email);
    expect(text.startsWith('Not accepted: Known country · +1 Signal 00')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(MAX_REASONS_LENGTH);
  });
  it('limits the text to 1,000 characters', () => {
    expect(MAX_REASONS_LENGTH).toBe(1000);
  });
});
