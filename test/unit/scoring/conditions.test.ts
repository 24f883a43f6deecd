import { describe, expect, it } from '@jest/globals';
import type { Activity } from '../../../src/model/activity.js';
import type { LeadProfile } from '../../../src/model/lead.js';
import { scoreLead } from '../../../src/scoring/score-lead.js';
import { activity, buildLead, compile, NOW, yaml } from '../helpers/leads.js';

// Each condition is written as it would be in a model (JSON is YAML), compiled into a one-rule model,
// and asked whether the rule matches.

/** Does the lead-level condition hold for a lead with this profile? */
function holds(condition: object, profile: LeadProfile, lists = '{}'): boolean {
  const model = compile(yaml`
    id: probe
    lists: ${lists}
    fit:
      - { id: probe, label: Probe, points: 1, when: ${JSON.stringify(condition)} }
    mql: { threshold: 1000 }
  `);
  return scoreLead(model, buildLead(profile), NOW).contributions.length === 1;
}

/** Does the activity filter (`where`) hold for this page view? */
function whereHolds(condition: object, attributes: Record<string, unknown>): boolean {
  const model = compile(yaml`
    id: probe-where
    engagement:
      - { id: probe, label: Probe, points: 1, activity: page_view, where: ${JSON.stringify(condition)} }
    mql: { threshold: 1000 }
  `);
  const views: Activity[] = [activity('page_view', 0, attributes)];
  return scoreLead(model, buildLead({}, views), NOW).contributions.length === 1;
}

describe('equals', () => {
  it('matches the same text', () => {
    expect(holds({ field: 'seniority', equals: 'vp' }, { seniority: 'vp' })).toBe(true);
  });
  it('ignores case and surrounding spaces', () => {
    expect(holds({ field: 'seniority', equals: 'VP' }, { seniority: '  vp ' })).toBe(true);
  });
  it('does not match other text', () => {
    expect(holds({ field: 'seniority', equals: 'vp' }, { seniority: 'svp' })).toBe(false);
  });
  it('does not match a part of the text', () => {
    expect(holds({ field: 'industry', equals: 'soft' }, { industry: 'software' })).toBe(false);
  });
  it('matches a number exactly', () => {
    expect(holds({ field: 'employees', equals: 50 }, { employees: 50 })).toBe(true);
    expect(holds({ field: 'employees', equals: 50 }, { employees: 51 })).toBe(false);
  });
  it('matches true', () => {
    expect(holds({ field: 'budgetAuthority', equals: true }, { budgetAuthority: true })).toBe(true);
    expect(holds({ field: 'budgetAuthority', equals: true }, { budgetAuthority: false })).toBe(false);
  });
  it('matches false only on an explicit false', () => {
    expect(holds({ field: 'budgetAuthority', equals: false }, { budgetAuthority: false })).toBe(true);
    expect(holds({ field: 'budgetAuthority', equals: false }, {})).toBe(false);
  });
  it('is false on a missing value', () => {
    expect(holds({ field: 'seniority', equals: 'vp' }, {})).toBe(false);
  });
  it('matches a list field when any element is equal', () => {
    expect(holds({ field: 'techStack', equals: 'hubspot' }, { techStack: ['Salesforce', ' HubSpot '] })).toBe(
      true,
    );
  });
  it('does not match a list field when no element is equal', () => {
    expect(holds({ field: 'techStack', equals: 'hubspot' }, { techStack: ['Salesforce'] })).toBe(false);
  });
  it('is false on an empty list', () => {
    expect(holds({ field: 'techStack', equals: 'hubspot' }, { techStack: [] })).toBe(false);
  });
});

