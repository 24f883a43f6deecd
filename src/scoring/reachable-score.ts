import type { ScoringModel } from './model-schema.js';

export interface ReachableScore {
  fit: number;
  engagement: number;
  score: number;
  /** Rules whose points grow without limit (per occurrence, no cap). */
  unbounded: string[];
}

/** The best case: every positive rule matching as often as its cap allows. */
export function reachableScore(model: ScoringModel): ReachableScore {
  const unbounded: string[] = [];
  const best = { fit: 0, engagement: 0 };
  for (const rule of model.fit) best.fit += Math.max(0, rule.points);
  for (const rule of model.engagement) {
    if (rule.points <= 0) continue;
    if (rule.per === 'once') best.engagement += rule.points;
    else if (rule.cap !== undefined) best.engagement += rule.cap;
    else {
      best.engagement = Number.POSITIVE_INFINITY;
      unbounded.push(rule.id);
    }
  }
  const fit = Math.min(best.fit, model.caps.fit ?? Number.POSITIVE_INFINITY);
  const engagement = Math.min(best.engagement, model.caps.engagement ?? Number.POSITIVE_INFINITY);
  const weigh = (points: number, weight: number) => (weight === 0 ? 0 : points * weight);
  const total = weigh(fit, model.score.fitWeight) + weigh(engagement, model.score.engagementWeight);
  return { fit, engagement, score: Math.min(total, model.score.max ?? Number.POSITIVE_INFINITY), unbounded };
}
