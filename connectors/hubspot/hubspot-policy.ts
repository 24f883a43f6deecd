import { defaultClassify } from '../../src/http/default-classify.js';
import type {
  AttemptFailure,
  BudgetObservation,
  Signal,
  VendorPolicy,
} from '../../src/http/vendor-policy.js';

/** Request classes the HubSpot adapter sends; search has its own, lower limit. */
export const HUBSPOT_REQUEST_CLASS = { standard: 'standard', search: 'search' } as const;

export interface HubSpotLimits {
  /** Requests per rolling 10 s for the portal's tier: 100 (free/starter), 190 (pro/enterprise), 250 (API add-on). */
  perTenSeconds: number;
  /** CRM search endpoints allow 4 requests per second per token. */
  searchPerSecond: number;
  concurrency: number;
}

export const DEFAULT_HUBSPOT_LIMITS: HubSpotLimits = {
  perTenSeconds: 190,
  searchPerSecond: 4,
  concurrency: 5,
};

const fieldOf = (body: unknown, key: string): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;

/**
 * HubSpot's numbers and signals for the shared scheduler (src/http). 429 bodies carry `policyName`
 * (TEN_SECONDLY_ROLLING, SECONDLY for search, DAILY); 423 Locked asks for at least 2 s; every response
 * carries X-HubSpot-RateLimit-* headers that let us slow down before the wall.
 */
export function hubSpotPolicy(limits: HubSpotLimits = DEFAULT_HUBSPOT_LIMITS): VendorPolicy {
  return {
    name: 'HubSpot',
    concurrency: limits.concurrency,
    windows: [
      { name: 'ten-secondly', limit: limits.perTenSeconds, intervalMs: 10_000 },
      {
        name: 'search',
        limit: limits.searchPerSecond,
        intervalMs: 1_000,
        requestClass: HUBSPOT_REQUEST_CLASS.search,
      },
    ],
    backoff: { baseMs: 500, maxMs: 30_000, maxAttempts: 6, jitter: 'full' },
    classify(failure: AttemptFailure): Signal {
      if (failure.status === 429) {
        const policyName = String(fieldOf(failure.body, 'policyName') ?? '');
        if (policyName === 'DAILY')
          return { kind: 'daily', detail: 'HubSpot daily API limit reached (429 DAILY)' };
        // Search's own per-second limit answers without a policyName, only "You have reached your secondly limit."
        const message = String(fieldOf(failure.body, 'message') ?? '');
        if (
          policyName === 'SECONDLY' ||
          /secondly limit/i.test(message) ||
          (!policyName && failure.requestClass === HUBSPOT_REQUEST_CLASS.search)
        )
          return { kind: 'window', window: 'search' };
        return { kind: 'window', window: 'ten-secondly' };
      }
      if (failure.status === 423) return { kind: 'locked', minMs: 2_000 };
      return defaultClassify(failure);
    },
    observe(headers) {
      const observations: BudgetObservation[] = [];
      const remaining = Number(headers['x-hubspot-ratelimit-remaining']);
      const max = Number(headers['x-hubspot-ratelimit-max']);
      const intervalMs = Number(headers['x-hubspot-ratelimit-interval-milliseconds']);
      if ([remaining, max, intervalMs].every(Number.isFinite))
        observations.push({ remaining, max, intervalMs });
      const dailyRemaining = Number(headers['x-hubspot-ratelimit-daily-remaining']);
      const daily = Number(headers['x-hubspot-ratelimit-daily']);
      if ([dailyRemaining, daily].every(Number.isFinite))
        observations.push({ remaining: dailyRemaining, max: daily });
      return observations.length ? observations : undefined;
    },
  };
}
