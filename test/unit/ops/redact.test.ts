import { describe, expect, it } from '@jest/globals';
import { redact, redactString, secretValuesFromEnv } from '../../../src/ops/redact.js';

const PAT = 'pat-na1-0a1b2c3d-4e5f-6789-abcd-ef0123456789';
const PEM = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEA1c2V0dGVyIGZvciB0ZXN0cyBvbmx5',
  '-----END RSA PRIVATE KEY-----',
].join('\n');

describe('secretValuesFromEnv', () => {
  it('takes the values of variables named like secrets', () =>
    expect(
      secretValuesFromEnv({ HUBSPOT_TOKEN: 'tok-123456', SF_CLIENT_SECRET: 'cs-abcdef', HOME: '/home/me' }),
    ).toEqual(expect.arrayContaining(['tok-123456', 'cs-abcdef'])));
  it('ignores variables whose names do not look secret', () =>
    expect(secretValuesFromEnv({ HOME: '/home/me', LEADSCORE_PORTAL: 'portal-123' })).toEqual([]));
  it('matches names case-insensitively', () =>
    expect(secretValuesFromEnv({ sf_password: 'hunter22' })).toEqual(['hunter22']));
  it('ignores values shorter than 6 characters', () =>
    expect(secretValuesFromEnv({ API_KEY: 'abc', REFRESH_TOKEN: '' })).toEqual([]));
  it('lists longer values first so a secret containing another is replaced whole', () =>
    expect(secretValuesFromEnv({ A_TOKEN: 'secret', B_TOKEN: 'secret-and-more' })).toEqual([
      'secret-and-more',
      'secret',
    ]));
  it('also lists a key stored with \\n escapes in its multi-line form', () =>
    expect(secretValuesFromEnv({ SF_PRIVATE_KEY: 'line-one\\nline-two' })).toContain('line-one\nline-two'));
  it('also lists the percent-encoded form a password takes inside a URL', () =>
    expect(secretValuesFromEnv({ DB_PASSWORD: 'p@ss word' })).toContain('p%40ss%20word'));
});

describe('redactString', () => {
  it('replaces a known secret value wherever it appears', () =>
    expect(redactString('login xx-hunter22-yy failed', ['hunter22'])).toBe('login xx-[REDACTED]-yy failed'));
  it('replaces every occurrence of a known secret', () =>
    expect(redactString('hunter22 then hunter22', ['hunter22'])).toBe('[REDACTED] then [REDACTED]'));
  it('redacts bearer tokens', () =>
    expect(redactString('Authorization: Bearer eyJhbGciOi.J9.abc', [])).toBe(
      'Authorization: Bearer [REDACTED]',
    ));
  it('redacts basic credentials', () =>
    expect(redactString('sent Basic dXNlcjpwYXNz=', [])).toBe('sent Basic [REDACTED]'));
  it('redacts PEM private keys', () =>
    expect(redactString(`key: ${PEM} loaded`, [])).toBe('key: [REDACTED PRIVATE KEY] loaded'));
  it('redacts a PEM private key cut off before its END line', () =>
    expect(redactString('key: -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg', [])).toBe(
      'key: [REDACTED PRIVATE KEY]',
    ));
  it('redacts HubSpot private-app tokens', () =>
    expect(redactString(`using ${PAT} for portal 42`, [])).toBe('using [REDACTED] for portal 42'));
  it('redacts EU HubSpot private-app tokens', () =>
    expect(redactString('pat-eu1-0a1b2c3d-4e5f-6789-abcd-ef0123456789', [])).toBe('[REDACTED]'));
  it('redacts the password in URL userinfo and keeps the user', () =>
    expect(redactString('GET https://api:s3cr3t@example.com/x', [])).toBe(
      'GET https://api:[REDACTED]@example.com/x',
    ));
  it('keeps a URL with a port intact', () =>
    expect(redactString('https://example.com:8443/path', [])).toBe('https://example.com:8443/path'));
  it('redacts query parameters named like secrets', () =>
    expect(
      redactString('https://api.hubapi.com/x?hapikey=abc&limit=100&access_token=def&token=ghi', []),
    ).toBe('https://api.hubapi.com/x?hapikey=[REDACTED]&limit=100&access_token=[REDACTED]&token=[REDACTED]'));
  it('redacts secret-named members of JSON quoted in a message', () =>
    expect(redactString('body {"access_token":"00Dxx!AQ","instance_url":"https://x"}', [])).toBe(
      'body {"access_token":"[REDACTED]","instance_url":"https://x"}',
    ));
  it('leaves ordinary text alone', () =>
    expect(redactString('hubspot: 4,200 read, 310 written in 12s (next=abc)', [])).toBe(
      'hubspot: 4,200 read, 310 written in 12s (next=abc)',
    ));
  it('gives the same text when applied twice', () => {
    const once = redactString(`Bearer abc https://u:pw@h/?token=x ${PAT} ${PEM}`, ['hunter22']);
    expect(redactString(once, ['hunter22'])).toBe(once);
  });
});

