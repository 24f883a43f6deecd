import { z } from 'zod';

const rate = z.number().min(0).max(1);

export const faultOptionsSchema = z
  .object({
    /** Share of API requests answered 403 REQUEST_LIMIT_EXCEEDED (whatever the real usage). */
    requestLimitExceeded: rate.optional(),
    /**
     * Share of API requests answered 403 REQUEST_LIMIT_EXCEEDED with the concurrent-request message: too
     * many long-running requests at once, which clears within seconds (not the daily total).
     */
    concurrentRequestLimit: rate.optional(),
    /** Share of requests answered with a 5xx, picked from `serverErrorStatuses`. */
    serverErrors: rate.optional(),
    serverErrorStatuses: z
      .array(z.union([z.literal(500), z.literal(502), z.literal(503)]))
      .min(1)
      .optional(),
    /** Share of requests whose socket is destroyed without any response. */
    dropConnection: rate.optional(),
    /** Extra delay before answering, for a share of requests (all when `rate` is left out). */
    latency: z
      .object({ rate: rate.optional(), minMs: z.number().int().min(0), maxMs: z.number().int().min(0) })
      .refine((l) => l.maxMs >= l.minMs, 'latency.maxMs must be at least latency.minMs')
      .optional(),
    /** Seed of the fault draws; defaults to the sandbox seed. */
    seed: z.number().int().optional(),
  })
  .strict();

export type FaultOptions = z.infer<typeof faultOptionsSchema>;
export type ServerErrorStatus = 500 | 502 | 503;
