import { describe, expect, it } from '@jest/globals';
import { renderReport } from '../../../src/predictive/report/index.js';
import { REPORT_CHARTS, chartSvg, countOf, reportFixture } from './report-fixture.js';

describe('renderReport', () => {
  it('renders the same bytes for the same data', () => {
    expect(renderReport(reportFixture())).toBe(renderReport(structuredClone(reportFixture())));
  });

  it('renders the same bytes whatever order the factors, bands and ROC points come in', () => {
    const data = reportFixture();
    const shuffled = {
      ...data,
      factors: [...data.factors].reverse(),
      bands: [...data.bands].reverse(),
      histogram: [...data.histogram].reverse(),
      roc: [...data.roc].reverse(),
      calibration: [...data.calibration].reverse(),
    };
    expect(renderReport(shuffled)).toBe(renderReport(data));
  });

  it('draws each chart as an svg with data-chart, an accessible title and description, axis labels and ticks', () => {
    const html = renderReport(reportFixture());
    for (const name of REPORT_CHARTS) {
      const svg = chartSvg(html, name);
      expect(svg).toContain(`role="img"`);
      expect(svg).toContain(`aria-labelledby="${name}-title ${name}-desc"`);
      expect(svg).toMatch(
        new RegExp(`<title id="${name}-title">[^<]+</title><desc id="${name}-desc">[^<]+</desc>`),
      );
      expect(countOf(svg, 'class="axis-label"')).toBeGreaterThanOrEqual(1);
      expect(countOf(svg, 'class="tick')).toBeGreaterThanOrEqual(3);
    }
  });

  it('draws one converted and one non-converted bar per histogram bin', () => {
    const svg = chartSvg(renderReport(reportFixture()), 'histogram');
    expect(countOf(svg, '<rect class="bar positives"')).toBe(10);
    expect(countOf(svg, '<rect class="bar negatives"')).toBe(10);
  });

  it('draws one conversion-rate bar per score band with its rate and lead count', () => {
    const svg = chartSvg(renderReport(reportFixture()), 'bands');
    expect(countOf(svg, '<rect class="bar"')).toBe(10);
    expect(svg).toContain('>90–100<');
    expect(svg).toContain('>n=412<');
    expect(svg).toContain('>53.9%<');
    expect(svg).toContain('All leads: 9.1%');
  });

  it('draws the ROC curve through every point with the diagonal and the AUC ± std in the title', () => {
    const html = renderReport(reportFixture());
    const svg = chartSvg(html, 'roc');
    expect(countOf(svg, '<circle class="pt"')).toBe(50);
    expect(countOf(svg, 'class="diagonal"')).toBe(1);
    const curve = /<path class="curve" d="([^"]+)"/.exec(svg)?.[1] ?? '';
    expect(countOf(curve, /[ML]/)).toBe(52);
    expect(svg).toContain('<title id="roc-title">ROC curve — AUC 0.812 ± 0.014 (5-fold)</title>');
    expect(html).toContain('<h2>ROC curve — AUC 0.812 ± 0.014 (5-fold)</h2>');
  });

  it('draws one calibration point per bin with the ideal line', () => {
    const svg = chartSvg(renderReport(reportFixture()), 'calibration');
    expect(countOf(svg, '<circle class="pt"')).toBe(10);
    expect(countOf(svg, 'class="ideal"')).toBe(1);
  });

  it('draws one bar per factor, coloured by sign, largest effect first', () => {
    const svg = chartSvg(renderReport(reportFixture()), 'factors');
    expect(countOf(svg, '<g class="factor">')).toBe(12);
    expect(countOf(svg, 'class="bar raise"')).toBe(8);
    expect(countOf(svg, 'class="bar lower"')).toBe(4);
    const names = [...svg.matchAll(/class="factor-name[^"]*"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(names.slice(0, 3)).toEqual([
      'email bounced',
      'job_title: VP or above',
      'visited pricing page (last 30 day…',
    ]);
  });

  it('shows the model, data file, rows, positive rate, AUC, lift, precision/recall at the threshold and warnings', () => {
    const html = renderReport(reportFixture());
    const header = /<header>[\s\S]*<\/header>/.exec(html)?.[0] ?? '';
    for (const expected of [
      'logistic-2024-09-30',
      'predictive model',
      'leads-2024-q3.csv',
      '2024-10-01 09:30 UTC',
      '<dd>2,400',
      '<dd>9.1%',
      '<dd>0.812',
      '± 0.014, 5-fold cross-validation',
      '<dd>3.4×',
      '<dd>28.8%',
      '<dd>61.1%',
      'at MQL score ≥ 60',
      'Warnings (1)',
      'looks like leakage',
    ]) {
      expect(header).toContain(expected);
    }
  });

  it('tabulates conversion by grade when the data has grades', () => {
    const html = renderReport(reportFixture());
    expect(countOf(html, /<tr><th scope="row">/)).toBe(4);
    expect(renderReport(reportFixture({ byGrade: undefined }))).not.toContain('data-table="grades"');
  });
});
