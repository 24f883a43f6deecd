import type { CrmRecord } from '../data/records.js';
import { ApiError } from '../http/api-error.js';
import { HISTORY_BATCH_LIMIT_MESSAGE, validationError } from '../http/error-bodies.js';
import { batchResponse, objectsNotFound } from './batch-response.js';
import { batchReadSchema, checkBatchSize } from './batch-schemas.js';
import type { HandlerContext, HandlerResult } from './handler-types.js';
import { objectView, type ApiObject } from './object-view.js';
import { parseBody } from './parse-body.js';

const MAX_HISTORY_INPUTS = 50;

/** POST /crm/v3/objects/contacts/batch/read, by id or by a unique property (`idProperty: "email"`). */
export function batchReadContacts(ctx: HandlerContext): HandlerResult {
  const startedAt = ctx.now().toISOString();
  const request = parseBody(batchReadSchema, ctx.body);
  checkBatchSize(request.inputs);
  const history = request.propertiesWithHistory ?? [];
  if (history.length > 0 && request.inputs.length > MAX_HISTORY_INPUTS) {
    throw new ApiError(400, validationError(HISTORY_BATCH_LIMIT_MESSAGE));
  }
  const byEmail = request.idProperty === 'email';
  if (request.idProperty && !byEmail && request.idProperty !== 'hs_object_id') {
    throw new ApiError(
      400,
      validationError(`Property "${request.idProperty}" is not a unique identifier property`),
    );
  }

  const exists = (name: string) => ctx.store.properties.get(name) !== undefined;
  const results: ApiObject[] = [];
  const missing: string[] = [];
  for (const { id } of request.inputs) {
    const record = byEmail ? ctx.store.contactRecordByEmail(id) : ctx.store.contactRecord(id);
    if (!record) {
      missing.push(id);
      continue;
    }
    const view = objectView(record, request.properties, exists);
    if (history.length > 0) view.propertiesWithHistory = historyOf(record, history);
    results.push(view);
  }
  const errors = missing.length > 0 ? [objectsNotFound('CONTACT', missing)] : [];
  return batchResponse(results, errors, startedAt, ctx.now);
}

/** The sandbox keeps no history: the current value is the only version. */
function historyOf(record: CrmRecord, names: string[]): NonNullable<ApiObject['propertiesWithHistory']> {
  const out: NonNullable<ApiObject['propertiesWithHistory']> = {};
  for (const name of names) {
    const value = record.properties[name];
    out[name] = value === undefined ? [] : [{ value, timestamp: record.updatedAt, sourceType: 'CRM_UI' }];
  }
  return out;
}
