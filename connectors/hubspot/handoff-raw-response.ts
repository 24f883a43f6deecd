import type { Response } from 'node-fetch';
import { LeadscoreError } from '../../src/util/errors.js';

/**
 * A non-2xx answer to `client.apiRequest` (which never throws on a status), shaped like the SDK's
 * ApiException for describeFailure: numeric `status`, response `headers`, parsed `body`.
 */
export class HubSpotResponseError extends LeadscoreError {
  constructor(
    readonly status: number,
    readonly headers: Record<string, string>,
    readonly body: unknown,
  ) {
    super('HUBSPOT_RESPONSE', `HubSpot answered ${status}`);
  }
}

/** `{ data, headers }` as the `…WithHttpInfo` methods give, for HubSpotApi.call; throws on a non-2xx status. */
export async function toHttpInfo(
  response: Response,
): Promise<{ data: unknown; headers: Record<string, string> }> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const text = await response.text();
  const body = parseJson(text);
  if (response.status < 200 || response.status >= 300)
    throw new HubSpotResponseError(response.status, headers, body);
  return { data: body, headers };
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
