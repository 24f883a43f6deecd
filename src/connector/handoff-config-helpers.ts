import { z } from 'zod';
import { formatPath } from '../util/errors.js';
import { ConnectorConfigError } from './connector-errors.js';
import type { HandoffAction } from './crm-adapter.js';
import { SUBJECT_PLACEHOLDERS, unknownPlaceholders } from './handoff-template.js';

/** Every section's switch: a section present turns its action on unless it says `enabled: false`. */
export const sectionEnabled = z.boolean().default(true);

/** An owner task's subject template: at most `max` characters, only the placeholders leadscore fills. */
export function taskSubjectSchema(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .default('MQL: {name} scored {score}')
    .refine((s) => unknownPlaceholders(s).length === 0, {
      message: `unknown placeholder; use ${SUBJECT_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`,
    });
}

/** Whether `action` is one of a connector's `actions`. */
export function isActionOf<A extends HandoffAction>(
  actions: readonly A[],
  action: HandoffAction,
): action is A {
  return (actions as readonly HandoffAction[]).includes(action);
}

/** Whether the configuration has the action's section, and not `enabled: false`. */
export function actionEnabled<A extends string>(
  config: Partial<Record<A, { enabled: boolean }>>,
  action: A,
): boolean {
  return config[action]?.enabled === true;
}

/** Validates a connector's handoff section; messages name the field, never its value. */
export function parseHandoffConfig<S extends z.ZodType>(crm: string, schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ');
  throw new ConnectorConfigError(crm, `invalid handoff configuration: ${detail}`);
}
