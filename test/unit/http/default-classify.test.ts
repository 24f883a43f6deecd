import { describe, expect, it } from '@jest/globals';
import { defaultClassify } from '../../../src/http/default-classify.js';
import type { AttemptFailure } from '../../../src/http/vendor-policy.js';

const failure = (fields: Partial<AttemptFailure>): AttemptFailure => ({
  error: new Error('x'),
  headers: {},
  requestClass: 'read',
  endpoint: 'e',
  attempt: 1,
  ...fields,
});

describe('the generic HTTP classification', () => {
  it.each([[500], [502], [503], [504], [408]])('retries status %i', (status) =>
    expect(defaultClassify(failure({ status }))).toEqual({ kind: 'retry' }),
  );
  it.each([[501], [505]])('does not retry status %i, which a retry cannot change', (status) =>
    expect(defaultClassify(failure({ status }))).toEqual({ kind: 'fatal' }),
  );
  it('reads 401 as expired credentials', () =>
    expect(defaultClassify(failure({ status: 401 }))).toEqual({ kind: 'auth' }));
  it('reads 429 as an exhausted rate window', () =>
    expect(defaultClassify(failure({ status: 429 }))).toEqual({ kind: 'window' }));
  it.each([[400], [403], [404], [409], [422]])('does not retry status %i', (status) =>
    expect(defaultClassify(failure({ status }))).toEqual({ kind: 'fatal' }),
  );
  it.each([['ECONNRESET'], ['ETIMEDOUT'], ['ECONNREFUSED'], ['EPIPE'], ['UND_ERR_SOCKET']])(
    'retries the network error %s',
    (networkCode) => expect(defaultClassify(failure({ networkCode }))).toEqual({ kind: 'retry' }),
  );
  it('does not retry an unknown host', () =>
    expect(defaultClassify(failure({ networkCode: 'ENOTFOUND' }))).toEqual({ kind: 'fatal' }));
  it('does not retry an error that is neither HTTP nor network (a bug)', () =>
    expect(defaultClassify(failure({}))).toEqual({ kind: 'fatal' }));
});
