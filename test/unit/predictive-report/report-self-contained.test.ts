import { describe, expect, it } from '@jest/globals';
import { renderReport } from '../../../src/predictive/report/index.js';
import { countOf, reportFixture } from './report-fixture.js';

const tags = (html: string) => html.match(/<[^>]*>/g) ?? [];

describe('a rendered report is self-contained', () => {
  const html = renderReport(
    reportFixture({
      dataFile: 'https://crm.example.com/exports/leads.csv',
      factors: [{ name: 'utm_source = http://ads.example.com/landing', weight: 0.5 }],
      warnings: ['See https://docs.example.com/leakage for why this column was dropped.'],
    }),
  );

  it('has no src or href attribute at all', () => {
    expect(tags(html).filter((tag) => /\s(src|href|xlink:href)=/i.test(tag))).toEqual([]);
  });

  it('mentions http:// and https:// only in text, never inside a tag', () => {
    expect(html).toContain('https://crm.example.com/exports/leads.csv');
    expect(tags(html).filter((tag) => tag.includes('://'))).toEqual([]);
  });

  it('loads no fonts, images or stylesheets from CSS', () => {
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(css).not.toMatch(/url\(|@import|@font-face/);
  });

  it('has exactly one style and one inline script, and no external script', () => {
    expect(countOf(html, '<style>')).toBe(1);
    expect(countOf(html, '<script')).toBe(1);
    expect(html).toContain('<script>\n(function () {');
  });

  it('forbids every network fetch with a Content-Security-Policy that only allows its own style and script', () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).not.toContain('unsafe-inline');
  });
});
