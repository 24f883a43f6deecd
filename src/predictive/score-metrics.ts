import { GRADES } from '../model/lead.js';
import type { Grade } from '../model/lead.js';

export interface Band {
  /** "0–9", …, "90–100". */
  band: string;
  from: number;
  to: number;
  count: number;
  conversions: number;
  /** Null for an empty band. */
  conversionRate: number | null;
}

export interface GradeRow {
  grade: Grade;
  count: number;
  conversions: number;
  conversionRate: number | null;
}

export interface ThresholdMetrics {
  /** Leads scoring at least this are MQLs. */
  threshold: number;
  mql: number;
  truePositives: number;
  /** Share of MQLs that converted; null without MQLs. */
  precision: number | null;
  /** Share of converted leads that were MQLs. */
  recall: number | null;
}

export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  meanPredicted: number | null;
  observedRate: number | null;
}

/** Leads per score 0–100 (index = score), and how many of them converted. */
export interface ScoreHistogram {
  counts: number[];
  conversions: number[];
}

function rate(conversions: number, count: number): number | null {
  return count === 0 ? null : conversions / count;
}

/** Scores outside 0–100 (a rule model without a clamp) count in the nearest end. */
function clampScore(score: number): number {
  return Math.min(100, Math.max(0, Math.round(score)));
}

export function scoreHistogram(scores: ArrayLike<number>, outcomes: ArrayLike<number>): ScoreHistogram {
  const counts = new Array<number>(101).fill(0);
  const conversions = new Array<number>(101).fill(0);
  for (let i = 0; i < scores.length; i++) {
    const score = clampScore(scores[i]!);
    counts[score]!++;
    conversions[score]! += outcomes[i]!;
  }
  return { counts, conversions };
}

/** Conversion by score band 0–9, 10–19, …, 90–100. */
export function scoreBands(histogram: ScoreHistogram): Band[] {
  return Array.from({ length: 10 }, (_, b) => {
    const from = b * 10;
    const to = b === 9 ? 100 : from + 9;
    let count = 0;
    let conversions = 0;
    for (let score = from; score <= to; score++) {
      count += histogram.counts[score]!;
      conversions += histogram.conversions[score]!;
    }
    return { band: `${from}–${to}`, from, to, count, conversions, conversionRate: rate(conversions, count) };
  });
}

export function gradeTable(grades: readonly Grade[], outcomes: ArrayLike<number>): GradeRow[] {
  return GRADES.map((grade) => {
    let count = 0;
    let conversions = 0;
    grades.forEach((g, i) => {
      if (g !== grade) return;
      count++;
      conversions += outcomes[i]!;
    });
    return { grade, count, conversions, conversionRate: rate(conversions, count) };
  });
}

export function atThreshold(
  scores: ArrayLike<number>,
  outcomes: ArrayLike<number>,
  threshold: number,
): ThresholdMetrics {
  let mql = 0;
  let truePositives = 0;
  let positives = 0;
  for (let i = 0; i < scores.length; i++) {
    positives += outcomes[i]!;
    if (scores[i]! < threshold) continue;
    mql++;
    truePositives += outcomes[i]!;
  }
  return {
    threshold,
    mql,
    truePositives,
    precision: rate(truePositives, mql),
    recall: rate(truePositives, positives),
  };
}

/**
 * Conversion rate of the top 10 % by score over the overall rate. Leads tied at the cut count in proportion,
 * so a coarse score (many ties) is neither flattered nor penalised by the order of the file.
 */
export function liftTopDecile(scores: ArrayLike<number>, outcomes: ArrayLike<number>): number | null {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const quota = n / 10;
  let taken = 0;
  let converted = 0;
  let total = 0;
  for (let start = 0; start < n && taken < quota;) {
    let end = start;
    let tiedConversions = 0;
    while (end < n && scores[order[end]!] === scores[order[start]!])
      tiedConversions += outcomes[order[end++]!]!;
    const share = Math.min(1, (quota - taken) / (end - start));
    taken += share * (end - start);
    converted += share * tiedConversions;
    start = end;
  }
  for (let i = 0; i < n; i++) total += outcomes[i]!;
  if (n === 0 || total === 0) return null;
  return converted / taken / (total / n);
}

/** Mean predicted probability against the observed rate, in 10 bins of the prediction. */
export function calibration(
  probabilities: ArrayLike<number>,
  outcomes: ArrayLike<number>,
  bins = 10,
): CalibrationBin[] {
  const count = new Array<number>(bins).fill(0);
  const predicted = new Array<number>(bins).fill(0);
  const observed = new Array<number>(bins).fill(0);
  for (let i = 0; i < probabilities.length; i++) {
    const p = Math.min(1, Math.max(0, probabilities[i]!));
    const bin = Math.min(bins - 1, Math.floor(p * bins));
    count[bin]!++;
    predicted[bin]! += p;
    observed[bin]! += outcomes[i]!;
  }
  return count.map((n, bin) => ({
    from: bin / bins,
    to: (bin + 1) / bins,
    count: n,
    meanPredicted: rate(predicted[bin]!, n),
    observedRate: rate(observed[bin]!, n),
  }));
}

/** Mean squared error of the probabilities: 0 is perfect, 0.25 is a coin flip. */
export function brierScore(probabilities: ArrayLike<number>, outcomes: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) sum += (probabilities[i]! - outcomes[i]!) ** 2;
  return sum / probabilities.length;
}
