import { ApiError } from '../http/api-error.js';
import { notFoundBody, validationError } from '../http/error-bodies.js';
import type { HandlerContext, HandlerResult } from './handler-types.js';

/**
 * POST /automation/v2/workflows/{workflowId}/enrollments/contacts/{email} → 204, "Contact enrolled successfully
 * (no body)" (https://developers.hubspot.com/docs/api-reference/legacy/create-manage-workflows-v2/post-automation-v2-workflows-workflowId-enrollments-contacts-email).
 * The contact must already exist.
 */
export function enrollContact(ctx: HandlerContext): HandlerResult {
  const workflowId = ctx.params.workflowId ?? '';
  const email = ctx.params.email ?? '';
  if (!/^\d+$/.test(workflowId))
    throw new ApiError(400, validationError(`workflowId must be an integer, got "${workflowId}"`));
  if (!ctx.store.contactRecordByEmail(email))
    throw new ApiError(404, notFoundBody(`No contact with email ${email}`));
  ctx.store.enroll(workflowId, email);
  return { status: 204 };
}
