import type { Transition } from '../../src/connector/crm-adapter.js';
import { describeFailure } from '../../src/http/describe-failure.js';
import type { HubSpotHandoffConfig } from './handoff-config.js';
import type { ActionResult } from './handoff-outcomes.js';

type WebhookConfig = NonNullable<HubSpotHandoffConfig['webhook']>;

/** What the receiver gets: the transition, flat; `key` is stable across retries (also sent as Idempotency-Key). */
export function webhookPayload(transition: Transition) {
  return {
    event: transition.kind,
    key: transition.key,
    crm: transition.ref.crm,
    object: transition.ref.object,
    id: transition.ref.id,
    email: transition.email ?? null,
    score: transition.score,
    grade: transition.grade,
    reasons: transition.reasons,
    model: transition.model,
    at: transition.at.toISOString(),
  };
}

/**
 * POSTs the transition as JSON to the configured URL, giving up after `timeoutMs`. The URL may hold a secret
 * token, and error messages from fetch can quote it, so a detail only ever says "webhook" with the HTTP
 * status, the timeout or a network error code; the response body is not read.
 */
export async function postWebhook(
  fetchFn: typeof fetch,
  config: WebhookConfig,
  transition: Transition,
): Promise<ActionResult> {
  let response: Response;
  try {
    response = await fetchFn(config.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': transition.key,
        'user-agent': 'leadscore',
      },
      body: JSON.stringify(webhookPayload(transition)),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (error) {
    return { ok: false, detail: `webhook: ${whyNoAnswer(error, config.timeoutMs)}` };
  }
  await response.body?.cancel().catch(() => undefined);
  return response.ok
    ? { ok: true, detail: `webhook answered HTTP ${response.status}` }
    : { ok: false, detail: `webhook answered HTTP ${response.status}` };
}

function whyNoAnswer(error: unknown, timeoutMs: number): string {
  // By name, not instanceof: the DOMException fetch throws may come from another realm.
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `no answer within ${timeoutMs} ms`;
  }
  const code = describeFailure(error, {
    requestClass: 'webhook',
    endpoint: 'webhook',
    attempt: 1,
  }).networkCode;
  return code ? `no answer (${code})` : 'request failed';
}
