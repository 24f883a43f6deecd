import type { IncomingHttpHeaders } from 'node:http';
import type { OrgStore } from '../data/org-store.js';
import { ApiError } from '../http/api-error.js';
import { NOT_FOUND, restError, type RestError } from '../http/error-bodies.js';
import type { Handler, HandlerContext } from './handler-types.js';
import { insertOne } from './record-save.js';
import { EXCEEDED_ID_LIMIT_MESSAGE, ROLLED_BACK, type SaveError, type SaveResult } from './save-results.js';

const MAX_RECORDS = 200;

/**
 * POST /services/data/vXX.X/sobjects/{sobject}: 201 `{id, success, errors: []}`; a refused record is a 400
 * with the errors as a REST error array, an unknown object a 404.
 */
export const createRecord: Handler = (ctx) => {
  const sobject = ctx.store.schema.find(ctx.params.sobject ?? '');
  if (!sobject || sobject.tooling) throw new ApiError(404, NOT_FOUND);
  const result = insertOne(ctx.store, ctx.body ?? {}, sobject);
  record(ctx, 'sobject', false, [sobject.name], result.id ? [result.id] : []);
  if (!result.success) throw new ApiError(400, result.errors.map(toRestError));
  return { status: 201, body: { id: result.id, success: true, errors: [] } };
};

/**
 * POST /services/data/vXX.X/composite/sobjects: up to 200 records of any types, created in order, a
 * SaveResult each. With `allOrNone` one failure rolls back the others (they get ALL_OR_NONE_OPERATION_ROLLED_BACK).
 */
export const createCollection: Handler = (ctx) => {
  const input =
    ctx.body && typeof ctx.body === 'object' ? (ctx.body as { allOrNone?: unknown; records?: unknown }) : {};
  if (!Array.isArray(input.records)) {
    throw new ApiError(400, restError('JSON_PARSER_ERROR', 'The request body must contain a records array'));
  }
  if (input.records.length > MAX_RECORDS) {
    throw new ApiError(400, restError('EXCEEDED_ID_LIMIT', EXCEEDED_ID_LIMIT_MESSAGE));
  }
  const allOrNone = input.allOrNone === true;
  const types = input.records.map((r: unknown) =>
    String((r as { attributes?: { type?: unknown } })?.attributes?.type),
  );
  let results: SaveResult[] = input.records.map((r: unknown) => insertOne(ctx.store, r));
  if (allOrNone && results.some((r) => !r.success)) {
    for (const r of results) if (r.success && r.id) ctx.store.remove(r.id);
    results = results.map((r) => (r.success ? { success: false, errors: [ROLLED_BACK] } : r));
  }
  const created = results.flatMap((r) => (r.success && r.id ? [r.id] : []));
  record(ctx, 'collection', allOrNone, types, created);
  return { status: 200, body: results };
};

export const toRestError = (e: SaveError): RestError => ({
  message: e.message,
  errorCode: e.statusCode,
  fields: e.fields,
});

/** The request headers as a test would assert on them: lower-cased names, never the session. */
export function visibleHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'authorization' || value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function record(
  ctx: HandlerContext,
  endpoint: 'sobject' | 'collection',
  allOrNone: boolean,
  types: string[],
  createdIds: string[],
): void {
  const store: OrgStore = ctx.store;
  store.recordCreate({
    at: ctx.now().toISOString(),
    endpoint,
    headers: visibleHeaders(ctx.headers),
    allOrNone,
    types,
    createdIds,
  });
}
