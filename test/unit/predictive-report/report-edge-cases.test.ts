import { describe, expect, it } from '@jest/globals';
import { renderReport } from '../../../src/predictive/report/index.js';
import type { ReportData } from '../../../src/predictive/report/index.js';
import { REPORT_CHARTS, chartSvg, countOf, reportFixture } from './report-fixture.js';

/** Renders and checks that no unusable number reached the page. */
function render(data: ReportData): string {
  const html = renderReport(data);
  expect(html).not.toMatch(/NaN|Infinity|undefined/);
  expect(html).not.toMatch(/(width|height|r)="-/);
  return html;
}

const allNonConverted = (): ReportData => {
  const base = reportFixture();
  return {
    ...base,
    positives: 0,
    auc: null,
    aucStd: undefined,
    bands: base.bands.map((b) => ({ ...b, conversions: 0, rate: 0 })),
    histogram: base.histogram.map((b) => ({ ...b, positives: 0, negatives: b.positives + b.negatives })),
    roc: [],
    warnings: [],
  };
};

describe('report edge cases', () => {
  it('marks a band without leads "no leads" instead of drawing a bar', () => {
    const data = reportFixture();
    data.bands[9] = { from: 90, to: 100, count: 0, conversions: 0, rate: 0 };
    const svg = chartSvg(render(data), 'bands');
    expect(countOf(svg, '<rect class="bar"')).toBe(9);
    expect(countOf(svg, 'class="empty-band"')).toBe(1);
    expect(svg).toContain('>n=0<');
  });

  it('says so when no band has leads', () => {
    const data = reportFixture({ bands: [], histogram: [] });
    const html = render(data);
    expect(chartSvg(html, 'bands')).toContain('No leads in any score band.');
    expect(chartSvg(html, 'histogram')).toContain('No scored leads to show.');
  });

  it('explains a single class instead of drawing a ROC curve or dividing by zero', () => {
    const html = render(allNonConverted());
    const roc = chartSvg(html, 'roc');
    expect(roc).toContain('All 2,400 leads are non-converted: there is nothing to rank.');
    expect(roc).toContain('ROC curve — AUC n/a');
    expect(countOf(roc, 'class="curve"')).toBe(0);
    expect(html).toContain('<dd>n/a<span class="note">single class</span>');
    expect(html).toContain('Single class: All 2,400 leads are non-converted');
  });

  it('draws only the non-converted distribution when nobody converted', () => {
    const html = render(allNonConverted());
    const svg = chartSvg(html, 'histogram');
    expect(countOf(svg, '<rect class="bar positives"')).toBe(0);
    expect(countOf(svg, '<rect class="bar negatives"')).toBe(10);
    expect(html).toContain('Only non-converted leads in the data');
  });

  it('explains a single class when every lead converted', () => {
    const base = reportFixture();
    const html = render({ ...base, positives: base.rows, auc: null, roc: [] });
    expect(chartSvg(html, 'roc')).toContain('All 2,400 leads converted');
  });

  it('renders an empty data set without a division by zero', () => {
    const html = render(
      reportFixture({
        rows: 0,
        positives: 0,
        auc: null,
        aucStd: undefined,
        bands: [],
        histogram: [],
        roc: [],
        calibration: [],
        factors: [],
        byGrade: [{ grade: 'A', count: 0, conversions: 0, rate: 0 }],
        atThreshold: { threshold: 60, precision: 0, recall: 0, mqls: 0 },
      }),
    );
    for (const name of REPORT_CHARTS) expect(chartSvg(html, name)).toContain('class="notice"');
    expect(html).toContain('<dd>n/a<span class="note">0 of 0</span>');
    expect(html).toContain('<td>no leads</td>');
  });

  it('draws a 0 % band as an empty bar and a 100 % band up to the top of the plot', () => {
    const data = reportFixture();
    data.bands[0] = { from: 0, to: 9, count: 412, conversions: 0, rate: 0 };
    data.bands[9] = { from: 90, to: 100, count: 76, conversions: 76, rate: 1 };
    const svg = chartSvg(render(data), 'bands');
    const heights = [...svg.matchAll(/<rect class="bar"[^>]* y="([\d.]+)"[^>]* height="([\d.]+)"/g)].map(
      (m) => [Number(m[1]), Number(m[2])],
    );
    expect(heights[0]?.[1]).toBe(0);
    expect(heights[9]?.[0]).toBe(40);
    expect(svg).toContain('>100%<');
  });

  it('draws a ROC curve that is perfect or no better than chance', () => {
    for (const roc of [
      [
        { fpr: 0, tpr: 1 },
        { fpr: 1, tpr: 1 },
      ],
      [
        { fpr: 0.5, tpr: 0.5 },
        { fpr: 1, tpr: 1 },
      ],
    ]) {
      expect(
        countOf(chartSvg(render(reportFixture({ roc, auc: roc[0]?.tpr ?? 0 })), 'roc'), '<circle class="pt"'),
      ).toBe(2);
    }
  });

  it('truncates a long factor name with an ellipsis and keeps the full name in the tooltip', () => {
    const name = 'utm_campaign = 2024-q3-enterprise-webinar-retargeting-emea-dach';
    const svg = chartSvg(render(reportFixture({ factors: [{ name, weight: 0.27 }] })), 'factors');
    expect(svg).toContain('class="factor-name truncated"');
    expect(svg).toContain('>utm_campaign = 2024-q3-enterprise…</text>');
    expect(svg).toContain(`<title>${name}: +0.27</title>`);
  });

  it('draws the 20 largest factors and says how many more there are', () => {
    const factors = Array.from({ length: 25 }, (_, i) => ({
      name: `factor ${i}`,
      weight: (i % 2 ? -1 : 1) * i,
    }));
    const html = render(reportFixture({ factors }));
    expect(countOf(chartSvg(html, 'factors'), '<g class="factor">')).toBe(20);
    expect(html).toContain('5 smaller factors not shown.');
    expect(html).not.toContain('>factor 4<');
  });

  it('labels a rule model’s factors as rule contributions in points', () => {
    const html = render(
      reportFixture({
        model: { kind: 'rules', id: 'scoring.yaml' },
        factors: [
          { name: 'Visited pricing page', weight: 15 },
          { name: 'Unsubscribed', weight: -25 },
        ],
      }),
    );
    expect(html).toContain('rule-based model');
    expect(html).toContain('<h2>Rule contributions</h2>');
    expect(chartSvg(html, 'factors')).toContain('>+15 pts<');
    expect(chartSvg(html, 'factors')).toContain('>−25 pts<');
  });

  it('leaves empty calibration bins out and says how many', () => {
    const data = reportFixture();
    data.calibration[8] = { predicted: 0.38, observed: 0, count: 0 };
    data.calibration[9] = { predicted: 0.42, observed: 0, count: 0 };
    const html = render(data);
    expect(countOf(chartSvg(html, 'calibration'), '<circle class="pt"')).toBe(8);
    expect(html).toContain('2 empty bins not shown.');
  });

  it('shows no warnings block when there is nothing to warn about', () => {
    expect(render(reportFixture({ warnings: [] }))).not.toContain('class="warnings"');
  });
});
