import type { ScoreValues } from '../connector/crm-adapter.js';
import type { ScoreFields } from '../model/lead.js';

/**
 * Whether the CRM needs a write: a record whose score, fit, engagement, grade, status, reasons and
 * model are what the CRM already holds is skipped (scoredAt alone never causes a write).
 * Missing text equals empty text: HubSpot clears a property written as "".
 */
export function needsWrite(current: Partial<ScoreFields> | undefined, next: ScoreValues): boolean {
  if (!current) return true;
  return (
    current.score !== next.score ||
    current.fit !== next.fit ||
    current.engagement !== next.engagement ||
    current.grade !== next.grade ||
    current.status !== next.status ||
    (current.reasons ?? '') !== next.reasons ||
    (current.model ?? '') !== next.model ||
    (next.predictive !== undefined && current.predictive !== next.predictive)
  );
}
