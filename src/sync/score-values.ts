import type { ScoreValues } from '../connector/crm-adapter.js';
import type { ScoreResult } from '../scoring/score-result.js';

/** The part of a scoring result that is written to the CRM. */
export function scoreValuesOf(result: ScoreResult): ScoreValues {
  const { score, fit, engagement, grade, status, reasons, model, scoredAt } = result;
  return { score, fit, engagement, grade, status, reasons, model, scoredAt };
}
