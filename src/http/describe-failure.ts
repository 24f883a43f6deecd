import { normalizeHeaders } from './headers.js';
import type { AttemptFailure } from './vendor-policy.js';

/*
 * Why extraction lives here rather than in each connector's classify: the shapes are duck-typed (no
 * SDK import), so doing it once keeps the core vendor-free while every classify receives the same
 * plain AttemptFailure, Retry-After and observe() read headers the same way for every vendor, and the
 * scheduler can count and log statuses without knowing who threw. A connector with an unusual error
 * still has `failure.error` to look at.
 *
 * Recognised:
 * - HubSpot SDK ApiException: `code` (HTTP status, a number), `headers` (object), `body`.
 * - jsforce HttpApiError: `errorCode` (REQUEST_LIMIT_EXCEEDED, INVALID_SESSION_ID, ERROR_HTTP_503, ...),
 *   `data`; a numeric `statusCode` or `status` when a wrapper adds one.
 * - Node / undici / node-fetch network errors: a string `code` on the error or its `cause`
 *   (ECONNRESET, UND_ERR_SOCKET, ...); timeouts (TimeoutError, node-fetch 'request-timeout') and a bare
 *   "socket hang up" are reported as ETIMEDOUT and ECONNRESET.
 */

type Call = Pick<AttemptFailure, 'requestClass' | 'endpoint' | 'attempt'>;
type Fields = Record<string, unknown>;

export function describeFailure(error: unknown, call: Call): AttemptFailure {
  const fields = isObject(error) ? error : {};
  const status = statusOf(fields);
  const failure: AttemptFailure = { error, ...call, headers: normalizeHeaders(fields.headers) };
  if (status !== undefined) failure.status = status;
  const body = bodyOf(fields);
  if (body !== undefined) failure.body = body;
  if (typeof fields.errorCode === 'string') failure.errorCode = fields.errorCode;
  const networkCode = status === undefined ? networkCodeOf(error) : undefined;
  if (networkCode !== undefined) failure.networkCode = networkCode;
  return failure;
}

function statusOf(fields: Fields): number | undefined {
  for (const candidate of [fields.statusCode, fields.status, fields.code]) {
    if (isHttpStatus(candidate)) return candidate;
  }
  const fromCode =
    typeof fields.errorCode === 'string' ? /^ERROR_HTTP_(\d{3})$/.exec(fields.errorCode) : null;
  return fromCode?.[1] !== undefined ? Number(fromCode[1]) : undefined;
}

function isHttpStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599;
}

function bodyOf(fields: Fields): unknown {
  const body = fields.body ?? fields.data;
  if (typeof body !== 'string' || !/^\s*[[{]/.test(body)) return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function networkCodeOf(error: unknown): string | undefined {
  // Follow `cause` a few levels: fetch wraps undici's socket error in a TypeError('fetch failed').
  let current: unknown = error;
  for (let depth = 0; depth < 4 && isObject(current); depth++) {
    if (typeof current.code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(current.code)) return current.code;
    if (current.name === 'TimeoutError' || current.type === 'request-timeout') return 'ETIMEDOUT';
    if (typeof current.message === 'string' && /socket hang up/i.test(current.message)) return 'ECONNRESET';
    current = current.cause;
  }
  return undefined;
}

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null;
}