describe('in', () => {
  const roles = { field: 'seniority', in: ['vp', 'director', 'c_level'] };

  it('matches a listed value', () => {
    expect(holds(roles, { seniority: 'director' })).toBe(true);
  });
  it('ignores case and surrounding spaces', () => {
    expect(holds(roles, { seniority: ' Director ' })).toBe(true);
  });
  it('does not match an unlisted value', () => {
    expect(holds(roles, { seniority: 'manager' })).toBe(false);
  });
  it('is false on a missing value', () => {
    expect(holds(roles, {})).toBe(false);
  });
  it('is false on an empty string', () => {
    expect(holds(roles, { seniority: '' })).toBe(false);
  });
  it('matches a list field when any element is listed', () => {
    expect(holds({ field: 'techStack', in: ['hubspot', 'pardot'] }, { techStack: ['Excel', 'Pardot'] })).toBe(
      true,
    );
  });
  it('does not match a list field when no element is listed', () => {
    expect(holds({ field: 'techStack', in: ['hubspot', 'pardot'] }, { techStack: ['Excel', 'Notion'] })).toBe(
      false,
    );
  });
  it('matches numbers', () => {
    expect(holds({ field: 'employees', in: [10, 50] }, { employees: 50 })).toBe(true);
    expect(holds({ field: 'employees', in: [10, 50] }, { employees: 51 })).toBe(false);
  });
  it('matches a named list of the model', () => {
    const lists = '{ partners: [acme.com, Globex.com] }';
    expect(
      holds({ field: 'emailDomain', in: { list: 'partners' } }, { email: 'ann@globex.com' }, lists),
    ).toBe(true);
    expect(
      holds({ field: 'emailDomain', in: { list: 'partners' } }, { email: 'ann@initech.com' }, lists),
    ).toBe(false);
  });
});

describe('not_in', () => {
  const roles = { field: 'seniority', not_in: ['intern', 'student'] };

  it('matches a value that is not listed', () => {
    expect(holds(roles, { seniority: 'vp' })).toBe(true);
  });
  it('does not match a listed value, ignoring case and surrounding spaces', () => {
    expect(holds(roles, { seniority: ' Intern' })).toBe(false);
  });
  it('is false on a missing value', () => {
    expect(holds(roles, {})).toBe(false);
  });
  it('is false on an empty list field', () => {
    expect(holds({ field: 'techStack', not_in: ['excel'] }, { techStack: [] })).toBe(false);
  });
  it('matches a list field none of whose elements is listed', () => {
    expect(holds({ field: 'techStack', not_in: ['excel'] }, { techStack: ['HubSpot', 'Notion'] })).toBe(true);
  });
  it('does not match a list field with a listed element', () => {
    expect(holds({ field: 'techStack', not_in: ['excel'] }, { techStack: ['HubSpot', 'Excel'] })).toBe(false);
  });
  it('matches a business address against the built-in free_mail list', () => {
    expect(holds({ field: 'emailDomain', not_in: { list: 'free_mail' } }, { email: 'ann@acme.com' })).toBe(
      true,
    );
    expect(holds({ field: 'emailDomain', not_in: { list: 'free_mail' } }, { email: 'ann@gmail.com' })).toBe(
      false,
    );
  });
});

describe('contains', () => {
  it('matches text that contains the operand, ignoring case', () => {
    expect(holds({ field: 'jobTitle', contains: 'MARKETING' }, { jobTitle: 'Head of Marketing' })).toBe(true);
  });
  it('ignores spaces around the operand', () => {
    expect(holds({ field: 'jobTitle', contains: ' marketing ' }, { jobTitle: 'Head of Marketing' })).toBe(
      true,
    );
  });
  it('does not match text without the operand', () => {
    expect(holds({ field: 'jobTitle', contains: 'sales' }, { jobTitle: 'Head of Marketing' })).toBe(false);
  });
  it('is false on a missing value', () => {
    expect(holds({ field: 'jobTitle', contains: 'marketing' }, {})).toBe(false);
  });
  it('is false on a number', () => {
    expect(holds({ field: 'employees', contains: '5' }, { employees: 50 })).toBe(false);
  });
  it('matches a list field that contains the operand as an element, ignoring case', () => {
    expect(holds({ field: 'techStack', contains: 'hubspot' }, { techStack: ['Excel', 'HubSpot'] })).toBe(
      true,
    );
  });
  it('does not match a list field without the element', () => {
    expect(holds({ field: 'techStack', contains: 'hubspot' }, { techStack: ['Excel'] })).toBe(false);
  });
});

