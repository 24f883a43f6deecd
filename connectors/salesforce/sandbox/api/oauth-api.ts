import type { Handler } from './handler-types.js';

/** POST /services/oauth2/token: client_credentials, refresh_token and the JWT bearer grant. */
export const issueToken: Handler = ({ body, headers, tokens }) => {
  const form = body && typeof body === 'object' ? (body as Record<string, string>) : {};
  return { status: 200, body: tokens.grant(form, basicCredentials(headers.authorization)) };
};

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return {
    id: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}
