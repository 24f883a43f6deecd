import type { RestError } from './error-bodies.js';

/** Thrown by a handler to answer with Salesforce's status and body (an error array, or an OAuth error object). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: RestError[] | { error: string; error_description: string },
  ) {
    super(Array.isArray(body) ? (body[0]?.message ?? `HTTP ${status}`) : body.error_description);
    this.name = 'ApiError';
  }
}
