import { ApiError } from '../http/api-error.js';
import { batchResponse } from './batch-response.js';
import { batchCreateSchema, checkBatchSize } from './batch-schemas.js';
import type { HandlerContext, HandlerResult } from './handler-types.js';
import type { ApiObject } from './object-view.js';
import { parseBody } from './parse-body.js';
import { checkTask, storeTask } from './tasks-api.js';
import type { CheckedTask } from './tasks-api.js';

type Checked = { traceId?: string; task: CheckedTask } | { traceId?: string; refusal: ApiError };

interface BatchError {
  status: 'error';
  category: string;
  message: string;
  context: { objectWriteTraceId: string[] };
}

/**
 * POST /crm/v3/objects/tasks/batch/create → 201 with the created tasks, each input checked, stored and
 * associated as the single create does it. Results come in input order here; HubSpot's may not
 * (HubSpot/hubspot-api-nodejs#190). Multi-status is on only when every input carries an
 * `objectWriteTraceId` ("To do so, include a unique objectWriteTraceId value for each input in your
 * request", https://developers.hubspot.com/docs/api-reference/error-handling, "Multi-status errors"):
 * the valid inputs are created and the others come back in a 207, one error per distinct message naming
 * their trace ids in `context.objectWriteTraceId`. Without trace ids one bad input refuses the whole batch
 * with its 400 and nothing is created. As in that page's example, results carry no trace id.
 */
export function batchCreateTasks(ctx: HandlerContext): HandlerResult {
  const startedAt = ctx.now().toISOString();
  const request = parseBody(batchCreateSchema, ctx.body);
  checkBatchSize(request.inputs);

  const checked: Checked[] = request.inputs.map((input) => {
    const traceId = input.objectWriteTraceId;
    try {
      return { traceId, task: checkTask(ctx, input) };
    } catch (error) {
      if (error instanceof ApiError) return { traceId, refusal: error };
      throw error;
    }
  });
  const multiStatus = request.inputs.every((input) => input.objectWriteTraceId !== undefined);
  const refused = checked.find((c) => 'refusal' in c);
  if (!multiStatus && refused && 'refusal' in refused) throw refused.refusal;

  const results: ApiObject[] = [];
  const errors = new Map<string, BatchError>();
  for (const c of checked) {
    if ('task' in c) results.push(storeTask(ctx, c.task));
    else if (c.traceId !== undefined) addError(errors, c.traceId, c.refusal);
  }
  return batchResponse(results, [...errors.values()], startedAt, ctx.now, 201);
}

/** Inputs refused for the same reason share one entry, their trace ids listed in its context. */
function addError(errors: Map<string, BatchError>, traceId: string, refusal: ApiError): void {
  const key = `${refusal.code}\u0000${refusal.message}`;
  const entry = errors.get(key) ?? {
    status: 'error',
    category: refusal.code,
    message: refusal.message,
    context: { objectWriteTraceId: [] },
  };
  entry.context.objectWriteTraceId.push(traceId);
  errors.set(key, entry);
}
