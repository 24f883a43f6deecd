import { ApiError } from '../http/api-error.js';
import { notFoundBody } from '../http/error-bodies.js';
import { batchResponse, objectsNotFound } from './batch-response.js';
import { batchReadSchema, checkBatchSize } from './batch-schemas.js';
import { ENGAGEMENT_SHAPE, engagementType, isEngagementProperty } from './engagement-properties.js';
import type { HandlerContext, HandlerResult } from './handler-types.js';
import { objectView, type ApiObject } from './object-view.js';
import { parseBody } from './parse-body.js';

/** POST /crm/v3/objects/{emails|meetings|calls|notes|tasks}/batch/read */
export function batchReadEngagements(ctx: HandlerContext): HandlerResult {
  const startedAt = ctx.now().toISOString();
  const objectType = ctx.params.objectType ?? '';
  const type = objectType.endsWith('s') ? engagementType(objectType) : undefined;
  if (!type) throw new ApiError(404, notFoundBody(`Unknown object type ${objectType}`));
  const request = parseBody(batchReadSchema, ctx.body);
  checkBatchSize(request.inputs);

  const exists = (name: string) => isEngagementProperty(type, name);
  const results: ApiObject[] = [];
  const missing: string[] = [];
  for (const { id } of request.inputs) {
    const record = ctx.store.engagementRecord(type, id);
    if (record) results.push(objectView(record, request.properties, exists, ENGAGEMENT_SHAPE));
    else missing.push(id);
  }
  const objectName = type.slice(0, -1).toUpperCase();
  const errors = missing.length > 0 ? [objectsNotFound(objectName, missing)] : [];
  return batchResponse(results, errors, startedAt, ctx.now);
}
