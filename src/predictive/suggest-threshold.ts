import { atThreshold } from './score-metrics.js';
import type { ThresholdMetrics } from './score-metrics.js';

/** What the MQL threshold is chosen for. */
export type ThresholdTarget =
  | { kind: 'mqls'; count: number }
  | { kind: 'share'; share: number }
  | { kind: 'precision'; precision: number }
  | { kind: 'f1' };

export interface ThresholdChoice {
  threshold: number;
  target: ThresholdTarget;
  metrics: ThresholdMetrics;
  /** Harmonic mean of precision and recall at the threshold. */
  f1: number;
  /** False when no threshold reaches a precision target (then the most precise one is taken). */
  reached: boolean;
}

/**
 * The MQL threshold (leads scoring at least it are MQLs) among the scores the leads reach:
 * - `mqls` / `share`: the MQL count closest to the target (on a tie, the fewer MQLs);
 * - `precision`: the most MQLs whose precision reaches the target; when none does, the most precise;
 * - `f1`: the best balance of precision and recall (F1), on a tie the fewer MQLs.
 */
export function chooseThreshold(
  scores: ArrayLike<number>,
  outcomes: ArrayLike<number>,
  target: ThresholdTarget,
): ThresholdChoice {
  const options = [...new Set(Array.from(scores))]
    .sort((a, b) => b - a)
    .map((threshold) => {
      const metrics = atThreshold(scores, outcomes, threshold);
      return { threshold, metrics, f1: f1Of(metrics) };
    });
  const n = scores.length;
  const best = <T>(key: (option: (typeof options)[number]) => T, better: (a: T, b: T) => boolean) =>
    options.reduce((chosen, option) => (better(key(option), key(chosen)) ? option : chosen));
  let chosen: (typeof options)[number];
  let reached = true;
  switch (target.kind) {
    case 'mqls':
    case 'share': {
      const wanted = target.kind === 'mqls' ? target.count : target.share * n;
      chosen = best(
        (option) => Math.abs(option.metrics.mql - wanted),
        (a, b) => a < b,
      );
      break;
    }
    case 'precision': {
      const precise = options.filter((option) => (option.metrics.precision ?? 0) >= target.precision - 1e-12);
      reached = precise.length > 0;
      chosen = reached
        ? precise.reduce((a, b) => (b.metrics.mql > a.metrics.mql ? b : a))
        : best(
            (option) => option.metrics.precision ?? 0,
            (a, b) => a > b,
          );
      break;
    }
    case 'f1':
      chosen = best(
        (option) => option.f1,
        (a, b) => a > b + 1e-12,
      );
      break;
  }
  return { ...chosen, target, reached };
}

function f1Of(metrics: ThresholdMetrics): number {
  const { precision, recall } = metrics;
  if (!precision || !recall) return 0;
  return (2 * precision * recall) / (precision + recall);
}
