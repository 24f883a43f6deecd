import { z } from 'zod';
import { recordErrorsSchema } from './record-errors.js';

/**
 * One entry of an invocable action's answer (Invoking Actions, Action API guide): `[{ actionName, errors,
 * isSuccess, outputValues }]`, one per input, in input order; `errors` is null on success.
 */
export const flowResultSchema = z.object({
  actionName: z.string().optional(),
  isSuccess: z.boolean(),
  errors: recordErrorsSchema.nullable().optional(),
  outputValues: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type FlowResult = z.infer<typeof flowResultSchema>;
export const flowResultsSchema = z.array(flowResultSchema);

/**
 * A failed invocation comes back as HTTP 400 carrying the same result list. jsforce throws for it: with the
 * list as `data` when it has several entries (MULTIPLE_API_ERRORS), or as raw text in `data.message` when it
 * has one (the entry has no `message` of its own, so jsforce words it ERROR_HTTP_400). Either way the list
 * is the answer, so it is returned; any other error is thrown on.
 */
export function flowResultsFromError(error: unknown): unknown[] {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as {
    errorCode?: unknown;
    data?: unknown;
  };
  const candidates: unknown[] = [fields.data];
  const message = (fields.data as { message?: unknown } | undefined)?.message;
  if (fields.errorCode === 'ERROR_HTTP_400' && typeof message === 'string') candidates.push(parse(message));
  for (const candidate of candidates) {
    const parsed = flowResultsSchema.safeParse(candidate);
    if (parsed.success && parsed.data.length > 0) return candidate as unknown[];
  }
  throw error;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