describe('matches', () => {
  const leader = { field: 'jobTitle', matches: '\\b(vp|director|head of)\\b' };

  it('matches text the regular expression finds', () => {
    expect(holds(leader, { jobTitle: 'Director of Sales' })).toBe(true);
  });
  it('ignores case', () => {
    expect(holds(leader, { jobTitle: 'HEAD OF MARKETING' })).toBe(true);
  });
  it('does not match text the regular expression does not find', () => {
    expect(holds(leader, { jobTitle: 'Sales Manager' })).toBe(false);
  });
  it('respects word boundaries', () => {
    expect(holds(leader, { jobTitle: 'Svp' })).toBe(false);
  });
  it('ignores surrounding spaces, like every text comparison', () => {
    expect(holds({ field: 'seniority', matches: '^vp$' }, { seniority: ' VP ' })).toBe(true);
  });
  it('is false on a missing value', () => {
    expect(holds(leader, {})).toBe(false);
  });
  it('is false on a number', () => {
    expect(holds({ field: 'employees', matches: '5' }, { employees: 50 })).toBe(false);
  });
  it('matches a list field when any element matches', () => {
    expect(holds({ field: 'techStack', matches: '^sales' }, { techStack: ['HubSpot', 'Salesforce'] })).toBe(
      true,
    );
    expect(holds({ field: 'techStack', matches: '^sales' }, { techStack: ['HubSpot'] })).toBe(false);
  });
  it('gives the same answer on every call (no global-flag state)', () => {
    const model = compile(yaml`
      id: repeat
      fit:
        - { id: probe, label: Probe, points: 1, when: { field: jobTitle, matches: "director" } }
      mql: { threshold: 1000 }
    `);
    const lead = buildLead({ jobTitle: 'Director' });
    const answers = [1, 2, 3].map(() => scoreLead(model, lead, NOW).contributions.length);
    expect(answers).toEqual([1, 1, 1]);
  });
});

describe('gte', () => {
  const atLeast50 = { field: 'employees', gte: 50 };

  it('is false one below the bound', () => {
    expect(holds(atLeast50, { employees: 49 })).toBe(false);
  });
  it('is true exactly on the bound', () => {
    expect(holds(atLeast50, { employees: 50 })).toBe(true);
  });
  it('is true one above the bound', () => {
    expect(holds(atLeast50, { employees: 51 })).toBe(true);
  });
  it('is false on a missing value', () => {
    expect(holds(atLeast50, {})).toBe(false);
  });
  it('is false on NaN', () => {
    expect(holds(atLeast50, { employees: Number.NaN })).toBe(false);
  });
  it('compares dates: one millisecond before the bound is false, the bound itself true', () => {
    const since = { field: 'createdAt', gte: '2026-01-01T00:00:00Z' };
    expect(holds(since, { createdAt: new Date('2025-12-31T23:59:59.999Z') })).toBe(false);
    expect(holds(since, { createdAt: new Date('2026-01-01T00:00:00Z') })).toBe(true);
  });
  it('is false on text that is neither a number nor a date', () => {
    expect(holds({ field: 'custom.plan', gte: 0 }, { custom: { plan: 'Plan 2' } })).toBe(false);
  });
});

describe('lte', () => {
  const atMost50 = { field: 'employees', lte: 50 };

  it('is true one below the bound', () => {
    expect(holds(atMost50, { employees: 49 })).toBe(true);
  });
  it('is true exactly on the bound', () => {
    expect(holds(atMost50, { employees: 50 })).toBe(true);
  });
  it('is false one above the bound', () => {
    expect(holds(atMost50, { employees: 51 })).toBe(false);
  });
  it('is false on a missing value (not treated as 0)', () => {
    expect(holds(atMost50, {})).toBe(false);
  });
  it('compares dates: the bound itself is true, one millisecond after false', () => {
    const until = { field: 'createdAt', lte: '2026-01-01T00:00:00Z' };
    expect(holds(until, { createdAt: new Date('2026-01-01T00:00:00Z') })).toBe(true);
    expect(holds(until, { createdAt: new Date('2026-01-01T00:00:00.001Z') })).toBe(false);
  });
});

describe('between', () => {
  const midMarket = { field: 'employees', between: [50, 5000] };

  it.each([
    [49, false],
    [50, true],
    [51, true],
    [4999, true],
    [5000, true],
    [5001, false],
  ])('gives %i employees: %s', (employees, expected) => {
    expect(holds(midMarket, { employees })).toBe(expected);
  });
  it('is false on a missing value', () => {
    expect(holds(midMarket, {})).toBe(false);
  });
  it('compares dates, both bounds included', () => {
    const q1 = { field: 'createdAt', between: ['2026-01-01T00:00:00Z', '2026-03-31T23:59:59Z'] };
    expect(holds(q1, { createdAt: new Date('2026-01-01T00:00:00Z') })).toBe(true);
    expect(holds(q1, { createdAt: new Date('2026-03-31T23:59:59Z') })).toBe(true);
    expect(holds(q1, { createdAt: new Date('2025-12-31T23:59:59Z') })).toBe(false);
    expect(holds(q1, { createdAt: new Date('2026-04-01T00:00:00Z') })).toBe(false);
  });
  it('accepts equal bounds', () => {
    expect(holds({ field: 'employees', between: [50, 50] }, { employees: 50 })).toBe(true);
  });
});

