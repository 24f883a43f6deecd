import { z } from 'zod';
import type { HandoffAction } from '../../src/connector/crm-adapter.js';
import {
  actionEnabled,
  isActionOf,
  parseHandoffConfig,
  sectionEnabled as enabled,
  taskSubjectSchema,
} from '../../src/connector/handoff-config-helpers.js';
import { handoffWebhookSchema } from '../../src/connector/handoff-webhook.js';
import { normalizeSalesforceId } from './salesforce-id.js';

/** Key prefix of AssignmentRule ids. */
export const ASSIGNMENT_RULE_PREFIX = '01Q';
/** Task.Subject holds at most 255 characters. */
export const TASK_SUBJECT_MAX = 255;

/** What a flow input variable can be given: a value of the transition. */
export const FLOW_INPUT_SOURCES = [
  'recordId',
  'score',
  'grade',
  'reasons',
  'model',
  'email',
  'ownerId',
  'transitionKey',
  'at',
] as const;
export type FlowInputSource = (typeof FLOW_INPUT_SOURCES)[number];

const apiName = z
  .string()
  .max(80)
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be an API name: a letter, then letters, digits and underscores');

const leadStatusSchema = z
  .object({
    enabled,
    /** A value of Lead.Status; Salesforce's default picklist has Open - Not Contacted, Working - Contacted, Closed - Converted, Closed - Not Converted. */
    value: z.string().min(1).max(255).default('Working - Contacted'),
    /** Current statuses left as they are (e.g. Closed - Not Converted: sales already decided). */
    preserve: z.array(z.string().min(1)).default([]),
  })
  .strict();

/** `default` = the org's active lead assignment rule (`Sforce-Auto-Assign: TRUE`); else that rule's id. */
const assignmentRule = z.string().transform((value, ctx) => {
  if (value === 'default') return value;
  try {
    const id = normalizeSalesforceId(value);
    if (id.startsWith(ASSIGNMENT_RULE_PREFIX)) return id;
  } catch {
    // worded below, without the value
  }
  ctx.addIssue({
    code: 'custom',
    message: `must be "default" or an AssignmentRule id (${ASSIGNMENT_RULE_PREFIX}…, 15 or 18 characters)`,
  });
  return z.NEVER;
});

const assignmentSchema = z.object({ enabled, rule: assignmentRule.default('default') }).strict();

const ownerTaskSchema = z
  .object({
    enabled,
    /** Placeholders: {name} {score} {grade} {model} {email}; the result is cut to Task.Subject's 255 characters. */
    subject: taskSubjectSchema(TASK_SUBJECT_MAX),
    /** ActivityDate (the due date, a date without time) = handoff day (UTC) + this many days. */
    dueInDays: z.number().int().min(0).max(365).default(1),
    priority: z.enum(['High', 'Normal', 'Low']).default('High'),
    /** A value of Task.Status; open by default. */
    status: z.string().min(1).max(255).default('Not Started'),
  })
  .strict();

const flowSchema = z
  .object({
    enabled,
    /** The API name of an active autolaunched flow. */
    name: apiName,
    /** Flow input variable → the transition value it gets. */
    inputs: z
      .record(apiName, z.enum(FLOW_INPUT_SOURCES))
      .refine((inputs) => Object.keys(inputs).length > 0, { message: 'needs at least one input' })
      .default({ recordId: 'recordId', score: 'score', grade: 'grade', reasons: 'reasons' }),
    /**
     * A custom text field of Lead and Contact the flow sets to its transitionKey input, in its own
     * transaction (an Update Records element on the record). With it, an invocation whose answer was lost
     * is looked up before it is repeated — exactly once; without it, at least once (see handoff-flow.ts).
     * `leadscore setup` creates it (Text 255).
     */
    confirmField: z
      .string()
      .max(43)
      .regex(/^[A-Za-z][A-Za-z0-9_]*__c$/, 'must be a custom field API name ending in __c')
      .optional(),
  })
  .strict()
  .refine((flow) => !flow.confirmField || Object.values(flow.inputs).includes('transitionKey'), {
    message: 'confirmField needs an input variable given transitionKey (the flow writes it to that field)',
    path: ['confirmField'],
  });

/** A section present turns its action on (unless `enabled: false`); an absent section leaves it off. */
export const salesforceHandoffConfigSchema = z
  .object({
    lead_status: leadStatusSchema.optional(),
    assignment: assignmentSchema.optional(),
    owner_task: ownerTaskSchema.optional(),
    flow: flowSchema.optional(),
    webhook: handoffWebhookSchema.optional(),
  })
  .strict();

export type SalesforceHandoffConfig = z.infer<typeof salesforceHandoffConfigSchema>;
export type SalesforceHandoffConfigInput = z.input<typeof salesforceHandoffConfigSchema>;
export type SalesforceHandoffAction = keyof SalesforceHandoffConfig;
export type SalesforceOwnerTaskConfig = NonNullable<SalesforceHandoffConfig['owner_task']>;
export type SalesforceFlowConfig = NonNullable<SalesforceHandoffConfig['flow']>;

/** In the order they run: the status first (assignment rules may look at it), the task after the owner is known. */
export const SALESFORCE_HANDOFF_ACTIONS: readonly SalesforceHandoffAction[] = [
  'lead_status',
  'assignment',
  'owner_task',
  'flow',
  'webhook',
];

export function isSalesforceHandoffAction(action: HandoffAction): action is SalesforceHandoffAction {
  return isActionOf(SALESFORCE_HANDOFF_ACTIONS, action);
}

export function salesforceActionEnabled(
  config: SalesforceHandoffConfig,
  action: SalesforceHandoffAction,
): boolean {
  return actionEnabled(config, action);
}

/** Validates the handoff section of the configuration; messages name the field, never its value. */
export function parseSalesforceHandoffConfig(input: unknown): SalesforceHandoffConfig {
  return parseHandoffConfig('salesforce', salesforceHandoffConfigSchema, input);
}
