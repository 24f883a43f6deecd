import type { HandlerResult } from './handler-types.js';

/**
 * BatchResponseSimplePublicObject (200; 201 for batch creates) or, when some inputs failed, ...WithErrors (207 Multi-Status) with
 * `numErrors` and `errors`: "200 when batch updates are fully successful or a 207 Multi-Status response when
 * one or more of the batch operations fails"
 * (https://developers.hubspot.com/changelog/simplifying-batch-update-response-codes-for-crm-v3-apis).
 */
export function batchResponse(
  results: unknown[],
  errors: unknown[],
  startedAt: string,
  now: () => Date,
  successStatus = 200,
): HandlerResult {
  const body: Record<string, unknown> = {
    status: 'COMPLETE',
    results,
    startedAt,
    completedAt: now().toISOString(),
  };
  if (errors.length === 0) return { status: successStatus, body };
  return { status: 207, body: { ...body, numErrors: errors.length, errors } };
}

/** The OBJECT_NOT_FOUND entry batch endpoints give for ids that do not exist. */
export function objectsNotFound(objectName: string, ids: string[]): Record<string, unknown> {
  return {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    message: `Could not get some ${objectName} objects, they may be deleted or not exist. Check that ids are valid.`,
    context: { ids },
  };
}
