import { fileURLToPath } from 'node:url';
import type { RecordProblem } from '../../../src/mapping/crm-record.js';

export const HUBSPOT_MAPPING = fileURLToPath(new URL('../../../mappings/hubspot.yaml', import.meta.url));
export const SALESFORCE_MAPPING = fileURLToPath(new URL('./fixtures/salesforce-lead.yaml', import.meta.url));

/** An onProblem handler and the problems it collected. */
export function collectProblems(): {
  problems: RecordProblem[];
  onProblem: (problem: RecordProblem) => void;
} {
  const problems: RecordProblem[] = [];
  return { problems, onProblem: (problem) => problems.push(problem) };
}