describe('exists and missing', () => {
  it.each<[string, LeadProfile, string]>([
    ['a text', { jobTitle: 'CTO' }, 'jobTitle'],
    ['zero', { employees: 0 }, 'employees'],
    ['false', { budgetAuthority: false }, 'budgetAuthority'],
    ['a non-empty list', { techStack: ['hubspot'] }, 'techStack'],
    ['a date', { createdAt: new Date('2026-01-01') }, 'createdAt'],
  ])('treats %s as present', (_what, profile, field) => {
    expect(holds({ field, exists: true }, profile)).toBe(true);
    expect(holds({ field, missing: true }, profile)).toBe(false);
  });
  it.each<[string, LeadProfile, string]>([
    ['an absent field', {}, 'jobTitle'],
    ['an empty string', { jobTitle: '' }, 'jobTitle'],
    ['an empty list', { techStack: [] }, 'techStack'],
    ['NaN', { employees: Number.NaN }, 'employees'],
  ])('treats %s as missing', (_what, profile, field) => {
    expect(holds({ field, exists: true }, profile)).toBe(false);
    expect(holds({ field, missing: true }, profile)).toBe(true);
  });
});

describe('all, any and not', () => {
  const vp = { field: 'seniority', equals: 'vp' };
  const software = { field: 'industry', equals: 'software' };

  it('all: true when every condition is true', () => {
    expect(holds({ all: [vp, software] }, { seniority: 'vp', industry: 'software' })).toBe(true);
  });
  it('all: false when one condition is false', () => {
    expect(holds({ all: [vp, software] }, { seniority: 'vp', industry: 'retail' })).toBe(false);
  });
  it('all: false when one value is missing', () => {
    expect(holds({ all: [vp, software] }, { seniority: 'vp' })).toBe(false);
  });
  it('any: true when one condition is true', () => {
    expect(holds({ any: [vp, software] }, { industry: 'software' })).toBe(true);
  });
  it('any: false when no condition is true', () => {
    expect(holds({ any: [vp, software] }, { seniority: 'manager', industry: 'retail' })).toBe(false);
  });
  it('not: negates a condition', () => {
    expect(holds({ not: vp }, { seniority: 'vp' })).toBe(false);
    expect(holds({ not: vp }, { seniority: 'manager' })).toBe(true);
  });
  it('not: true on a missing value, because the comparison it negates is false', () => {
    expect(holds({ not: vp }, {})).toBe(true);
  });
  it('nests: all of (any of …) and (not …)', () => {
    const condition = { all: [{ any: [vp, { field: 'jobTitle', contains: 'chief' }] }, { not: software }] };
    expect(holds(condition, { jobTitle: 'Chief Revenue Officer', industry: 'retail' })).toBe(true);
    expect(holds(condition, { jobTitle: 'Chief Revenue Officer', industry: 'software' })).toBe(false);
    expect(holds(condition, { jobTitle: 'Engineer', industry: 'retail' })).toBe(false);
  });
});

