import { createPrivateKey, sign } from 'node:crypto';
import { ConnectorConfigError } from '../../src/connector/connector-errors.js';

/** Salesforce accepts an assertion whose `exp` is at most 3 minutes ahead. */
const LIFETIME_SECONDS = 180;

export interface JwtBearerClaims {
  /** The connected app's consumer key. */
  clientId: string;
  /** The user the session is for. */
  username: string;
  /** The login host the token is requested from (https://login.salesforce.com, https://test.salesforce.com …). */
  audience: string;
  nowMs: number;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * The RS256-signed assertion of the OAuth 2.0 JWT bearer flow: `{"alg":"RS256"}` header, claims iss
 * (consumer key), sub (username), aud (login URL) and exp, signed with the key whose certificate is
 * uploaded to the connected app.
 */
export function jwtBearerAssertion(privateKeyPem: string, claims: JwtBearerClaims): string {
  let key;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    // Never echo the key, not even a part of it.
    throw new ConnectorConfigError(
      'salesforce',
      'SALESFORCE_PRIVATE_KEY is not a PEM private key (-----BEGIN PRIVATE KEY----- … or RSA PRIVATE KEY)',
    );
  }
  const header = base64url(JSON.stringify({ alg: 'RS256' }));
  const payload = base64url(
    JSON.stringify({
      iss: claims.clientId,
      sub: claims.username,
      aud: claims.audience,
      exp: Math.floor(claims.nowMs / 1000) + LIFETIME_SECONDS,
    }),
  );
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key);
  return `${header}.${payload}.${base64url(signature)}`;
}
