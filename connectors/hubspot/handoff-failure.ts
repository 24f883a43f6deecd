import { describeFailure } from '../../src/http/describe-failure.js';
import { LeadscoreError } from '../../src/util/errors.js';

const MAX_MESSAGE = 300;

interface HubSpotErrorBody {
  category?: unknown;
  message?: unknown;
}

/**
 * A failed HubSpot call in a few secret-free words for an outcome detail: HubSpot's status, category and
 * message; the network code when there was no answer; leadscore's own message (daily limit, auth) as is.
 */
export function describeHubSpotFailure(error: unknown, endpoint: string): string {
  const failure = describeFailure(error, { requestClass: 'standard', endpoint, attempt: 1 });
  if (failure.status !== undefined) {
    const body = (
      typeof failure.body === 'object' && failure.body !== null ? failure.body : {}
    ) as HubSpotErrorBody;
    const category = typeof body.category === 'string' ? ` ${body.category}` : '';
    const message = typeof body.message === 'string' && body.message ? `: ${clip(body.message)}` : '';
    return `HubSpot answered ${failure.status}${category}${message}`;
  }
  if (error instanceof LeadscoreError) return error.message;
  if (failure.networkCode !== undefined) return `no answer from HubSpot (${failure.networkCode})`;
  return `unexpected error: ${clip(error instanceof Error ? error.message : String(error))}`;
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}
