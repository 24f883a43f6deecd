import { z } from 'zod';
import { commonFaultFields, faultRate as rate } from '../../../sandbox-kit/seeded-faults.js';

export const faultOptionsSchema = z
  .object({
    /** Share of requests answered 429 with policyName TEN_SECONDLY_ROLLING. */
    tooManyRequests: rate.optional(),
    serverErrorStatuses: z
      .array(z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]))
      .min(1)
      .optional(),
    /** Share of requests answered 423 Locked. */
    locked: rate.optional(),
    ...commonFaultFields,
  })
  .strict();

export type FaultOptions = z.infer<typeof faultOptionsSchema>;
export type ServerErrorStatus = 500 | 502 | 503 | 504;
