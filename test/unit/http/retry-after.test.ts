import { describe, expect, it } from '@jest/globals';
import { retryAfterFrom, retryAfterMs } from '../../../src/http/retry-after.js';
import { START } from './fake-clock.js';

describe('reading Retry-After', () => {
  it('reads delay-seconds as milliseconds', () => expect(retryAfterMs('3', START)).toBe(3_000));
  it('reads zero seconds as no wait', () => expect(retryAfterMs('0', START)).toBe(0));
  it('tolerates surrounding spaces', () => expect(retryAfterMs(' 2 ', START)).toBe(2_000));
  it('rounds fractional seconds up to whole milliseconds', () =>
    expect(retryAfterMs('1.0005', START)).toBe(1_001));
  it('reads an HTTP date as the time left until it', () =>
    expect(retryAfterMs(new Date(START + 5_000).toUTCString(), START)).toBe(5_000));
  it('reads the obsolete RFC 850 date form', () =>
    expect(retryAfterMs('Saturday, 21-Nov-26 09:00:07 GMT', START)).toBe(7_000));
  it('reads a date in the past as no wait', () =>
    expect(retryAfterMs(new Date(START - 60_000).toUTCString(), START)).toBe(0));
  it.each([['soon'], ['-1'], ['1e3'], [''], ['Wed, 99 Foo 2026']])('ignores the unreadable %p', (value) =>
    expect(retryAfterMs(value, START)).toBeUndefined(),
  );
  it('is undefined when the header is absent', () => expect(retryAfterMs(undefined, START)).toBeUndefined());
  it('takes the header from lower-cased response headers', () =>
    expect(retryAfterFrom({ 'retry-after': '4' }, START)).toBe(4_000));
});
