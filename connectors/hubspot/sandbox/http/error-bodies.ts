import { randomUUID } from 'node:crypto';

export type ErrorBody = Record<string, unknown>;

export const SANDBOX_PORTAL_ID = 1234567;

/**
 * HubSpot's general error shape: status, message, correlationId, category, and optional errors/context.
 * https://developers.hubspot.com/docs/api-reference/error-handling ("treat every field as optional").
 */
export function errorBody(category: string, message: string, extra: ErrorBody = {}): ErrorBody {
  return { status: 'error', message, correlationId: randomUUID(), category, ...extra };
}

export const validationError = (message: string, extra: ErrorBody = {}): ErrorBody =>
  errorBody('VALIDATION_ERROR', message, extra);

/** One entry of the per-property list HubSpot serialises into `message` as JSON text. */
export interface PropertyProblem {
  name: string;
  error: string;
  message: string;
}

/**
 * `Property values were not valid: [{"isValid":false,...}]` with category VALIDATION_ERROR. The list is JSON
 * inside the message string, as real responses show (e.g. PROPERTY_DOESNT_EXIST, INVALID_OPTION entries
 * with isValid/message/error/name/localizedErrorMessage/portalId); the docs page only promises the envelope.
 */
export function invalidPropertiesError(problems: PropertyProblem[]): ErrorBody {
  const entries = problems.map((p) => ({
    isValid: false,
    message: p.message,
    error: p.error,
    name: p.name,
    localizedErrorMessage: p.message,
    portalId: SANDBOX_PORTAL_ID,
  }));
  return validationError(`Property values were not valid: ${JSON.stringify(entries)}`);
}

/**
 * The 400 for more than 100 batch inputs. The limit is documented ("Batch operations for creating, updating, and
 * archiving are limited to batches of 100", https://developers.hubspot.com/beta-docs/guides/api/crm/objects/contacts#limits);
 * the wording is the one live responses show.
 */
export const BATCH_LIMIT_MESSAGE =
  'The maximum number of inputs supported in a batch is 100. Please reduce the number of items and try again';

/** Observed text when a batch read asks for property histories of more than 50 records. */
export const HISTORY_BATCH_LIMIT_MESSAGE =
  'The maximum number of inputs supported in a batch request for property histories is 50. Please reduce the number of items and try again';

export const notFoundBody = (message = 'resource not found'): ErrorBody =>
  errorBody('OBJECT_NOT_FOUND', message);
