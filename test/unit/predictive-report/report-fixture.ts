import type { ReportData } from '../../../src/predictive/report/index.js';

/** Leads and conversions per score band 0–9 … 90–100: many low scores, conversion climbing with the score. */
const BANDS: [count: number, conversions: number][] = [
  [412, 4],
  [388, 7],
  [351, 11],
  [297, 15],
  [262, 21],
  [214, 26],
  [171, 29],
  [132, 31],
  [97, 33],
  [76, 41],
];

const FACTORS: [string, number][] = [
  ['job_title: VP or above', 1.42],
  ['visited pricing page (last 30 days)', 1.15],
  ['requested a demo', 0.97],
  ['employees 200–999', 0.61],
  ['industry: software', 0.44],
  ['opened 3+ emails (last 30 days)', 0.38],
  ['utm_campaign = 2024-q3-enterprise-webinar-retargeting-emea-dach', 0.27],
  ['country: United States', 0.12],
  ['lead source: purchased list', -0.35],
  ['email domain: free mail provider', -0.74],
  ['job_title: student or intern', -1.08],
  ['email bounced', -1.61],
];

const round = (value: number, digits = 4) => Number(value.toFixed(digits));

/** A realistic report for a predictive model: 10 bands, 50 ROC points, 10 calibration bins, 12 factors. */
export function reportFixture(overrides: Partial<ReportData> = {}): ReportData {
  const rows = BANDS.reduce((sum, [count]) => sum + count, 0);
  const positives = BANDS.reduce((sum, [, conversions]) => sum + conversions, 0);
  const bands = BANDS.map(([count, conversions], i) => ({
    from: i * 10,
    to: i === 9 ? 100 : i * 10 + 9,
    count,
    conversions,
    rate: round(conversions / count),
  }));
  // tpr = 1 - (1 - fpr)^k has AUC k / (k + 1): k = 4.3 gives 0.81.
  const roc = Array.from({ length: 50 }, (_, i) => {
    const fpr = (i + 1) / 51;
    return { fpr: round(fpr), tpr: round(1 - (1 - fpr) ** 4.3) };
  });
  const calibration = Array.from({ length: 10 }, (_, i) => {
    const predicted = 0.02 + i * 0.045;
    return {
      predicted: round(predicted),
      observed: round(predicted * (0.85 + 0.03 * i)),
      count: 400 - i * 35,
    };
  });
  return {
    title: 'Lead scoring report: Q3 inbound',
    model: { kind: 'predictive', id: 'logistic-2024-09-30' },
    dataFile: 'leads-2024-q3.csv',
    generatedAt: '2024-10-01 09:30 UTC',
    rows,
    positives,
    auc: 0.812,
    aucStd: 0.014,
    folds: 5,
    bands,
    histogram: bands.map((b) => ({
      from: b.from,
      to: b.to,
      positives: b.conversions,
      negatives: b.count - b.conversions,
    })),
    roc,
    calibration,
    atThreshold: { threshold: 60, precision: 0.288, recall: 0.611, mqls: 476 },
    liftTopDecile: 3.4,
    byGrade: [
      { grade: 'A', count: 173, conversions: 74, rate: round(74 / 173) },
      { grade: 'B', count: 303, conversions: 60, rate: round(60 / 303) },
      { grade: 'C', count: 476, conversions: 47, rate: round(47 / 476) },
      { grade: 'D', count: 1448, conversions: 37, rate: round(37 / 1448) },
    ],
    factors: FACTORS.map(([name, weight]) => ({ name, weight })),
    warnings: [
      'Column "lifecycle_stage" looks like leakage: on its own it separates converted leads almost perfectly (AUC 0.99). It was excluded.',
    ],
    ...overrides,
  };
}

/** The `<svg data-chart="name">…</svg>` element of a rendered report (throws when it is missing). */
export function chartSvg(html: string, name: string): string {
  const match = new RegExp(`<svg[^>]*data-chart="${name}"[\\s\\S]*?</svg>`).exec(html);
  if (!match) throw new Error(`no chart "${name}" in the report`);
  return match[0];
}

/** How many times `pattern` occurs in `text`. */
export const countOf = (text: string, pattern: string | RegExp): number =>
  typeof pattern === 'string'
    ? text.split(pattern).length - 1
    : (text.match(new RegExp(pattern.source, 'g')) ?? []).length;

export const REPORT_CHARTS = ['histogram', 'bands', 'roc', 'calibration', 'factors'] as const;
