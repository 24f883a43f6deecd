import { ApiError } from '../http/api-error.js';
import { errorBody } from '../http/error-bodies.js';
import type { HandlerContext, HandlerResult } from './handler-types.js';
import { parseBody } from './parse-body.js';
import { propertyGroupCreateSchema } from './property-schemas.js';

/** GET /crm/v3/properties/contacts/groups */
export function listGroups(ctx: HandlerContext): HandlerResult {
  return { status: 200, body: { results: ctx.store.properties.listGroups() } };
}

/** POST /crm/v3/properties/contacts/groups — 201; an existing group name is a 409 OBJECT_ALREADY_EXISTS. */
export function createGroup(ctx: HandlerContext): HandlerResult {
  const input = parseBody(propertyGroupCreateSchema, ctx.body);
  if (ctx.store.properties.getGroup(input.name)) {
    throw new ApiError(
      409,
      errorBody('OBJECT_ALREADY_EXISTS', `A property group named ${input.name} already exists`),
    );
  }
  const group = {
    name: input.name,
    label: input.label,
    displayOrder: input.displayOrder ?? -1,
    archived: false,
  };
  ctx.store.properties.putGroup(group);
  return { status: 201, body: group };
}
