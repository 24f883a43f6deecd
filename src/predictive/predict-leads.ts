import { isActivityType } from '../model/activity.js';
import type { ActivityType } from '../model/activity.js';
import type { Lead } from '../model/lead.js';
import { RowFactors } from './lead-factors.js';
import { leadSlotValues } from './lead-slot-values.js';
import type { PredictiveModel } from './model-artifact.js';
import { predictiveScore } from './score-design.js';
import { scoreValues } from './score-slots.js';

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
 * speaks the same canonical fields and activity types as the leads a sync reads. Each lead is read once
 * into typed arrays of the model's columns (leadSlotValues), which are scored as predict scores the leads'
 * rows (leadRow) would be; its top factors are kept as they come (RowFactors).
 */
export function predictLeads(
  model: PredictiveModel,
  leads: readonly Lead[],
  asOf: Date,
  topFactors = 2,
): LeadPrediction[] {
  if (leads.length === 0) return [];
  const values = leadSlotValues(model, leads, asOf, modelActivityTypes(model));
  const probabilities = scoreValues(values, model.coefficients, model.intercept);
  const names = model.features.map((feature) => feature.name);
  const factors = new RowFactors(values, model.coefficients, names, topFactors);
  return leads.map((_, i) => ({ score: predictiveScore(probabilities[i]!), factors: factors.of(i) }));
}
