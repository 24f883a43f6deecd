import { parseDate } from '../input/parse-date.js';
import { UsageError } from '../util/errors.js';

/** A date option reads like every date leadscore reads (src/input/parse-date): ISO-8601, no zone = UTC. */
export function parseNow(text: string | undefined, flag = '--now'): Date {
  if (text === undefined) return new Date();
  const parsed = parseDate(text);
  if (!parsed.ok)
    throw new UsageError(
      `${flag}: expected an ISO-8601 date or date-time like 2026-11-21T09:00:00Z, got "${text}"`,
    );
  return parsed.value;
}
