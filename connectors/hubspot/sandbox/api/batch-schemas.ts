import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { BATCH_LIMIT_MESSAGE, validationError } from '../http/error-bodies.js';

const id = z.union([z.string().min(1), z.number()]).transform(String);
const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** BatchReadInputSimplePublicObjectId; the SDK always sends `propertiesWithHistory`. */
export const batchReadSchema = z.object({
  properties: z.array(z.string()).optional(),
  propertiesWithHistory: z.array(z.string()).optional(),
  idProperty: z.string().optional(),
  inputs: z.array(z.object({ id })),
});

/** BatchInputSimplePublicObjectBatchInput */
export const batchUpdateSchema = z.object({
  inputs: z.array(
    z.object({
      id,
      idProperty: z.string().optional(),
      objectWriteTraceId: z.string().optional(),
      properties: z.record(z.string(), value),
    }),
  ),
});

/** PublicAssociationsForObject: an existing record and the association types to it. */
export const associationsSchema = z.array(
  z.object({
    to: z.object({ id }),
    types: z.array(
      z.object({
        associationCategory: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']),
        associationTypeId: z.number().int(),
      }),
    ),
  }),
);

/**
 * BatchInputSimplePublicObjectBatchInputForCreate: `associations` and `properties` are required per input,
 * `objectWriteTraceId` is not (SimplePublicObjectBatchInputForCreate in the batch create reference).
 */
export const batchCreateSchema = z.object({
  inputs: z.array(
    z.object({
      associations: associationsSchema,
      objectWriteTraceId: z.string().optional(),
      properties: z.record(z.string(), value),
    }),
  ),
});

export const MAX_BATCH_INPUTS = 100;

export function checkBatchSize(inputs: readonly unknown[]): void {
  if (inputs.length > MAX_BATCH_INPUTS) throw new ApiError(400, validationError(BATCH_LIMIT_MESSAGE));
}
