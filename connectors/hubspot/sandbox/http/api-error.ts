import type { ErrorBody } from './error-bodies.js';

/** Thrown by a handler to answer with HubSpot's own status and error body. */
export class ApiError extends Error {
  readonly code: string;

  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.message === 'string' ? body.message : `HubSpot error ${status}`);
    this.name = 'ApiError';
    this.code = typeof body.category === 'string' ? body.category : `HTTP_${status}`;
  }
}
