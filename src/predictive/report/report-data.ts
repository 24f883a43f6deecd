import { z } from 'zod';
import { EXIT, LeadscoreError, formatPath } from '../../util/errors.js';

/** Report data that cannot be drawn: a missing field, a NaN, a rate outside 0–1. */
export class ReportDataError extends LeadscoreError {
  constructor(readonly problems: string[]) {
    super('REPORT_DATA_INVALID', `report data is invalid:\n${problems.join('\n')}`, EXIT.invalid);
  }
}

const count = z.int().nonnegative();
const share = z.number().min(0).max(1);
const score = z.number().min(0).max(100);

const bandSchema = z
  .object({ from: score, to: score, count, conversions: count, rate: share })
  .refine((b) => b.from <= b.to, { message: '`from` is above `to`', path: ['from'] })
  .refine((b) => b.conversions <= b.count, { message: 'more conversions than leads', path: ['conversions'] });

const histogramBinSchema = z
  .object({ from: score, to: score, positives: count, negatives: count })
  .refine((b) => b.from <= b.to, { message: '`from` is above `to`', path: ['from'] });

const gradeSchema = z
  .object({ grade: z.string().min(1), count, conversions: count, rate: share })
  .refine((g) => g.conversions <= g.count, { message: 'more conversions than leads', path: ['conversions'] });

export const reportDataSchema = z
  .object({
    title: z.string().min(1),
    model: z.object({ kind: z.enum(['predictive', 'rules']), id: z.string().min(1) }),
    /** The data file as the user should recognise it (usually its base name). */
    dataFile: z.string().min(1),
    /** Shown as given: the caller decides the format, so the same data renders the same bytes. */
    generatedAt: z.string().min(1),
    rows: count,
    positives: count,
    /** Null when the data has a single class and the AUC is undefined. */
    auc: share.nullable(),
    aucStd: z.number().nonnegative().optional(),
    folds: z.int().min(2).optional(),
    bands: z.array(bandSchema),
    histogram: z.array(histogramBinSchema),
    roc: z.array(z.object({ fpr: share, tpr: share })),
    /** Predicted probability against the observed conversion rate, per bin. */
    calibration: z.array(z.object({ predicted: share, observed: share, count })),
    atThreshold: z.object({ threshold: score, precision: share, recall: share, mqls: count }).optional(),
    liftTopDecile: z.number().nonnegative().optional(),
    byGrade: z.array(gradeSchema).optional(),
    /** Signed model weights (predictive) or rule points (rules). */
    factors: z.array(z.object({ name: z.string().min(1), weight: z.number() })),
    warnings: z.array(z.string()),
  })
  .refine((d) => d.positives <= d.rows, { message: 'more positives than rows', path: ['positives'] });

export type ReportData = z.infer<typeof reportDataSchema>;
export type ReportBand = ReportData['bands'][number];
export type ReportHistogramBin = ReportData['histogram'][number];
export type ReportRocPoint = ReportData['roc'][number];
export type ReportCalibrationBin = ReportData['calibration'][number];
export type ReportFactor = ReportData['factors'][number];
export type ReportGrade = NonNullable<ReportData['byGrade']>[number];

/** Every number in the data that is NaN or ±Infinity, named by its path (`roc[3].tpr`). */
function nonFiniteNumbers(value: unknown, path: PropertyKey[] = []): string[] {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? [] : [`${formatPath(path)}: ${String(value)} is not a finite number`];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => nonFiniteNumbers(item, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => nonFiniteNumbers(item, [...path, key]));
  }
  return [];
}

/** Validates report data at the boundary; throws a ReportDataError naming every bad field. */
export function parseReportData(input: unknown): ReportData {
  const nonFinite = nonFiniteNumbers(input);
  if (nonFinite.length > 0) throw new ReportDataError(nonFinite);
  const parsed = reportDataSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ReportDataError(
    parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
  );
}
