import { defaultClassify } from '../../../src/http/default-classify.js';
import type { AttemptFailure, Signal, VendorPolicy } from '../../../src/http/vendor-policy.js';

/*
 * How connectors declare their policies (the real ones live in connectors/<vendor>); these exercise
 * the scheduler with vendor-shaped failures and headers.
 */

const fieldOf = (body: unknown, key: string): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;

export const hubspotLike: VendorPolicy = {
  name: 'HubSpot',
  concurrency: 5,
  windows: [
    { name: 'ten-secondly', limit: 190, intervalMs: 10_000 },
    { name: 'search', limit: 4, intervalMs: 1_000, requestClass: 'search' },
  ],
  backoff: { baseMs: 500, maxMs: 30_000, maxAttempts: 5, jitter: 'full' },
  classify(failure: AttemptFailure): Signal {
    if (failure.status === 429) {
      const policyName = fieldOf(failure.body, 'policyName');
      if (policyName === 'DAILY') return { kind: 'daily', detail: '429 policyName DAILY' };
      if (policyName === 'SECONDLY') return { kind: 'window', window: 'search' };
      return { kind: 'window', window: 'ten-secondly' };
    }
    if (failure.status === 423) return { kind: 'locked', minMs: 2_000 };
    return defaultClassify(failure);
  },
  observe(headers) {
    const remaining = Number(headers['x-hubspot-ratelimit-remaining']);
    const max = Number(headers['x-hubspot-ratelimit-max']);
    const intervalMs = Number(headers['x-hubspot-ratelimit-interval-milliseconds']);
    if (![remaining, max, intervalMs].every(Number.isFinite)) return undefined;
    return { remaining, max, intervalMs };
  },
};

export const salesforceLike: VendorPolicy = {
  name: 'Salesforce',
  concurrency: 10,
  windows: [],
  backoff: { baseMs: 1_000, maxMs: 60_000, maxAttempts: 4, jitter: 'full' },
  dailyReserve: 500,
  classify(failure: AttemptFailure): Signal {
    switch (failure.errorCode) {
      case 'REQUEST_LIMIT_EXCEEDED': {
        // The same code covers the daily total and the concurrent long-request limit.
        const message = String(fieldOf(failure.body, 'message') ?? '');
        return /TotalRequests/i.test(message) ? { kind: 'daily' } : { kind: 'window' };
      }
      case 'UNABLE_TO_LOCK_ROW':
        return { kind: 'locked', minMs: 1_000 };
      case 'INVALID_SESSION_ID':
        return { kind: 'auth' };
      case 'SERVER_UNAVAILABLE':
        return { kind: 'retry' };
    }
    return defaultClassify(failure);
  },
  observe(headers) {
    const usage = /api-usage=(\d+)\/(\d+)/.exec(headers['sforce-limit-info'] ?? '');
    if (usage?.[1] === undefined || usage[2] === undefined) return undefined;
    const used = Number(usage[1]);
    const max = Number(usage[2]);
    return { remaining: max - used, max };
  },
};
