import type { InputProblemCode, RecordProblems } from './input-problem.js';

export interface ValueProblem {
  code: InputProblemCode;
  message: string;
}

/**
 * Outcome of reading one raw value. `note` is a problem with a value still kept (e.g. truncation);
 * a failed parse's `problem` says what was expected, and the caller adds what happens instead.
 */
export type Parsed<T> = { ok: true; value: T; note?: ValueProblem } | { ok: false; problem?: ValueProblem };

export const MISSING: Parsed<never> = { ok: false };

export function parsed<T>(value: T, note?: ValueProblem): Parsed<T> {
  return note ? { ok: true, value, note } : { ok: true, value };
}

export function invalid(code: InputProblemCode, message: string): Parsed<never> {
  return { ok: false, problem: { code, message } };
}

const MISSING_TOKENS: ReadonlySet<string> = new Set(['', 'null', 'none', 'n/a', '-']);

/** Trimmed text, or undefined when the text only says "nothing here" (empty, null, none, n/a, -). */
export function cleanText(text: string): string | undefined {
  const trimmed = text.trim();
  return MISSING_TOKENS.has(trimmed.toLowerCase()) ? undefined : trimmed;
}

const SHOWN_LENGTH = 60;

/** A raw value as quoted in a problem message: `"lots"`, `-5`, `{"a":1}`, or `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const shown = value.length > SHOWN_LENGTH ? `${value.slice(0, SHOWN_LENGTH - 1)}…` : value;
    return JSON.stringify(shown);
  }
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text;
}

/**
 * The parsed value, or undefined; reports the note or problem on `field`. `instead` says what happens to a
 * value that could not be read ("treated as missing", "activity skipped", …).
 */
export function resolve<T>(
  result: Parsed<T>,
  field: string,
  problems: RecordProblems,
  instead = 'treated as missing',
): T | undefined {
  if (result.ok) {
    if (result.note) problems.report(field, result.note.code, result.note.message);
    return result.value;
  }
  if (result.problem) problems.report(field, result.problem.code, `${result.problem.message}; ${instead}`);
  return undefined;
}