describe('redact', () => {
  it('replaces the values of secret-named keys, whatever they hold', () =>
    expect(
      redact({ authorization: 'x', access_token: 'y', clientSecret: { a: 1 }, apiKey: 7, cookie: 'c' }, []),
    ).toEqual({
      authorization: '[REDACTED]',
      access_token: '[REDACTED]',
      clientSecret: '[REDACTED]',
      apiKey: '[REDACTED]',
      cookie: '[REDACTED]',
    }));
  it('treats keys ending in a secret word as secret', () =>
    expect(redact({ hubspotToken: 'x', 'x-api-key': 'y', private_key: 'z' }, [])).toEqual({
      hubspotToken: '[REDACTED]',
      'x-api-key': '[REDACTED]',
      private_key: '[REDACTED]',
    }));
  it('keeps keys that merely contain a secret word', () =>
    expect(redact({ tokenCount: 3, secretsLoaded: true }, [])).toEqual({
      tokenCount: 3,
      secretsLoaded: true,
    }));
  it('redacts strings in nested objects and arrays', () =>
    expect(redact({ a: { b: ['x hunter22', { c: 'hunter22' }] } }, ['hunter22'])).toEqual({
      a: { b: ['x [REDACTED]', { c: '[REDACTED]' }] },
    }));
  it('turns an Error into name, message, own fields and stack, all redacted', () => {
    const error = Object.assign(new Error('login failed for hunter22'), { code: 'AUTH' });
    const out = redact(error, ['hunter22']) as Record<string, unknown>;
    expect(out).toMatchObject({ name: 'Error', message: 'login failed for [REDACTED]', code: 'AUTH' });
    expect(out.stack).toMatch(/^Error: login failed for \[REDACTED\]\n\s+at /);
  });
  it('follows an error cause', () =>
    expect(redact(new Error('outer', { cause: new Error('inner hunter22') }), ['hunter22'])).toMatchObject({
      cause: { message: 'inner [REDACTED]' },
    }));
  it('leaves numbers, booleans, null and dates as they are', () => {
    const at = new Date(0);
    expect(redact([1, true, null, at], [])).toEqual([1, true, null, at]);
  });
  it('replaces a cycle with a marker instead of recursing forever', () => {
    const looped: Record<string, unknown> = { name: 'a' };
    looped.self = looped;
    expect(redact(looped, [])).toEqual({ name: 'a', self: '[Circular]' });
  });
  it('does not mistake an object seen twice for a cycle', () => {
    const shared = { n: 1 };
    expect(redact({ a: shared, b: shared }, [])).toEqual({ a: { n: 1 }, b: { n: 1 } });
  });
  it('does not change its input', () => {
    const input = { token: 'abc', note: 'hunter22' };
    redact(input, ['hunter22']);
    expect(input).toEqual({ token: 'abc', note: 'hunter22' });
  });
});
