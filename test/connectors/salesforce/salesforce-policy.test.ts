import { describe, expect, it } from '@jest/globals';
import { salesforcePolicy } from '../../../connectors/salesforce/salesforce-policy.js';
import type { AttemptFailure } from '../../../src/http/vendor-policy.js';

const policy = salesforcePolicy({ concurrency: 4 });
const failure = (fields: Partial<AttemptFailure>): AttemptFailure => ({
  error: new Error('failed'),
  headers: {},
  requestClass: 'read',
  endpoint: 'GET /query',
  attempt: 1,
  ...fields,
});
/** What jsforce's HttpApiError yields: errorCode and the parsed error as body, no status. */
const jsforce = (errorCode: string, message = '') => failure({ errorCode, body: { errorCode, message } });

describe('Salesforce policy', () => {
  it('has no rolling window unless one is configured', () => {
    expect(policy.windows).toEqual([]);
    expect(policy.concurrency).toBe(4);
  });
  it('uses a configured rolling window', () => {
    const windowed = salesforcePolicy({ concurrency: 2, window: { limit: 100, intervalMs: 20_000 } });
    expect(windowed.windows).toEqual([{ name: 'configured', limit: 100, intervalMs: 20_000 }]);
  });
  it('rejects a concurrency of 0', () => {
    expect(() => salesforcePolicy({ concurrency: 0 })).toThrow();
  });
  it('stops the run on REQUEST_LIMIT_EXCEEDED for the daily total', () => {
    expect(policy.classify(jsforce('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'))).toEqual({
      kind: 'daily',
      detail: 'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.',
    });
  });
  it('stops the run on a 403 REQUEST_LIMIT_EXCEEDED body array from the REST API', () => {
    const body = [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }];
    expect(policy.classify(failure({ status: 403, body }))).toMatchObject({ kind: 'daily' });
  });
  it('waits and retries when REQUEST_LIMIT_EXCEEDED is the concurrent-request limit', () => {
    const message = 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.';
    expect(policy.classify(jsforce('REQUEST_LIMIT_EXCEEDED', message))).toEqual({ kind: 'window' });
  });
  it('refreshes the session on INVALID_SESSION_ID', () => {
    expect(policy.classify(jsforce('INVALID_SESSION_ID', 'Session expired or invalid'))).toEqual({
      kind: 'auth',
    });
  });
  it('refreshes the session on a bare 401', () => {
    expect(policy.classify(failure({ status: 401 }))).toEqual({ kind: 'auth' });
  });
  it('waits at least a second on UNABLE_TO_LOCK_ROW', () => {
    expect(policy.classify(jsforce('UNABLE_TO_LOCK_ROW'))).toEqual({ kind: 'locked', minMs: 1_000 });
  });
  it('retries SERVER_UNAVAILABLE', () => {
    expect(policy.classify(jsforce('SERVER_UNAVAILABLE'))).toEqual({ kind: 'retry' });
  });
  it('retries UNKNOWN_EXCEPTION, the 500 jsforce reports without its status', () => {
    const message = 'An unexpected error occurred. Please include this ErrorId if you contact support';
    expect(policy.classify(jsforce('UNKNOWN_EXCEPTION', message))).toEqual({ kind: 'retry' });
  });
  it('retries a 503 jsforce reports as ERROR_HTTP_503 (status already taken from it)', () => {
    expect(policy.classify(failure({ status: 503, errorCode: 'ERROR_HTTP_503' }))).toEqual({ kind: 'retry' });
  });
  it('retries ECONNRESET and timeouts', () => {
    expect(policy.classify(failure({ networkCode: 'ECONNRESET' }))).toEqual({ kind: 'retry' });
    expect(policy.classify(failure({ networkCode: 'ETIMEDOUT' }))).toEqual({ kind: 'retry' });
  });
  it('does not retry a malformed query', () => {
    expect(policy.classify(jsforce('MALFORMED_QUERY', "unexpected token: 'OR'"))).toEqual({ kind: 'fatal' });
  });
  it('does not retry a 403 without a limit code', () => {
    const body = [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'no' }];
    expect(policy.classify(failure({ status: 403, body }))).toEqual({ kind: 'fatal' });
  });
  it('reads the daily budget from Sforce-Limit-Info', () => {
    expect(policy.observe?.({ 'sforce-limit-info': 'api-usage=25/15000' })).toEqual({
      remaining: 14_975,
      max: 15_000,
    });
  });
  it('reads api-usage next to per-app usage', () => {
    const header = 'api-usage=25/5000; per-app-api-usage=17/250(appName=sample-connected-app)';
    expect(policy.observe?.({ 'sforce-limit-info': header })).toEqual({ remaining: 4_975, max: 5_000 });
  });
  it('reads usage beyond the limit (API bursts) as nothing left', () => {
    const header = 'api-usage=110018/100000; api-bursts=1/750';
    expect(policy.observe?.({ 'sforce-limit-info': header })).toEqual({ remaining: 0, max: 100_000 });
  });
  it('ignores a missing or garbled header', () => {
    expect(policy.observe?.({})).toBeUndefined();
    expect(policy.observe?.({ 'sforce-limit-info': 'per-app-api-usage=17/250' })).toBeUndefined();
  });
  it('keeps the configured daily reserve', () => {
    expect(salesforcePolicy({ concurrency: 1, dailyReserve: 500 }).dailyReserve).toBe(500);
  });
});
