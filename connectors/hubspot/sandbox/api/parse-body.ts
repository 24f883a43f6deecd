import type { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { validationError } from '../http/error-bodies.js';

/** Validates a request body at the boundary; a mismatch is HubSpot's 400 VALIDATION_ERROR. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => {
    const where = issue.path.map(String).join('.');
    return { message: where ? `${where}: ${issue.message}` : issue.message, in: where || 'body' };
  });
  throw new ApiError(
    400,
    validationError(`Invalid input JSON: ${details.map((d) => d.message).join('; ')}`, { errors: details }),
  );
}
