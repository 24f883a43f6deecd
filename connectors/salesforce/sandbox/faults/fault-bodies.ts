import {
  CONCURRENT_REQUEST_LIMIT_EXCEEDED,
  REQUEST_LIMIT_EXCEEDED,
  restError,
  type RestError,
} from '../http/error-bodies.js';
import type { FaultDecision } from './fault-injector.js';

/**
 * Bodies for injected failures. 403 is the documented REQUEST_LIMIT_EXCEEDED; UNKNOWN_EXCEPTION and
 * SERVER_UNAVAILABLE are Salesforce error codes, but the exact 5xx texts here are not confirmed from docs.
 */
export function faultBody(status: NonNullable<FaultDecision['status']>, concurrent = false): RestError[] {
  switch (status) {
    case 403:
      return concurrent ? CONCURRENT_REQUEST_LIMIT_EXCEEDED : REQUEST_LIMIT_EXCEEDED;
    case 500:
      return restError(
        'UNKNOWN_EXCEPTION',
        'An unexpected error occurred. Please include this ErrorId if you contact support: 0000000000-00000 (0)',
      );
    case 502:
      return restError('SERVER_UNAVAILABLE', 'Bad Gateway');
    case 503:
      return restError('SERVER_UNAVAILABLE', 'Server Unavailable');
  }
}
