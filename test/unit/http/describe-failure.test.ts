import { describe, expect, it } from '@jest/globals';
import { describeFailure } from '../../../src/http/describe-failure.js';
import { httpError, jsforceError, networkError } from './attempts.js';

const call = { requestClass: 'read', endpoint: 'contacts.list', attempt: 1 };
const describeError = (error: unknown) => describeFailure(error, call);

describe('taking a failed attempt apart', () => {
  it('reads a HubSpot ApiException: numeric code as status, headers, body', () => {
    const error = httpError(429, { 'Retry-After': '2' }, { policyName: 'TEN_SECONDLY_ROLLING' });
    expect(describeError(error)).toEqual({
      ...call,
      error,
      status: 429,
      headers: { 'retry-after': '2' },
      body: { policyName: 'TEN_SECONDLY_ROLLING' },
    });
  });

  it('parses a JSON body that arrived as text', () =>
    expect(describeError(httpError(400, {}, '{"category":"VALIDATION_ERROR"}')).body).toEqual({
      category: 'VALIDATION_ERROR',
    }));

  it('keeps a text body that is not JSON as it is', () =>
    expect(describeError(httpError(502, {}, '{ bad gateway')).body).toBe('{ bad gateway'));

  it('reads a jsforce error: errorCode, and its data as body', () => {
    const failure = describeError(jsforceError('UNABLE_TO_LOCK_ROW', 'unable to obtain exclusive access'));
    expect(failure).toMatchObject({
      errorCode: 'UNABLE_TO_LOCK_ROW',
      body: { errorCode: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access' },
    });
    expect(failure.status).toBeUndefined();
    expect(failure.networkCode).toBeUndefined();
  });

  it("reads the status out of jsforce's ERROR_HTTP_<status> code", () =>
    expect(describeError(jsforceError('ERROR_HTTP_503')).status).toBe(503));

  it('reads a numeric statusCode', () =>
    expect(describeError(Object.assign(new Error('x'), { statusCode: 500 })).status).toBe(500));

  it('lower-cases header names and joins repeated values', () =>
    expect(describeError(httpError(500, { 'X-A': ['1', '2'] as unknown as string })).headers).toEqual({
      'x-a': '1, 2',
    }));

  it('reads headers given as a fetch Headers object', () =>
    expect(
      describeError(
        Object.assign(new Error('x'), { status: 503, headers: new Headers({ 'Retry-After': '1' }) }),
      ).headers,
    ).toEqual({ 'retry-after': '1' }));

  it.each([['ECONNRESET'], ['ETIMEDOUT'], ['ECONNREFUSED'], ['EPIPE'], ['UND_ERR_SOCKET']])(
    'reads the network code %s',
    (code) => expect(describeError(networkError(code)).networkCode).toBe(code),
  );

  it("finds undici's code under fetch's 'fetch failed'", () =>
    expect(
      describeError(new TypeError('fetch failed', { cause: networkError('UND_ERR_SOCKET') })).networkCode,
    ).toBe('UND_ERR_SOCKET'));

  it("reads a bare 'socket hang up' as ECONNRESET", () =>
    expect(describeError(new Error('socket hang up')).networkCode).toBe('ECONNRESET'));

  it('reads a TimeoutError (AbortSignal.timeout) as ETIMEDOUT', () =>
    expect(describeError(new DOMException('The operation timed out.', 'TimeoutError')).networkCode).toBe(
      'ETIMEDOUT',
    ));

  it("reads node-fetch's request-timeout as ETIMEDOUT", () =>
    expect(describeError(Object.assign(new Error('timeout'), { type: 'request-timeout' })).networkCode).toBe(
      'ETIMEDOUT',
    ));

  it('gives a bare Error neither status nor network code', () =>
    expect(describeError(new Error('boom'))).toEqual({ ...call, error: expect.any(Error), headers: {} }));

  it('copes with a thrown non-object', () =>
    expect(describeError('nope')).toEqual({ ...call, error: 'nope', headers: {} }));
});
