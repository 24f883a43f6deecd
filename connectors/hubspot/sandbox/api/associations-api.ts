import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { validationError } from '../http/error-bodies.js';
import { batchResponse } from './batch-response.js';
import { CONTACT_TO, engagementType } from './engagement-properties.js';
import type { HandlerContext, HandlerResult } from './handler-types.js';
import { parseBody } from './parse-body.js';

const requestSchema = z.object({
  inputs: z.array(
    z.object({
      id: z.union([z.string().min(1), z.number()]).transform(String),
      after: z.string().optional(),
    }),
  ),
});

/**
 * POST /crm/v4/associations/contacts/{toObjectType}/batch/read
 * (https://developers.hubspot.com/docs/api-reference/legacy/crm/associations/associate-records/batch/get-associations).
 * Results follow BatchResponsePublicAssociationMultiWithLabel (toObjectId a string, as documented); a contact
 * with no such association is not a result but a 207 error entry with subCategory
 * crm.associations.NO_ASSOCIATIONS_FOUND, as live responses show.
 */
export function readContactAssociations(ctx: HandlerContext): HandlerResult {
  const startedAt = ctx.now().toISOString();
  const type = engagementType(ctx.params.toObjectType ?? '');
  if (!type) {
    throw new ApiError(
      400,
      validationError(`Unknown object type ${ctx.params.toObjectType ?? ''} for contact associations`),
    );
  }
  const { inputs } = parseBody(requestSchema, ctx.body);
  const singular = type.slice(0, -1);
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const { id } of inputs) {
    const linked = ctx.store.contactRecord(id) ? ctx.store.associatedIds(id, type) : [];
    if (linked.length === 0) {
      errors.push({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
        message: `No ${singular} is associated with contact ${id}.`,
        context: { fromObjectId: [id], fromObjectType: ['contact'], toObjectType: [singular] },
      });
      continue;
    }
    results.push({
      from: { id },
      to: linked.map((toObjectId) => ({
        toObjectId,
        associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: CONTACT_TO[type], label: null }],
      })),
    });
  }
  return batchResponse(results, errors, startedAt, ctx.now);
}
