import { z } from 'zod';
import { clockOption, parseSandboxOptions } from '../../sandbox-kit/sandbox-options.js';
import { bulkOptionsSchema, resolveBulkOptions } from './bulk/bulk-options.js';
import { faultOptionsSchema } from './faults/fault-options.js';

export const DEFAULT_OAUTH = {
  clientId: '3MVG9sandbox.leadscore.consumer.key',
  clientSecret: 'sandbox-consumer-secret',
  refreshToken: '5Aep861sandbox.refresh.token',
  username: 'integration@leadscore.sandbox',
  /** Password and security token, concatenated as the password grant sends them. */
  password: 'sandbox-password' + 'SandboxSecurityToken',
  /** Salesforce's documented session timeout default is 2 hours. */
  accessTokenTtlSeconds: 7200,
};
/** JWT `aud` values the docs list for production, sandbox orgs. */
export const DEFAULT_JWT_AUDIENCES = ['https://login.salesforce.com', 'https://test.salesforce.com'];
/** Enterprise Edition's base daily allocation. */
export const DEFAULT_DAILY_API_REQUESTS = 100_000;

const positiveInt = z.number().int().positive();

export const sandboxOptionsSchema = z
  .object({
    /** 0 (the default) picks a free port. */
    port: z.number().int().min(0).max(65_535).optional(),
    /** Seeded leads (2,000 by default) and contacts (500). */
    leads: z.number().int().min(0).max(200_000).optional(),
    contacts: z.number().int().min(0).max(100_000).optional(),
    seed: z.number().int().optional(),
    /** Restored from when it exists (instead of seeding); written by `save()`. */
    snapshotFile: z.string().min(1).optional(),
    oauth: z
      .object({
        clientId: z.string().min(1).optional(),
        clientSecret: z.string().min(1).optional(),
        refreshToken: z.string().min(1).optional(),
        /** The `sub` a JWT bearer assertion must name. */
        username: z.string().min(1).optional(),
        password: z.string().min(1).optional(),
        /** PEM public key (or certificate) that verifies JWT bearer assertions; without it the grant is refused. */
        jwtPublicKey: z.string().min(1).optional(),
        /** Accepted `aud` values besides the sandbox's own URL; the login hosts by default. */
        jwtAudiences: z.array(z.string().min(1)).min(1).optional(),
        accessTokenTtlSeconds: positiveInt.optional(),
      })
      .strict()
      .optional(),
    limits: z.object({ dailyApiRequests: positiveInt.optional() }).strict().optional(),
    faults: faultOptionsSchema.optional(),
    /** How Bulk API 2.0 ingest jobs progress (InProgress polls, processing time). */
    bulk: bulkOptionsSchema.optional(),
    /** The org's clock: record dates, token expiry, date literals and the daily allocation all read it. */
    now: clockOption,
  })
  .strict();

export type SandboxOptions = z.infer<typeof sandboxOptionsSchema>;

export function resolveOptions(options: SandboxOptions) {
  const o = parseSandboxOptions(sandboxOptionsSchema, options);
  return {
    port: o.port ?? 0,
    leads: o.leads ?? 2000,
    contacts: o.contacts ?? 500,
    seed: o.seed ?? 42,
    snapshotFile: o.snapshotFile,
    oauth: { ...DEFAULT_OAUTH, ...o.oauth },
    dailyApiRequests: o.limits?.dailyApiRequests ?? DEFAULT_DAILY_API_REQUESTS,
    faults: o.faults ?? {},
    bulk: resolveBulkOptions(o.bulk),
    now: o.now ?? (() => new Date()),
  };
}
