import { z } from 'zod';
import { commonFaultFields, faultRate as rate } from '../../../sandbox-kit/seeded-faults.js';

export const faultOptionsSchema = z
  .object({
    /** Share of API requests answered 403 REQUEST_LIMIT_EXCEEDED (whatever the real usage). */
    requestLimitExceeded: rate.optional(),
    /**
     * Share of API requests answered 403 REQUEST_LIMIT_EXCEEDED with the concurrent-request message: too
     * many long-running requests at once, which clears within seconds (not the daily total).
     */
    concurrentRequestLimit: rate.optional(),
    serverErrorStatuses: z
      .array(z.union([z.literal(500), z.literal(502), z.literal(503)]))
      .min(1)
      .optional(),
    ...commonFaultFields,
  })
  .strict();

export type FaultOptions = z.infer<typeof faultOptionsSchema>;
export type ServerErrorStatus = 500 | 502 | 503;
