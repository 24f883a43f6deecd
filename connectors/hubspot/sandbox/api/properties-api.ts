import type { PropertyDefinition } from '../data/property-types.js';
import { ApiError } from '../http/api-error.js';
import { errorBody, validationError } from '../http/error-bodies.js';
import type { HandlerContext, HandlerResult } from './handler-types.js';
import { parseBody } from './parse-body.js';
import { propertyCreateSchema, propertyUpdateSchema, toOptions } from './property-schemas.js';

/** GET /crm/v3/properties/contacts */
export function listProperties(ctx: HandlerContext): HandlerResult {
  return { status: 200, body: { results: ctx.store.properties.list() } };
}

/** GET /crm/v3/properties/contacts/{propertyName} */
export function getProperty(ctx: HandlerContext): HandlerResult {
  return { status: 200, body: existing(ctx) };
}

/** POST /crm/v3/properties/contacts — 201 with the Property; a name already in use is a 409. */
export function createProperty(ctx: HandlerContext): HandlerResult {
  const input = parseBody(propertyCreateSchema, ctx.body);
  const registry = ctx.store.properties;
  if (registry.get(input.name)) {
    throw new ApiError(409, errorBody('OBJECT_ALREADY_EXISTS', `Property ${input.name} already exists`));
  }
  requireGroup(ctx, input.groupName);
  const stamp = ctx.now().toISOString();
  const property: PropertyDefinition = {
    name: input.name,
    label: input.label,
    type: input.type,
    fieldType: input.fieldType,
    groupName: input.groupName,
    description: input.description ?? '',
    options: toOptions(input.options),
    displayOrder: input.displayOrder ?? -1,
    hidden: input.hidden ?? false,
    hubspotDefined: false,
    formField: input.formField ?? false,
    calculated: false,
    externalOptions: input.externalOptions ?? false,
    hasUniqueValue: input.hasUniqueValue ?? false,
    modificationMetadata: { archivable: true, readOnlyDefinition: false, readOnlyValue: false },
    createdAt: stamp,
    updatedAt: stamp,
    archived: false,
  };
  registry.put(property);
  return { status: 201, body: property };
}

/** PATCH /crm/v3/properties/contacts/{propertyName} */
export function updateProperty(ctx: HandlerContext): HandlerResult {
  const current = existing(ctx);
  const patch = parseBody(propertyUpdateSchema, ctx.body);
  if (patch.groupName) requireGroup(ctx, patch.groupName);
  const { options, ...rest } = patch;
  const updated: PropertyDefinition = {
    ...current,
    ...rest,
    ...(options === undefined ? {} : { options: toOptions(options) }),
    updatedAt: ctx.now().toISOString(),
  };
  ctx.store.properties.put(updated);
  return { status: 200, body: updated };
}

function existing(ctx: HandlerContext): PropertyDefinition {
  const name = ctx.params.propertyName ?? '';
  const found = ctx.store.properties.get(name);
  if (!found) throw new ApiError(404, errorBody('OBJECT_NOT_FOUND', `Unable to find property ${name}`));
  return found;
}

function requireGroup(ctx: HandlerContext, groupName: string): void {
  if (!ctx.store.properties.getGroup(groupName)) {
    throw new ApiError(400, validationError(`Property group ${groupName} does not exist`));
  }
}
