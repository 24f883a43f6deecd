import { z } from 'zod';
import { SandboxError } from './sandbox-error.js';

/** The sandbox's clock, a function so that tests can move it. */
export const clockOption = z
  .custom<() => Date>((v) => typeof v === 'function', 'now must be a function returning a Date')
  .optional();

/** Parses a sandbox's options; one message lists every problem with its path. */
export function parseSandboxOptions<T>(schema: z.ZodType<T>, options: unknown): T {
  const parsed = schema.safeParse(options);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ');
  throw new SandboxError('SANDBOX_OPTIONS', `Invalid sandbox options: ${detail}`);
}
