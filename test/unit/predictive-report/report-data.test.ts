import { describe, expect, it } from '@jest/globals';
import { LeadscoreError } from '../../../src/util/errors.js';
import { ReportDataError, parseReportData, renderReport } from '../../../src/predictive/report/index.js';
import type { ReportData } from '../../../src/predictive/report/index.js';
import { reportFixture } from './report-fixture.js';

function problemsOf(data: unknown): string {
  try {
    parseReportData(data);
  } catch (error) {
    expect(error).toBeInstanceOf(ReportDataError);
    return (error as ReportDataError).message;
  }
  throw new Error('expected the data to be rejected');
}

describe('report data validation', () => {
  it('accepts the realistic fixture as it is', () => {
    expect(parseReportData(reportFixture())).toEqual(reportFixture());
  });

  it('rejects a NaN and names its field', () => {
    const data = reportFixture();
    data.roc[3] = { fpr: 0.1, tpr: Number.NaN };
    expect(problemsOf(data)).toContain('roc[3].tpr: NaN is not a finite number');
  });

  it('rejects an Infinity and names its field', () => {
    expect(problemsOf(reportFixture({ liftTopDecile: Number.POSITIVE_INFINITY }))).toContain(
      'liftTopDecile: Infinity is not a finite number',
    );
  });

  it('never renders a page from data with a NaN', () => {
    const data = reportFixture();
    data.factors[0] = { name: 'email bounced', weight: Number.NaN };
    expect(() => renderReport(data)).toThrow('factors[0].weight: NaN is not a finite number');
  });

  it('is a LeadscoreError with the code REPORT_DATA_INVALID', () => {
    const data = reportFixture({ auc: Number.NaN });
    expect(() => renderReport(data)).toThrow(LeadscoreError);
    expect(() => renderReport(data)).toThrow(expect.objectContaining({ code: 'REPORT_DATA_INVALID' }));
  });

  it('rejects a rate outside 0–1 and names its field', () => {
    const data = reportFixture();
    data.bands[2] = { ...data.bands[2]!, rate: 1.2 };
    expect(problemsOf(data)).toContain('bands[2].rate');
  });

  it('rejects more conversions than leads in a band', () => {
    const data = reportFixture();
    data.bands[1] = { ...data.bands[1]!, conversions: 1000 };
    expect(problemsOf(data)).toContain('bands[1].conversions: more conversions than leads');
  });

  it('rejects more positives than rows', () => {
    expect(problemsOf(reportFixture({ positives: 5000 }))).toContain('positives: more positives than rows');
  });

  it('rejects a missing field and names it', () => {
    const data: Partial<ReportData> = reportFixture();
    delete data.title;
    expect(problemsOf(data)).toContain('title');
  });

  it('rejects an unknown model kind', () => {
    expect(problemsOf({ ...reportFixture(), model: { kind: 'magic', id: 'x' } })).toContain('model.kind');
  });
});
