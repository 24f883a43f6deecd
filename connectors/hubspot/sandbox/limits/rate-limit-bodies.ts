import { randomUUID } from 'node:crypto';
import type { ErrorBody } from '../http/error-bodies.js';

/**
 * 429 bodies. The DAILY example (status, message, errorType RATE_LIMIT, correlationId, policyName, requestId)
 * is the one in the API usage guidelines (https://developers.hubspot.com/docs/api/usage-details): "The message
 * and policyName will indicate which limit you hit". policyName TEN_SECONDLY_ROLLING is what the SDK's
 * RetryDecorator (lib/src/services/decorators/RetryDecorator.js) matches on; its message is as observed live.
 */
export function rateLimitBody(policy: 'DAILY' | 'TEN_SECONDLY_ROLLING'): ErrorBody {
  const limit = policy === 'DAILY' ? 'daily' : 'ten_secondly_rolling';
  return {
    status: 'error',
    message: `You have reached your ${limit} limit.`,
    errorType: 'RATE_LIMIT',
    correlationId: randomUUID(),
    policyName: policy,
    requestId: randomUUID(),
  };
}

/**
 * The CRM search endpoints' own per-second limit. Its message is the exact text the SDK's RetryDecorator
 * compares against ("You have reached your secondly limit.") to back off one second.
 */
export function searchRateLimitBody(): ErrorBody {
  return {
    status: 'error',
    message: 'You have reached your secondly limit.',
    errorType: 'RATE_LIMIT',
    correlationId: randomUUID(),
  };
}
