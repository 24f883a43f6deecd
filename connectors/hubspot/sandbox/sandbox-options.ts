import { z } from 'zod';
import { clockOption, parseSandboxOptions } from '../../sandbox-kit/sandbox-options.js';
import { faultOptionsSchema } from './faults/fault-options.js';

export const DEFAULT_PRIVATE_APP_TOKEN = 'pat-na1-00000000-0000-4000-8000-sandbox00001';
export const DEFAULT_OAUTH = {
  clientId: 'sandbox-client-id',
  clientSecret: 'sandbox-client-secret',
  refreshToken: 'na1-sandbox-refresh-token',
  accessTokenTtlSeconds: 1800,
};
/** Free/Starter private-app limits from the usage guidelines; the search limit from the search changelog. */
export const DEFAULT_LIMITS = { perTenSeconds: 100, daily: 250_000, searchPerSecond: 4 };

const positiveInt = z.number().int().positive();

export const sandboxOptionsSchema = z
  .object({
    /** 0 (the default) picks a free port. */
    port: z.number().int().min(0).max(65_535).optional(),
    /** Seeded contacts; 2,000 by default. */
    contacts: z.number().int().min(0).max(200_000).optional(),
    seed: z.number().int().optional(),
    privateAppToken: z.string().min(1).optional(),
    oauth: z
      .object({
        clientId: z.string().min(1),
        clientSecret: z.string().min(1),
        refreshToken: z.string().min(1),
        accessTokenTtlSeconds: positiveInt.optional(),
      })
      .optional(),
    limits: z
      .object({
        perTenSeconds: positiveInt.optional(),
        daily: positiveInt.optional(),
        searchPerSecond: positiveInt.optional(),
      })
      .optional(),
    faults: faultOptionsSchema.optional(),
    /**
     * Where the portal is saved by `save()`; when the file exists the portal is restored from it instead
     * of being seeded (so `contacts` and `seed` only shape a new portal).
     */
    snapshotFile: z.string().min(1).optional(),
    /** The portal's clock: record dates, token expiry and rate-limit windows all read it. */
    now: clockOption,
  })
  .strict();

export type SandboxOptions = z.infer<typeof sandboxOptionsSchema>;

export function resolveOptions(options: SandboxOptions) {
  const o = parseSandboxOptions(sandboxOptionsSchema, options);
  return {
    port: o.port ?? 0,
    contacts: o.contacts ?? 2000,
    seed: o.seed ?? 42,
    privateAppToken: o.privateAppToken ?? DEFAULT_PRIVATE_APP_TOKEN,
    oauth: { ...DEFAULT_OAUTH, ...o.oauth },
    limits: { ...DEFAULT_LIMITS, ...o.limits },
    faults: o.faults ?? {},
    now: o.now ?? (() => new Date()),
    snapshotFile: o.snapshotFile,
  };
}
