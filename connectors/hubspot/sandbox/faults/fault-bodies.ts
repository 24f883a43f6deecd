import { errorBody, type ErrorBody } from '../http/error-bodies.js';
import { rateLimitBody } from '../limits/rate-limit-bodies.js';
import type { FaultDecision } from './fault-injector.js';

/**
 * Bodies for injected failures. The error handling guide (https://developers.hubspot.com/docs/api-reference/error-handling)
 * lists 423 Locked (wait at least 2 s), 502/504 timeouts and other 5xx, but shows no body for them: these use
 * the general error shape with categories that are not confirmed.
 */
export function faultBody(status: NonNullable<FaultDecision['status']>): ErrorBody {
  switch (status) {
    case 429:
      return rateLimitBody('TEN_SECONDLY_ROLLING');
    case 423:
      return errorBody('LOCKED', 'The resource is locked. Wait at least 2 seconds and try again.');
    case 500:
      return errorBody('INTERNAL_ERROR', 'internal error');
    case 502:
      return errorBody('BAD_GATEWAY', 'Bad Gateway');
    case 503:
      return errorBody('SERVICE_UNAVAILABLE', 'Service Unavailable');
    case 504:
      return errorBody('GATEWAY_TIMEOUT', 'Gateway Timeout');
  }
}
