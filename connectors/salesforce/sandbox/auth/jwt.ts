import { createPublicKey, createVerify, type KeyObject } from 'node:crypto';

export interface JwtExpectations {
  publicKey: KeyObject;
  clientId: string;
  username: string;
  audiences: readonly string[];
  nowMs: number;
}

/**
 * Checks a JWT bearer assertion the way the OAuth 2.0 JWT bearer flow describes: RS256 signature with the
 * connected app's certificate key, `iss` = consumer key, `sub` = username, `aud` = the login host, `exp` in the
 * future (seconds). Returns an `error_description` on failure.
 */
export function checkAssertion(assertion: string, expect: JwtExpectations): string | undefined {
  const parts = assertion.split('.');
  if (parts.length !== 3) return 'invalid assertion';
  const [headerB64 = '', payloadB64 = '', signatureB64 = ''] = parts;
  const header = decodeJson(headerB64);
  const claims = decodeJson(payloadB64);
  if (!header || !claims || header.alg !== 'RS256') return 'invalid assertion';
  const verifier = createVerify('RSA-SHA256');
  verifier.update(`${headerB64}.${payloadB64}`);
  if (!verifier.verify(expect.publicKey, Buffer.from(signatureB64, 'base64url'))) return 'invalid assertion';
  if (claims.iss !== expect.clientId) return 'invalid client credentials';
  if (!expect.audiences.includes(String(claims.aud))) return 'audience is invalid';
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= expect.nowMs)
    return 'expired authorization code';
  if (claims.sub !== expect.username) return 'user hasn\u2019t approved this consumer';
  return undefined;
}

export function toPublicKey(pem: string): KeyObject {
  return createPublicKey(pem);
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
