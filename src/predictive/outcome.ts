import { cleanText } from '../input/parsed.js';

const POSITIVE: ReadonlySet<string> = new Set(['1', '1.0', 'yes', 'y', 'true']);
const NEGATIVE: ReadonlySet<string> = new Set(['0', '0.0', 'no', 'n', 'false']);

export const OUTCOME_VALUES = '1/0, yes/no or true/false';

/** An outcome cell: 1/0, yes/no, y/n or true/false in any case, with any surrounding spaces. */
export function parseOutcome(value: unknown): 0 | 1 | 'missing' | 'invalid' {
  if (value === undefined || value === null) return 'missing';
  if (value === true || value === 1) return 1;
  if (value === false || value === 0) return 0;
  if (typeof value !== 'string') return 'invalid';
  const text = cleanText(value)?.toLowerCase();
  if (text === undefined) return 'missing';
  if (POSITIVE.has(text)) return 1;
  if (NEGATIVE.has(text)) return 0;
  return 'invalid';
}
