import { describe, expect, it } from '@jest/globals';
import { hubSpotPolicy } from '../../../connectors/hubspot/hubspot-policy.js';
import type { AttemptFailure } from '../../../src/http/vendor-policy.js';

const policy = hubSpotPolicy({ perTenSeconds: 190, searchPerSecond: 4, concurrency: 5 });
const failure = (status: number, body: unknown, requestClass = 'standard'): AttemptFailure => ({
  error: new Error('HTTP ' + status),
  status,
  body,
  headers: {},
  requestClass,
  endpoint: 'POST /crm/v3/objects/contacts/search',
  attempt: 1,
});

describe('HubSpot policy', () => {
  it('waits out the ten-second window on a 429 TEN_SECONDLY_ROLLING', () => {
    expect(
      policy.classify(failure(429, { policyName: 'TEN_SECONDLY_ROLLING', errorType: 'RATE_LIMIT' })),
    ).toEqual({ kind: 'window', window: 'ten-secondly' });
  });
  it('stops the run on a 429 DAILY', () => {
    expect(policy.classify(failure(429, { policyName: 'DAILY', errorType: 'RATE_LIMIT' }))).toMatchObject({
      kind: 'daily',
    });
  });
  it('waits out the search window on the search limit, which has no policyName', () => {
    expect(
      policy.classify(
        failure(429, { message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT' }, 'search'),
      ),
    ).toEqual({ kind: 'window', window: 'search' });
  });
  it('waits at least 2 s on 423 Locked', () => {
    expect(policy.classify(failure(423, {}))).toEqual({ kind: 'locked', minMs: 2000 });
  });
  it('does not retry a 400 validation error', () => {
    expect(policy.classify(failure(400, { category: 'VALIDATION_ERROR' }))).toEqual({ kind: 'fatal' });
  });
  it('retries a 502', () => {
    expect(policy.classify(failure(502, {}))).toMatchObject({ kind: 'retry' });
  });
  it('reads the ten-second and daily budgets from the rate-limit headers', () => {
    expect(
      policy.observe?.({
        'x-hubspot-ratelimit-remaining': '12',
        'x-hubspot-ratelimit-max': '190',
        'x-hubspot-ratelimit-interval-milliseconds': '10000',
        'x-hubspot-ratelimit-daily': '500000',
        'x-hubspot-ratelimit-daily-remaining': '499000',
      }),
    ).toEqual([
      { remaining: 12, max: 190, intervalMs: 10000 },
      { remaining: 499000, max: 500000 },
    ]);
  });
});
