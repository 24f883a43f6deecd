import { validate, validateDetailed } from 'node-cron';
import { z } from 'zod';
import type { SalesFeedbackRules } from '../sync/sales-feedback.js';

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A number that may also arrive as text from `${VAR}` interpolation; other strings still fail as strings. */
function numberField<T extends z.ZodNumber>(schema: T) {
  return z.preprocess((v) => (typeof v === 'string' && NUMERIC.test(v) ? Number(v) : v), schema);
}

const booleanField = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

const cronExpression = z.string().superRefine((expression, ctx) => {
  if (validate(expression)) return;
  const reasons = validateDetailed(expression).errors.map((e) => e.message);
  ctx.addIssue({
    code: 'custom',
    message: `invalid cron expression '${expression}'${reasons.length ? `: ${reasons.join('; ')}` : ''}`,
  });
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const timeZone = z
  .string()
  .min(1)
  .refine(isTimeZone, { error: (issue) => `unknown time zone '${String(issue.input)}' (expected an IANA zone such as Europe/Berlin)` });

const statusValues = z.array(z.string().min(1)).default(() => []);

const feedbackSet = z.object({ leadStatus: statusValues, lifecycleStage: statusValues }).strict();

/** HubSpot's default lead statuses and lifecycle stages that mean sales accepted or rejected a lead. */
export const HUBSPOT_SALES_FEEDBACK: Readonly<SalesFeedbackRules> = {
  accepted: {
    leadStatus: ['CONNECTED', 'OPEN_DEAL', 'IN_PROGRESS'],
    lifecycleStage: ['salesqualifiedlead', 'opportunity', 'customer', 'evangelist'],
  },
  rejected: { leadStatus: ['UNQUALIFIED'], lifecycleStage: [] },
};

// prefault parses the default, so every deployment gets its own arrays.
const salesFeedbackSchema = z
  .object({ accepted: feedbackSet.prefault({}), rejected: feedbackSet.prefault({}) })
  .strict()
  .prefault(() => HUBSPOT_SALES_FEEDBACK);

export const connectorDeploymentSchema = z
  .object({
    enabled: booleanField.default(true),
    /** Absent: the connector's own default. */
    baseUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
    /** Absent: the connector's default mapping. */
    mapping: z.string().min(1).optional(),
    timezone: timeZone.default('UTC'),
    schedules: z.object({ incremental: cronExpression.optional(), full: cronExpression.optional() }).strict().prefault({}),
    salesFeedback: salesFeedbackSchema,
    /** Vendor-specific; the connector validates it. */
    settings: z.record(z.string(), z.unknown()).default(() => ({})),
  })
  .strict();

export const deploymentSchema = z
  .object({
    model: z.string().min(1),
    /** A model from `leadscore train` on a lead file: its 0–100 score is written beside the rule score. */
    predictive: z.object({ model: z.string().min(1) }).strict().optional(),
    state: z
      .object({
        file: z.string().min(1),
        deadLetterMaxAttempts: numberField(z.int().min(1).max(100)).default(5),
        scoreHistoryRetentionDays: numberField(z.int().min(1)).default(400),
        lockTtlSeconds: numberField(z.int().min(10).max(3600)).default(120),
        busyTimeoutMs: numberField(z.int().min(0)).default(5000),
      })
      .strict(),
    lifecycle: z
      .object({
        /** An mql stays mql until its score drops below threshold − hysteresis. */
        hysteresis: numberField(z.number().min(0)).default(10),
      })
      .strict()
      .prefault({}),
    sync: z
      .object({
        /** Pages read ahead while the current one is written. */
        pagesInFlight: numberField(z.int().min(1).max(8)).default(2),
        dryRunSample: numberField(z.int().min(0)).default(20),
      })
      .strict()
      .prefault({}),
    server: z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        /** 0 = any free port. */
        port: numberField(z.int().min(0).max(65535)).default(9464),
      })
      .strict()
      .prefault({}),
    log: z
      .object({ level: z.enum(['error', 'warn', 'info', 'debug']).default('info') })
      .strict()
      .prefault({}),
    connectors: z
      .record(z.string().min(1), connectorDeploymentSchema)
      .refine((connectors) => Object.keys(connectors).length > 0, { message: 'at least one connector is required' }),
  })
  .strict();

export type DeploymentConfig = z.output<typeof deploymentSchema>;
export type ConnectorDeployment = z.output<typeof connectorDeploymentSchema>;
export type SalesFeedback = ConnectorDeployment['salesFeedback'];
