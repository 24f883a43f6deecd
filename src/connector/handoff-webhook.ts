import { z } from 'zod';
import { describeFailure } from '../http/describe-failure.js';
import type { Transition } from './crm-adapter.js';
import type { ActionResult } from './handoff-outcomes.js';

/** The `webhook` section of a connector's handoff configuration; the same for every CRM. */
export const handoffWebhookSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** May carry a secret token: it never appears in an outcome, log or error. */
    url: z.url({ protocol: /^https?$/ }),
    timeoutMs: z.number().int().positive().max(60_000).default(10_000),
  })
  .strict();

export interface WebhookTarget {
  url: string;
  timeoutMs: number;
}

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
  target: WebhookTarget,
  transition: Transition,
): Promise<ActionResult> {
  let response: Response;
  try {
    response = await fetchFn(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': transition.key,
        'user-agent': 'leadscore',
      },
      body: JSON.stringify(webhookPayload(transition)),
      signal: AbortSignal.timeout(target.timeoutMs),
    });
  } catch (error) {
    return { ok: false, detail: `webhook: ${whyNoAnswer(error, target.timeoutMs)}` };
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
