import { z } from 'zod';
import { formatPath, LeadscoreError } from '../util/errors.js';
import type { VendorPolicy } from './vendor-policy.js';

const isFunction = (value: unknown) => typeof value === 'function';

const policySchema = z
  .object({
    name: z.string().min(1),
    concurrency: z.int().positive(),
    windows: z.array(
      z.object({
        name: z.string().min(1),
        limit: z.int().positive(),
        intervalMs: z.number().positive(),
        requestClass: z.string().min(1).optional(),
      }),
    ),
    backoff: z
      .object({
        baseMs: z.number().nonnegative(),
        maxMs: z.number().nonnegative(),
        maxAttempts: z.int().positive(),
        jitter: z.enum(['full', 'none']),
      })
      .refine((b) => b.maxMs >= b.baseMs, { message: 'maxMs must be at least baseMs', path: ['maxMs'] }),
    classify: z.custom(isFunction, 'expected a function'),
    observe: z.custom(isFunction, 'expected a function').optional(),
    paceBelow: z.number().min(0).max(1).optional(),
    dailyReserve: z.int().nonnegative().optional(),
  })
  .refine((p) => new Set(p.windows.map((w) => w.name)).size === p.windows.length, {
    message: 'window names must be unique',
    path: ['windows'],
  });

/** A connector's policy is code, but a typo in it (concurrency 0, maxAttempts 0) should fail loudly at startup. */
export function validatePolicy(policy: VendorPolicy): void {
  const parsed = policySchema.safeParse(policy);
  if (parsed.success) return;
  const problems = parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  throw new LeadscoreError(
    'POLICY_INVALID',
    `vendor policy "${String(policy.name)}" is invalid: ${problems.join('; ')}`,
  );
}
