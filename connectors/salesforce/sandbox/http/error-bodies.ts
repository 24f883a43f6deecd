/** Salesforce REST errors: a JSON array of `{message, errorCode}` (plus `fields` for some codes). */
export interface RestError {
  message: string;
  errorCode: string;
  fields?: string[];
}

export const restError = (errorCode: string, message: string, fields?: string[]): RestError[] => [
  fields ? { message, errorCode, fields } : { message, errorCode },
];

/** The 401 for a missing, unknown or expired session. */
export const INVALID_SESSION = restError('INVALID_SESSION_ID', 'Session expired or invalid');

/** The daily allocation is used up (the API docs' REQUEST_LIMIT_EXCEEDED, 403). */
export const REQUEST_LIMIT_EXCEEDED = restError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');

/** Too many long-running requests at once: the same code, a message naming the concurrent limit. */
export const CONCURRENT_REQUEST_LIMIT_EXCEEDED = restError(
  'REQUEST_LIMIT_EXCEEDED',
  'ConcurrentRequests (Concurrent API Requests) Limit exceeded.',
);

export const NOT_FOUND = restError('NOT_FOUND', 'The requested resource does not exist');

/** Text Salesforce puts after an unknown column or object name. */
const REFERENCE_HINT = 'Please reference your WSDL or the describe call for the appropriate names.';

export const noSuchColumn = (field: string, entity: string): string =>
  `No such column '${field}' on entity '${entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. ${REFERENCE_HINT}`;

export const badRelationship = (name: string): string =>
  `Didn't understand relationship '${name}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. ${REFERENCE_HINT}`;

export const unsupportedType = (name: string): string =>
  `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. ${REFERENCE_HINT}`;
