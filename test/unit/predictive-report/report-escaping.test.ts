import { describe, expect, it } from '@jest/globals';
import { renderReport } from '../../../src/predictive/report/index.js';
import { chartSvg, countOf, reportFixture } from './report-fixture.js';

const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '"><img src=x onerror=alert(1)>';

describe('escaping in the report', () => {
  it('renders a factor named <script> as text in the chart and its tooltip', () => {
    const svg = chartSvg(
      renderReport(reportFixture({ factors: [{ name: '<script>', weight: 1 }] })),
      'factors',
    );
    expect(svg).toContain('>&lt;script&gt;</text>');
    expect(svg).toContain('<title>&lt;script&gt;: +1</title>');
    expect(svg).not.toContain('<script>');
  });

  it('escapes every text field of the data', () => {
    const html = renderReport(
      reportFixture({
        title: SCRIPT,
        model: { kind: 'predictive', id: SCRIPT },
        dataFile: BREAKOUT,
        generatedAt: SCRIPT,
        factors: [{ name: BREAKOUT, weight: -1 }],
        warnings: [SCRIPT, BREAKOUT],
        byGrade: [{ grade: SCRIPT, count: 1, conversions: 0, rate: 0 }],
      }),
    );
    expect(countOf(html, '<script')).toBe(1);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('alert(1)</script>');
    expect(countOf(html, '&lt;script&gt;alert(1)&lt;/script&gt;')).toBeGreaterThanOrEqual(6);
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapes ampersands and quotes so entities in names stay literal', () => {
    const html = renderReport(
      reportFixture({ factors: [{ name: `R&D "core" team's &amp; ops`, weight: 1 }] }),
    );
    expect(html).toContain('R&amp;D &quot;core&quot; team&#39;s &amp;amp; ops');
  });
});
