import { z } from 'zod';
import type { HandoffAction } from '../../src/connector/crm-adapter.js';
import {
  isActionOf,
  parseHandoffConfig,
  sectionEnabled as enabled,
  taskSubjectSchema,
} from '../../src/connector/handoff-config-helpers.js';
import { handoffWebhookSchema } from '../../src/connector/handoff-webhook.js';

/**
 * HubSpot's default lifecycle stages in their forward order (internal values). Portals may add or remove
 * stages (developers.hubspot.com/changelog/upcoming-customized-lifecycle-stages-for-contacts-and-companies);
 * `order` lets such a portal say where its own stages sit. `other` is deliberately not in the order.
 */
export const DEFAULT_LIFECYCLE_ORDER = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
] as const;

const lifecycleStageSchema = z
  .object({
    enabled,
    /** The stage an MQL is moved to; never a move backwards. */
    stage: z.string().min(1).default('marketingqualifiedlead'),
    /** Stages from earliest to latest; a current stage outside this list is never overwritten. */
    order: z
      .array(z.string().min(1))
      .min(1)
      .default([...DEFAULT_LIFECYCLE_ORDER]),
  })
  .strict()
  .refine((s) => s.order.includes(s.stage), { message: 'stage must be one of `order`', path: ['stage'] });

const leadStatusSchema = z
  .object({
    enabled,
    /** An internal value of hs_lead_status; HubSpot's defaults: NEW, OPEN, IN_PROGRESS, OPEN_DEAL, UNQUALIFIED, ATTEMPTED_TO_CONTACT, CONNECTED, BAD_TIMING. */
    value: z.string().min(1).default('OPEN'),
    /** Current statuses left as they are (e.g. CONNECTED, OPEN_DEAL: sales is already working the lead). */
    preserve: z.array(z.string().min(1)).default([]),
  })
  .strict();

const ownerTaskSchema = z
  .object({
    enabled,
    /** Placeholders: {name} {score} {grade} {model} {email}. */
    subject: taskSubjectSchema(500),
    /** Due date (hs_timestamp) = handoff time + this many hours. */
    dueInHours: z
      .number()
      .positive()
      .max(24 * 365)
      .default(24),
    priority: z.enum(['LOW', 'MEDIUM', 'HIGH']).default('HIGH'),
    type: z.enum(['TODO', 'CALL', 'EMAIL']).default('TODO'),
  })
  .strict();

const workflowSchema = z
  .object({
    enabled,
    /** The id of a contact-based workflow (Workflows v2 enrollment by email). */
    workflowId: z
      .union([z.string().regex(/^\d+$/, 'must be digits'), z.number().int().positive()])
      .transform(String),
  })
  .strict();

/** A section present turns its action on (unless `enabled: false`); an absent section leaves it off. */
export const hubSpotHandoffConfigSchema = z
  .object({
    lifecycle_stage: lifecycleStageSchema.optional(),
    lead_status: leadStatusSchema.optional(),
    owner_task: ownerTaskSchema.optional(),
    workflow: workflowSchema.optional(),
    webhook: handoffWebhookSchema.optional(),
  })
  .strict();

export type HubSpotHandoffConfig = z.infer<typeof hubSpotHandoffConfigSchema>;
export type HubSpotHandoffConfigInput = z.input<typeof hubSpotHandoffConfigSchema>;
export type HubSpotHandoffAction = keyof HubSpotHandoffConfig;

export const HUBSPOT_HANDOFF_ACTIONS: readonly HubSpotHandoffAction[] = [
  'lifecycle_stage',
  'lead_status',
  'owner_task',
  'workflow',
  'webhook',
];

export function isHubSpotHandoffAction(action: HandoffAction): action is HubSpotHandoffAction {
  return isActionOf(HUBSPOT_HANDOFF_ACTIONS, action);
}

export { actionEnabled } from '../../src/connector/handoff-config-helpers.js';

/** Validates the handoff section of the configuration; messages name the field, never its value. */
export function parseHubSpotHandoffConfig(input: unknown): HubSpotHandoffConfig {
  return parseHandoffConfig('hubspot', hubSpotHandoffConfigSchema, input);
}
