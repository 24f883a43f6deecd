import { z } from 'zod';
import { defaultClassify } from '../../src/http/default-classify.js';
import type { HeaderMap } from '../../src/http/headers.js';
import type {
  AttemptFailure,
  BudgetObservation,
  RateWindow,
  Signal,
  VendorPolicy,
} from '../../src/http/vendor-policy.js';
import type { BudgetShareGuard } from './budget-share-guard.js';

export const salesforceLimitsSchema = z.strictObject({
  /** Requests in flight at once; Salesforce counts concurrent long-running requests, not requests per second. */
  concurrency: z.int().positive(),
  /** An optional rolling window for orgs that want one; Salesforce itself has none. */
  window: z.strictObject({ limit: z.int().positive(), intervalMs: z.number().positive() }).optional(),
  /** Requests of the daily allocation left for the org's other integrations. */
  dailyReserve: z.int().nonnegative().default(0),
});
export type SalesforceLimits = z.input<typeof salesforceLimitsSchema>;

export const DEFAULT_SALESFORCE_LIMITS: SalesforceLimits = { concurrency: 10 };

/** The errors a body can carry: jsforce hands over one `{errorCode, message}`, the REST API an array of them. */
interface SalesforceError {
  errorCode: string;
  message: string;
}

function errorsOf(failure: AttemptFailure): SalesforceError[] {
  const items = Array.isArray(failure.body) ? (failure.body as unknown[]) : [failure.body];
  const errors: SalesforceError[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const { errorCode, message } = item as Record<string, unknown>;
    if (typeof errorCode === 'string') errors.push({ errorCode, message: String(message ?? '') });
  }
  if (failure.errorCode !== undefined && !errors.some((e) => e.errorCode === failure.errorCode))
    errors.unshift({ errorCode: failure.errorCode, message: '' });
  return errors;
}

// REQUEST_LIMIT_EXCEEDED also answers "ConcurrentRequests (Concurrent API Requests) Limit exceeded." and the
// concurrent long-running request limit: those clear within seconds, only "TotalRequests" is the daily total.
const CONCURRENT_LIMIT = /concurrent/i;

function classifySalesforce(failure: AttemptFailure): Signal {
  const errors = errorsOf(failure);
  const has = (code: string) => errors.find((e) => e.errorCode === code);
  const limit = has('REQUEST_LIMIT_EXCEEDED');
  if (limit !== undefined) {
    if (CONCURRENT_LIMIT.test(limit.message)) return { kind: 'window' };
    const detail = `REQUEST_LIMIT_EXCEEDED${limit.message ? `: ${limit.message}` : ''}`;
    return { kind: 'daily', detail };
  }
  if (has('INVALID_SESSION_ID')) return { kind: 'auth' };
  if (has('UNABLE_TO_LOCK_ROW')) return { kind: 'locked', minMs: 1_000 };
  // jsforce reports a JSON error answer by its errorCode alone: a 500 UNKNOWN_EXCEPTION (Salesforce's internal
  // error) arrives without its status, so the plain HTTP reading below would take it for fatal.
  if (has('SERVER_UNAVAILABLE') || has('UNKNOWN_EXCEPTION')) return { kind: 'retry' };
  return defaultClassify(failure);
}

const API_USAGE = /(?:^|[;,\s])api-usage=(\d+)\/(\d+)/;

/** `Sforce-Limit-Info: api-usage=25/15000` (used/limit per 24 h); usage above the limit (bursts) leaves 0. */
export function parseLimitInfo(headers: HeaderMap): BudgetObservation | undefined {
  const match = API_USAGE.exec(headers['sforce-limit-info'] ?? '');
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const used = Number(match[1]);
  const max = Number(match[2]);
  return { remaining: Math.max(0, max - used), max };
}

/**
 * Salesforce's numbers and signals for the shared scheduler (src/http). With a BudgetShareGuard the daily
 * reserve grows to stop the run once it has spent its share of what the org had left at the start; the
 * reserve is read on every observation, so pass the returned object as it is (a spread copy would freeze it).
 */
export function salesforcePolicy(
  limits: SalesforceLimits = DEFAULT_SALESFORCE_LIMITS,
  guard?: BudgetShareGuard,
): VendorPolicy {
  const parsed = salesforceLimitsSchema.parse(limits);
  const windows: RateWindow[] = parsed.window ? [{ name: 'configured', ...parsed.window }] : [];
  return {
    name: 'Salesforce',
    concurrency: parsed.concurrency,
    windows,
    backoff: { baseMs: 1_000, maxMs: 60_000, maxAttempts: 5, jitter: 'full' },
    classify: classifySalesforce,
    observe(headers) {
      const daily = parseLimitInfo(headers);
      if (daily !== undefined) guard?.observe(daily);
      return daily;
    },
    get dailyReserve() {
      return Math.max(parsed.dailyReserve, guard?.reserve ?? 0);
    },
  };
}
