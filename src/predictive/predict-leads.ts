import { isActivityType } from '../model/activity.js';
import type { ActivityType } from '../model/activity.js';
import type { Lead } from '../model/lead.js';
import type { Feature } from './feature.js';
import { leadRow } from './lead-rows.js';
import type { PredictiveModel } from './model-artifact.js';
import { rowsDesign } from './predict.js';
import { predictiveScore, scoreDesign } from './score-design.js';

export interface LeadPrediction {
  /** 0–100: the conversion probability in percent. */
  score: number;
  /** The features that raised this lead's odds most, largest first (at most `topFactors`). */
  factors: string[];
}

/** The activity types a model was trained on: counts are given for exactly these. */
export function modelActivityTypes(model: PredictiveModel): ActivityType[] {
  const types = new Set<ActivityType>();
  for (const feature of model.features) {
    if (feature.kind !== 'activity_count') continue;
    const type = feature.column.replace(/\.count$/, '');
    if (isActivityType(type)) types.add(type);
  }
  return [...types];
}

/**
 * Predictive scores of CRM leads as of `asOf`, with each lead's top factors: the features whose
 * coefficient × value adds most to its log-odds. A model trained on a lead file (leadscore's lead format)
 * speaks the same canonical fields and activity types as the leads a sync reads.
 */
export function predictLeads(
  model: PredictiveModel,
  leads: readonly Lead[],
  asOf: Date,
  topFactors = 2,
): LeadPrediction[] {
  if (leads.length === 0) return [];
  const types = modelActivityTypes(model);
  const design = rowsDesign(
    model,
    leads.map((lead) => leadRow(lead, asOf, types)),
  );
  const probabilities = scoreDesign(design, model.coefficients, model.intercept);
  const p = design.features;
  return leads.map((_, i) => {
    const contributions: { feature: Feature; value: number }[] = [];
    for (let j = 0; j < p; j++) {
      const value = model.coefficients[j]! * design.x[i * p + j]!;
      if (value > 0) contributions.push({ feature: model.features[j]!, value });
    }
    contributions.sort((a, b) => b.value - a.value || a.feature.name.localeCompare(b.feature.name));
    return {
      score: predictiveScore(probabilities[i]!),
      factors: contributions.slice(0, topFactors).map((c) => c.feature.name),
    };
  });
}
