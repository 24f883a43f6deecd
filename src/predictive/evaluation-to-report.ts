import { basename } from 'node:path';
import type { ScoringModel } from '../scoring/model-schema.js';
import type { EvaluatedModel, Evaluation } from './evaluation.js';
import type {
  ReportBand,
  ReportCalibrationBin,
  ReportData,
  ReportFactor,
  ReportGrade,
  ReportHistogramBin,
} from './report/index.js';
import type { Band, CalibrationBin, GradeRow, ScoreHistogram, ThresholdMetrics } from './score-metrics.js';
import type { Factor } from './top-factors.js';

/** Score points per bar of the report's histogram: 0–4, 5–9, …, 95–100. */
export const HISTOGRAM_BIN_WIDTH = 5;

export interface ReportContext {
  /** Shown as given (the report never reads the clock itself). */
  generatedAt: string;
  /** Default: "Predictive model evaluation: <label>" (or "Rule model …"). */
  title?: string;
  /** Rule models: the points of each rule (an Evaluation carries no factors for them); see ruleFactors. */
  ruleFactors?: ReportFactor[];
}

/**
 * The report's view of an evaluation: the same figures under the report's names (`rate`, `predicted`,
 * `mqls`, `{ name, weight }`), an undefined rate as 0 (the charts mark bands and bins without leads), an
 * undefined AUC (one outcome only) as null. Pure: the same evaluation and context give the same data.
 */
export function evaluationToReport(evaluation: Evaluation, context: ReportContext): ReportData {
  const e = evaluation;
  const rules = e.model.kind === 'rules';
  const data: ReportData = {
    title: context.title ?? `${rules ? 'Rule' : 'Predictive'} model evaluation: ${e.label}`,
    model: { kind: e.model.kind, id: reportModelId(e.model) },
    dataFile: basename(e.input) || e.input,
    generatedAt: context.generatedAt,
    rows: e.rows,
    positives: e.positives,
    auc: finite(e.auc) ?? null,
    bands: reportBands(e.bands),
    histogram: reportHistogram(e.histogram),
    roc: e.roc.map(({ fpr, tpr }) => ({ fpr, tpr })),
    calibration: reportCalibration(e.calibration),
    atThreshold: reportThreshold(e.atThreshold),
    factors: rules ? (context.ruleFactors ?? []) : reportFactors(e.topFactors ?? []),
    warnings: [...e.warnings],
  };
  const aucStd = finite(e.auc_std);
  if (aucStd !== undefined && data.auc !== null) data.aucStd = aucStd;
  // Only a cross-validated AUC is "k-fold"; a fixed model's spread over folds is shown as ± alone.
  if ('trained' in e.model) data.folds = e.folds;
  if (e.liftTopDecile !== null) data.liftTopDecile = e.liftTopDecile;
  if (e.byGrade) data.byGrade = reportGrades(e.byGrade);
  return data;
}

const finite = (value: number): number | undefined => (Number.isFinite(value) ? value : undefined);

/** How the report names the model: the rule model's ref, a saved model's file, or the training. */
export function reportModelId(model: EvaluatedModel): string {
  if (model.kind === 'rules') return model.ref;
  if ('file' in model) return basename(model.file) || model.file;
  return `logistic regression (L2, C = ${model.regularisation.C}), cross-validated`;
}

export function reportBands(bands: readonly Band[]): ReportBand[] {
  return bands.map((b) => ({
    from: b.from,
    to: b.to,
    count: b.count,
    conversions: b.conversions,
    rate: b.conversionRate ?? 0,
  }));
}

/** Leads per score (0–100) pooled into bins of `width` points, the last bin ending at 100. */
export function reportHistogram(
  histogram: ScoreHistogram,
  width = HISTOGRAM_BIN_WIDTH,
): ReportHistogramBin[] {
  const last = histogram.counts.length - 1;
  const bins: ReportHistogramBin[] = [];
  for (let from = 0; from <= last; from += width) {
    // A last bin of one score (100 with width 5) joins the bin before it: 95–100.
    const to = from + width - 1 >= last - 1 ? last : from + width - 1;
    let positives = 0;
    let count = 0;
    for (let score = from; score <= to; score++) {
      count += histogram.counts[score] ?? 0;
      positives += histogram.conversions[score] ?? 0;
    }
    bins.push({ from, to, positives, negatives: count - positives });
    if (to === last) break;
  }
  return bins;
}

/** An empty bin (no leads, so no mean) is placed at its middle with an observed rate of 0; it is not drawn. */
export function reportCalibration(calibration: readonly CalibrationBin[]): ReportCalibrationBin[] {
  return calibration.map((bin) => ({
    predicted: bin.meanPredicted ?? (bin.from + bin.to) / 2,
    observed: bin.observedRate ?? 0,
    count: bin.count,
  }));
}

/** Precision without MQLs, recall without conversions: 0. */
export function reportThreshold(metrics: ThresholdMetrics): NonNullable<ReportData['atThreshold']> {
  return {
    threshold: metrics.threshold,
    precision: metrics.precision ?? 0,
    recall: metrics.recall ?? 0,
    mqls: metrics.mql,
  };
}

/** A predictive model's factors by impact: the signed change in log-odds for a typical step of the feature. */
export function reportFactors(factors: readonly Factor[]): ReportFactor[] {
  return factors.map((factor) => ({ name: factor.feature, weight: factor.impact }));
}

export function reportGrades(grades: readonly GradeRow[]): ReportGrade[] {
  return grades.map((g) => ({
    grade: g.grade,
    count: g.count,
    conversions: g.conversions,
    rate: g.conversionRate ?? 0,
  }));
}

/** The points of each rule of a rule model, by its label; "(each)" when an activity rule counts every occurrence. */
export function ruleFactors(model: Pick<ScoringModel, 'fit' | 'engagement' | 'negative'>): ReportFactor[] {
  const fit = model.fit.map((rule) => ({ name: rule.label, weight: rule.points }));
  const engagement = model.engagement.map((rule) => ({
    name: rule.per === 'once' ? rule.label : `${rule.label} (each)`,
    weight: rule.points,
  }));
  const negative = model.negative.map((rule) => ({
    name: rule.activity !== undefined && rule.per !== 'once' ? `${rule.label} (each)` : rule.label,
    weight: rule.points,
  }));
  return [...fit, ...engagement, ...negative];
}
