import { z } from 'zod';
import { ConnectorConfigError } from '../../src/connector/connector-errors.js';

/**
 * HubSpot auth comes only from the environment: a private-app token, or an OAuth app's refresh token.
 * HUBSPOT_ACCESS_TOKEN wins when both are set (a private app is the simpler, recommended setup).
 */
export type HubSpotCredentials =
  | { kind: 'private-app'; accessToken: string }
  | { kind: 'oauth'; clientId: string; clientSecret: string; refreshToken: string };

const nonEmpty = z.string().trim().min(1);
const oauthEnv = z.object({
  HUBSPOT_CLIENT_ID: nonEmpty,
  HUBSPOT_CLIENT_SECRET: nonEmpty,
  HUBSPOT_REFRESH_TOKEN: nonEmpty,
});

export function hubSpotCredentialsFromEnv(env: NodeJS.ProcessEnv = process.env): HubSpotCredentials {
  const token = env.HUBSPOT_ACCESS_TOKEN?.trim();
  if (token) return { kind: 'private-app', accessToken: token };
  const oauth = oauthEnv.safeParse(env);
  if (oauth.success) {
    return {
      kind: 'oauth',
      clientId: oauth.data.HUBSPOT_CLIENT_ID,
      clientSecret: oauth.data.HUBSPOT_CLIENT_SECRET,
      refreshToken: oauth.data.HUBSPOT_REFRESH_TOKEN,
    };
  }
  const partial = ['HUBSPOT_CLIENT_ID', 'HUBSPOT_CLIENT_SECRET', 'HUBSPOT_REFRESH_TOKEN'].filter((name) =>
    env[name]?.trim(),
  );
  const missing = partial.length
    ? `; OAuth needs all three of HUBSPOT_CLIENT_ID, HUBSPOT_CLIENT_SECRET and HUBSPOT_REFRESH_TOKEN (set: ${partial.join(', ')})`
    : '';
  throw new ConnectorConfigError(
    'hubspot',
    `no credentials: set HUBSPOT_ACCESS_TOKEN (private app) or the OAuth variables${missing}`,
  );
}

/** Every secret the credentials hold, for the log redactor. */
export function hubSpotSecrets(credentials: HubSpotCredentials): string[] {
  return credentials.kind === 'private-app'
    ? [credentials.accessToken]
    : [credentials.clientSecret, credentials.refreshToken];
}
