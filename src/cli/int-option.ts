import { UsageError } from '../util/errors.js';

/** A whole-number option such as `--port 4010`; anything else is a UsageError naming the flag. */
export function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max)
    throw new UsageError(`${flag}: expected a whole number from ${min} to ${max}, got "${text}"`);
  return value;
}