describe('custom.* fields', () => {
  it('reads a custom field by its name', () => {
    expect(holds({ field: 'custom.plan', equals: 'enterprise' }, { custom: { plan: 'Enterprise ' } })).toBe(
      true,
    );
  });
  it('is false when the lead has no custom fields', () => {
    expect(holds({ field: 'custom.plan', equals: 'enterprise' }, {})).toBe(false);
  });
  it('is false when the lead lacks that custom field', () => {
    expect(holds({ field: 'custom.plan', equals: 'enterprise' }, { custom: { seats: 10 } })).toBe(false);
  });
  it('reports a lacking custom field as missing', () => {
    expect(holds({ field: 'custom.plan', missing: true }, { custom: { seats: 10 } })).toBe(true);
  });
  it('compares a numeric custom field', () => {
    expect(holds({ field: 'custom.seats', gte: 10 }, { custom: { seats: 10 } })).toBe(true);
    expect(holds({ field: 'custom.seats', gte: 10 }, { custom: { seats: 9 } })).toBe(false);
  });
  it('compares a custom field holding an ISO date as a date', () => {
    const renewal = { field: 'custom.renewalDate', between: ['2026-01-01', '2026-12-31'] };
    expect(holds(renewal, { custom: { renewalDate: '2026-07-01' } })).toBe(true);
    expect(holds(renewal, { custom: { renewalDate: '2027-01-02' } })).toBe(false);
  });
  it('compares a custom field holding a number as text (as CRMs deliver it) as a number: "50" ≥ 40', () => {
    expect(holds({ field: 'custom.seats', gte: 40 }, { custom: { seats: '50' } })).toBe(true);
  });
  it('compares a custom field holding a number as text as a number: "50" is not ≤ 10', () => {
    expect(holds({ field: 'custom.seats', lte: 10 }, { custom: { seats: '50' } })).toBe(false);
  });
  it('matches a custom list field when any element matches', () => {
    expect(holds({ field: 'custom.regions', in: ['emea'] }, { custom: { regions: ['APAC', 'EMEA'] } })).toBe(
      true,
    );
  });
});

describe('emailDomain', () => {
  const acme = { field: 'emailDomain', equals: 'acme.com' };

  it('is derived from the email address', () => {
    expect(holds(acme, { email: 'ann@acme.com' })).toBe(true);
  });
  it('ignores the case and surrounding spaces of the address', () => {
    expect(holds(acme, { email: 'Ann@ACME.com ' })).toBe(true);
  });
  it('takes the part after the last @', () => {
    expect(holds(acme, { email: '"ann@home"@acme.com' })).toBe(true);
  });
  it('does not match a subdomain', () => {
    expect(holds(acme, { email: 'ann@mail.acme.com' })).toBe(false);
  });
  it('is missing without an email', () => {
    expect(holds({ field: 'emailDomain', missing: true }, {})).toBe(true);
  });
  it('is missing for an address without a domain', () => {
    expect(holds({ field: 'emailDomain', missing: true }, { email: 'ann@' })).toBe(true);
    expect(holds({ field: 'emailDomain', missing: true }, { email: 'ann' })).toBe(true);
  });
});

describe('the built-in free_mail list', () => {
  const freeMail = { field: 'emailDomain', in: { list: 'free_mail' } };

  it.each(['ann@gmail.com', 'ann@outlook.com', 'ann@hotmail.co.uk', 'ann@yahoo.com', 'ann@icloud.com'])(
    'contains the domain of %s',
    (email) => {
      expect(holds(freeMail, { email })).toBe(true);
    },
  );
  it('matches regardless of the case of the address', () => {
    expect(holds(freeMail, { email: 'Ann@GMAIL.COM' })).toBe(true);
  });
  it('does not contain a business domain', () => {
    expect(holds(freeMail, { email: 'ann@acme.com' })).toBe(false);
  });
  it('is false for a lead without an email', () => {
    expect(holds(freeMail, {})).toBe(false);
  });
  it('can be used next to the lists of the model', () => {
    const lists = '{ competitors: [rival.io] }';
    const either = { any: [freeMail, { field: 'emailDomain', in: { list: 'competitors' } }] };
    expect(holds(either, { email: 'spy@rival.io' }, lists)).toBe(true);
    expect(holds(either, { email: 'ann@gmail.com' }, lists)).toBe(true);
  });
});

describe('activity filters (where)', () => {
  it('reads the attributes of the activity', () => {
    const pricing = { field: 'url', matches: '/pricing(/|\\?|#|$)' };
    expect(whereHolds(pricing, { url: 'https://acme.com/pricing?plan=pro' })).toBe(true);
    expect(whereHolds(pricing, { url: 'https://acme.com/pricing-blog' })).toBe(false);
  });
  it('compares activity attributes ignoring case', () => {
    expect(whereHolds({ field: 'assetType', equals: 'whitepaper' }, { assetType: 'WhitePaper' })).toBe(true);
  });
  it('is false on an attribute the activity does not have', () => {
    expect(whereHolds({ field: 'form', equals: 'contact' }, {})).toBe(false);
  });
  it('reads undocumented attributes too', () => {
    expect(whereHolds({ field: 'campaign', equals: 'spring' }, { campaign: 'Spring' })).toBe(true);
  });
});
