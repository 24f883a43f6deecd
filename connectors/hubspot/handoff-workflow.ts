import type { HubSpotApi } from './hubspot-api.js';
import { describeHubSpotFailure } from './handoff-failure.js';
import { toHttpInfo } from './handoff-raw-response.js';
import type { ActionResult } from '../../src/connector/handoff-outcomes.js';

/** The route template: the email stays out of scheduler logs and metrics. */
const ENDPOINT = 'POST /automation/v2/workflows/{workflowId}/enrollments/contacts/{email}';

/**
 * Enrolls a contact, by email, in a contact-based workflow through Workflows v2 (204, no body). The SDK has
 * no method for it, so this is a raw request through the same scheduler. Not resent after an ambiguous
 * failure: a workflow that allows re-enrollment would run twice.
 */
export async function enrollInWorkflow(
  api: HubSpotApi,
  workflowId: string,
  email: string | undefined,
): Promise<ActionResult> {
  if (!email) {
    return {
      ok: false,
      detail: 'contact has no email address; HubSpot enrolls contacts in workflows by email',
    };
  }
  const path = `/automation/v2/workflows/${encodeURIComponent(workflowId)}/enrollments/contacts/${encodeURIComponent(email)}`;
  try {
    await api.call(ENDPOINT, async (c) => toHttpInfo(await c.apiRequest({ method: 'POST', path })), {
      idempotent: false,
    });
    return { ok: true, detail: `enrolled in workflow ${workflowId}` };
  } catch (error) {
    return {
      ok: false,
      detail: `not enrolled in workflow ${workflowId}: ${describeHubSpotFailure(error, ENDPOINT)}`,
    };
  }
}

/**
 * For an enrollment an earlier attempt may have made: Workflows v2 offers no reliable "was this contact
 * enrolled" check (its current-enrollments read forgets contacts that have left the workflow), so the
 * enrollment is not repeated and the outcome asks for a look at the workflow's history instead.
 */
export function unconfirmedEnrollment(workflowId: string): ActionResult {
  return {
    ok: false,
    detail: `not enrolled in workflow ${workflowId} again: an earlier enrollment attempt may have succeeded; not repeated — check the workflow's enrollment history`,
  };
}
