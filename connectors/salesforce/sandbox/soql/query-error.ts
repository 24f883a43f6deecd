import { ApiError } from '../http/api-error.js';
import { restError } from '../http/error-bodies.js';

export const malformedQuery = (message: string) => new ApiError(400, restError('MALFORMED_QUERY', message));
export const invalidField = (message: string) => new ApiError(400, restError('INVALID_FIELD', message));
export const invalidType = (message: string) => new ApiError(400, restError('INVALID_TYPE', message));

/** What the sandbox does not implement is refused as MALFORMED_QUERY, naming the feature. */
export const unsupported = (feature: string) =>
  malformedQuery(`${feature} is not supported by the leadscore Salesforce sandbox`);
