import type { AttemptFailure, Signal } from './vendor-policy.js';

/** Network failures worth another attempt; anything else without a status (DNS NXDOMAIN, TLS, bugs) is fatal. */
export const TRANSIENT_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * The plain HTTP reading every vendor shares. A vendor's classify handles its own cases first
 * (daily 429s, 423 locks, error codes in the body) and returns this for the rest.
 */
export function defaultClassify(failure: AttemptFailure): Signal {
  const { status, networkCode } = failure;
  if (status === undefined) {
    return networkCode !== undefined && TRANSIENT_NETWORK_CODES.has(networkCode)
      ? { kind: 'retry' }
      : { kind: 'fatal' };
  }
  if (status === 401) return { kind: 'auth' };
  if (status === 429) return { kind: 'window' };
  // 501 Not Implemented and 505 will not change on a retry.
  if (status === 408 || (status >= 500 && status !== 501 && status !== 505)) return { kind: 'retry' };
  return { kind: 'fatal' };
}
