import { describe, expect, it } from '@jest/globals';
import type { LeadRecord } from '../../../src/predictive/lead-records.js';
import { firstSegment, suggestTable } from '../../../src/predictive/suggest-table.js';
import { activity, buildLead, NOW } from '../helpers/leads.js';

/** Twelve leads (a value must be seen for 10 to get a column of its own). */
function records(): LeadRecord[] {
  return Array.from({ length: 12 }, (_, i) => ({
    line: i + 1,
    lead: buildLead(
      {
        email: i % 2 ? `x${i}@gmail.com` : `x${i}@acme.io`,
        industry: i % 3 ? 'Software' : 'software ',
        leadStatus: 'Open',
        techStack: ['HubSpot'],
        custom: { converted: i % 2, Plan: 'pro' },
      },
      [
        activity('page_view', 3, { url: 'https://acme.io/pricing?x=1' }),
        activity('page_view', 4, { url: '/pricing' }),
        activity('page_view', -2, { url: '/pricing' }),
        activity('content_download', 5, { assetType: 'Whitepaper' }),
      ],
      `L-${i}`,
    ),
  }));
}

function column(name: string) {
  const { table, sources } = suggestTable('leads.jsonl', records(), 'converted', NOW);
  const index = table.columns.indexOf(name);
  return { cells: table.cells[index], source: sources.get(name), columns: table.columns };
}

describe('suggestTable', () => {
  it('counts page views per page section as a rule would match them, up to the as-of moment', () => {
    const pricing = column('page_view /pricing.count');
    expect(pricing.cells?.[0]).toBe('2');
    expect(pricing.source).toEqual({
      kind: 'activity',
      type: 'page_view',
      where: { field: 'url', matches: '/pricing(/|\\?|#|$)' },
      label: 'Pricing page visit',
    });
  });

  it('counts content downloads per asset type', () => {
    expect(column('content_download whitepaper.count').source).toMatchObject({
      where: { field: 'assetType', equals: 'whitepaper' },
      label: 'Whitepaper download',
    });
  });

  it('marks free-mail addresses', () => {
    expect(column('free-mail address').cells?.slice(0, 2)).toEqual(['no', 'yes']);
  });

  it('spells one text value one way, as conditions ignore case and spaces', () => {
    expect(new Set(column('industry').cells)).toEqual(new Set(['Software']));
  });

  it('keeps custom fields under their key as custom.KEY conditions, and not the outcome', () => {
    const plan = column('Plan');
    expect(plan.source).toEqual({ kind: 'field', field: 'custom.Plan', custom: true });
    expect(plan.columns).not.toContain('converted');
  });

  it('gives common tech-stack entries a column each', () => {
    expect(column('techStack: hubspot').source).toEqual({
      kind: 'list-item',
      field: 'techStack',
      item: 'hubspot',
    });
  });

  it('names the fields the sales process sets, to leave them out', () => {
    expect(suggestTable('leads.jsonl', records(), 'converted', NOW).processColumns).toEqual(['leadStatus']);
  });
});

describe('firstSegment', () => {
  it('reads the first path segment of absolute and relative URLs', () => {
    expect(
      ['https://acme.io/Pricing/pro', '/blog?x', 'https://acme.io/', 'acme.io'].map(firstSegment),
    ).toEqual(['pricing', 'blog', undefined, undefined]);
  });
});
