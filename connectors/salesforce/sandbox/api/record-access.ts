import type { SObjectDef } from '../data/sobject-schema.js';
import { findField } from '../data/sobject-schema.js';
import { ApiError } from '../http/api-error.js';
import { NOT_FOUND, restError } from '../http/error-bodies.js';
import { isWellFormedId, normalizeId } from '../ids.js';
import type { Handler, HandlerContext } from './handler-types.js';
import { toRestError } from './record-create.js';
import { checkUpdateRules } from './record-save.js';
import { checkRecord } from './record-validation.js';

/**
 * GET /services/data/vXX.X/sobjects/{sobject}/{id}[?fields=A,B]: the record with `attributes` and every field
 * (or the ones asked for), null where it has no value.
 */
export const getRecord: Handler = (ctx) => {
  const { sobject, id } = target(ctx);
  const record = ctx.store.get(id);
  if (!record) throw new ApiError(404, NOT_FOUND);
  const asked = ctx.query.get('fields');
  const fields = asked
    ? asked.split(',').map((name) => {
        const field = findField(sobject, name.trim());
        if (!field) {
          throw new ApiError(
            400,
            restError('INVALID_FIELD', `No such column '${name.trim()}' on sobject of type ${sobject.name}`),
          );
        }
        return field;
      })
    : sobject.fields;
  const body: Record<string, unknown> = {
    attributes: {
      type: sobject.name,
      url: `/services/data/${ctx.apiVersion}/sobjects/${sobject.name}/${id}`,
    },
  };
  for (const field of fields) body[field.name] = record[field.name] ?? null;
  return { status: 200, body };
};

/** PATCH /services/data/vXX.X/sobjects/{sobject}/{id}: 204 with no body; a refused update is a 400 error array. */
export const updateRecord: Handler = (ctx) => {
  const { sobject, id } = target(ctx);
  if (!ctx.store.get(id)) throw new ApiError(404, NOT_FOUND);
  const body = ctx.body && typeof ctx.body === 'object' && !Array.isArray(ctx.body) ? ctx.body : {};
  // The URL names the record; an Id in the body does not move the update elsewhere.
  const input = Object.fromEntries(Object.entries(body).filter(([key]) => key.toLowerCase() !== 'id'));
  const checked = checkUpdateRules(
    ctx.store,
    checkRecord({ ...input, attributes: { type: sobject.name }, Id: id }, ctx.store),
  );
  if (checked.errors.length > 0) throw new ApiError(400, checked.errors.map(toRestError));
  ctx.store.update(id, checked.fields);
  return { status: 204 };
};

/** The object from the URL (404 when unknown) and the id, which must be well formed and of that object. */
function target(ctx: HandlerContext): { sobject: SObjectDef; id: string } {
  const sobject = ctx.store.schema.find(ctx.params.sobject ?? '');
  if (!sobject || sobject.tooling) throw new ApiError(404, NOT_FOUND);
  const raw = ctx.params.id ?? '';
  if (!isWellFormedId(raw)) {
    throw new ApiError(400, restError('MALFORMED_ID', `malformed id ${raw}`, ['Id']));
  }
  const id = normalizeId(raw);
  if (!id.startsWith(sobject.keyPrefix)) {
    throw new ApiError(
      400,
      restError('MALFORMED_ID', `${sobject.name} ID: id value of incorrect type: ${id}`, ['Id']),
    );
  }
  return { sobject, id };
}
