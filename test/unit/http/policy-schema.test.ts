import { describe, expect, it } from '@jest/globals';
import { RequestScheduler } from '../../../src/http/request-scheduler.js';
import type { VendorPolicy } from '../../../src/http/vendor-policy.js';
import { LeadscoreError } from '../../../src/util/errors.js';
import { testPolicy } from './attempts.js';
import { hubspotLike, salesforceLike } from './example-policies.js';

const build = (policy: Partial<VendorPolicy>) => () => new RequestScheduler({ policy: testPolicy(policy) });

describe('checking a vendor policy', () => {
  it('accepts the example HubSpot and Salesforce policies', () => {
    expect(() => new RequestScheduler({ policy: hubspotLike })).not.toThrow();
    expect(() => new RequestScheduler({ policy: salesforceLike })).not.toThrow();
  });

  it('rejects a concurrency of 0 with code POLICY_INVALID, naming the field', () => {
    expect(build({ concurrency: 0 })).toThrow(LeadscoreError);
    expect(build({ concurrency: 0 })).toThrow(
      expect.objectContaining({ code: 'POLICY_INVALID', message: expect.stringContaining('concurrency') }),
    );
  });

  it('rejects a window without room for a single request', () =>
    expect(build({ windows: [{ name: 'w', limit: 0, intervalMs: 1_000 }] })).toThrow(/windows\[0\]\.limit/));

  it('rejects two windows with the same name', () =>
    expect(
      build({
        windows: [
          { name: 'w', limit: 1, intervalMs: 1_000 },
          { name: 'w', limit: 2, intervalMs: 1_000 },
        ],
      }),
    ).toThrow(/unique/));

  it('rejects maxAttempts of 0', () =>
    expect(build({ backoff: { baseMs: 1, maxMs: 2, maxAttempts: 0, jitter: 'none' } })).toThrow(
      /maxAttempts/,
    ));

  it('rejects maxMs below baseMs', () =>
    expect(build({ backoff: { baseMs: 10, maxMs: 2, maxAttempts: 1, jitter: 'none' } })).toThrow(/maxMs/));
});
