import { ApiError } from '../http/api-error.js';
import { restError } from '../http/error-bodies.js';
import { autoAssignment } from './auto-assign.js';
import type { Handler } from './handler-types.js';
import { checkUpdateRules } from './record-save.js';
import { checkRecord } from './record-validation.js';
import { EXCEEDED_ID_LIMIT_MESSAGE, ROLLED_BACK, type SaveResult } from './save-results.js';

const MAX_RECORDS = 200;

/**
 * PATCH /services/data/vXX.X/composite/sobjects: up to 200 records, a SaveResult per record in request order;
 * with `allOrNone` any failure rolls everything back. Records the `Sforce-Auto-Assign` header of each call,
 * and runs the lead assignment rule it asks for on the leads written (auto-assign.ts).
 */
export const updateCollection: Handler = ({ body, headers, store, now }) => {
  const input = body && typeof body === 'object' ? (body as { allOrNone?: unknown; records?: unknown }) : {};
  if (!Array.isArray(input.records)) {
    throw new ApiError(400, restError('JSON_PARSER_ERROR', 'The request body must contain a records array'));
  }
  if (input.records.length > MAX_RECORDS) {
    throw new ApiError(400, restError('EXCEEDED_ID_LIMIT', EXCEEDED_ID_LIMIT_MESSAGE));
  }
  const assign = autoAssignment(store, headers, now);
  const allOrNone = input.allOrNone === true;
  const checked = input.records.map((record) => checkUpdateRules(store, checkRecord(record, store)));
  const rollBack = allOrNone && checked.some((c) => c.errors.length > 0);
  const updatedIds: string[] = [];
  const results: SaveResult[] = checked.map((c) => {
    const withId = c.id ? { id: c.id } : {};
    if (c.errors.length > 0) return { ...withId, success: false, errors: c.errors };
    if (rollBack) return { ...withId, success: false, errors: [ROLLED_BACK] };
    store.update(c.id as string, c.fields);
    updatedIds.push(c.id as string);
    return { ...withId, success: true, errors: [] };
  });
  assign(updatedIds);
  const autoAssign = headers['sforce-auto-assign'];
  store.recordCall({
    at: now().toISOString(),
    autoAssignHeader: autoAssign === undefined ? null : String(autoAssign),
    allOrNone,
    updatedIds,
  });
  return { status: 200, body: results };
};
