import type { HeaderMap } from './headers.js';

/**
 * Retry-After (RFC 9110 §10.2.3) as milliseconds from `nowMs`: delay-seconds or an HTTP date.
 * A date in the past means "now" (0); anything unreadable is undefined.
 */
export function retryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  // Strictly only digits, but some servers send fractions; a date always contains letters.
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export function retryAfterFrom(headers: HeaderMap, nowMs: number): number | undefined {
  return retryAfterMs(headers['retry-after'], nowMs);
}
