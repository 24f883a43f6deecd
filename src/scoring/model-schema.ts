import { z } from 'zod';
import { activityTypeSchema } from '../model/activity.js';
import { conditionSchema } from './condition-schema.js';

const ruleId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]*$/,
    'expected a lower-case id of letters, digits, "-" or "_" (e.g. pricing-page)',
  );
const label = z.string().min(1).max(80);
const positiveDays = z.number().positive();

/** Either a half-life or a step per period; `none` switches a rule's decay off. */
export const decaySchema = z.union([
  z.literal('none'),
  z.object({ halfLifeDays: positiveDays }).strict(),
  z.object({ percent: z.number().gt(0).max(100), everyDays: positiveDays }).strict(),
]);
export type DecaySpec = z.infer<typeof decaySchema>;

const dimension = z.enum(['fit', 'engagement']);

const baseRule = { id: ruleId, label, points: z.number().finite() };

export const fitRuleSchema = z.object({ ...baseRule, when: conditionSchema }).strict();

const engagementFields = {
  ...baseRule,
  activity: z.union([activityTypeSchema, z.array(activityTypeSchema).min(1)]),
  where: conditionSchema.optional(),
  per: z.enum(['occurrence', 'once']).default('occurrence'),
  withinDays: positiveDays.optional(),
  cap: z.number().positive().optional(),
  decay: decaySchema.optional(),
};
export const engagementRuleSchema = z.object(engagementFields).strict();

/**
 * A negative rule is one of three things, told apart by its key: a profile condition (`when`),
 * an activity that counts against the lead (`activity`, e.g. email_bounce), or inactivity (`inactiveDays`).
 */
export const negativeRuleSchema = z
  .object({
    ...baseRule,
    points: z.number().finite().max(0, 'expected a negative number (or 0) for a negative rule'),
    countsToward: dimension.optional(),
    when: conditionSchema.optional(),
    inactiveDays: positiveDays.optional(),
    activity: engagementFields.activity.optional(),
    where: engagementFields.where,
    per: z.enum(['occurrence', 'once']).optional(),
    withinDays: engagementFields.withinDays,
    cap: engagementFields.cap,
    decay: engagementFields.decay,
  })
  .strict()
  .superRefine((rule, ctx) => {
    const kinds = (['when', 'activity', 'inactiveDays'] as const).filter((key) => rule[key] !== undefined);
    if (kinds.length !== 1)
      ctx.addIssue({
        code: 'custom',
        message: `expected exactly one of 'when', 'activity' or 'inactiveDays', got ${kinds.length ? kinds.join(', ') : 'none'}`,
      });
    const activityOnly = (['where', 'per', 'withinDays', 'cap', 'decay'] as const).filter(
      (k) => rule[k] !== undefined,
    );
    if (rule.activity === undefined && activityOnly.length)
      ctx.addIssue({
        code: 'custom',
        message: `${activityOnly.join(', ')} only apply to an 'activity' rule`,
      });
  });

const criterionSchema = z.object({ label, when: conditionSchema }).strict();

export const gradesSchema = z
  .object({ A: z.number(), B: z.number(), C: z.number() })
  .strict()
  .refine((g) => g.A > g.B && g.B > g.C, {
    message: 'expected A > B > C (minimum fit points of each grade)',
  });

export const scoringModelSchema = z
  .object({
    id: ruleId,
    name: z.string().optional(),
    description: z.string().optional(),
    /** Named value lists for `in: { list: NAME }`; `free_mail` is built in. */
    lists: z.record(ruleId, z.array(z.string().min(1))).default({}),
    fit: z.array(fitRuleSchema).default([]),
    engagement: z.array(engagementRuleSchema).default([]),
    negative: z.array(negativeRuleSchema).default([]),
    /** Default decay of every engagement and activity rule that does not set its own. */
    decay: decaySchema.default('none'),
    caps: z
      .object({ fit: z.number().positive().optional(), engagement: z.number().positive().optional() })
      .strict()
      .default({}),
    score: z
      .object({
        fitWeight: z.number().nonnegative().default(1),
        engagementWeight: z.number().nonnegative().default(1),
        min: z.number().optional(),
        max: z.number().optional(),
      })
      .strict()
      .refine((s) => s.min === undefined || s.max === undefined || s.min < s.max, {
        message: 'expected min < max',
      })
      .default({ fitWeight: 1, engagementWeight: 1 }),
    grades: gradesSchema.default({ A: 40, B: 25, C: 10 }),
    mql: z
      .object({
        threshold: z.number(),
        accept: z.array(criterionSchema).default([]),
        exclude: z.array(criterionSchema).default([]),
      })
      .strict(),
  })
  .strict()
  .superRefine((model, ctx) => {
    const seen = new Map<string, string>();
    for (const section of ['fit', 'engagement', 'negative'] as const) {
      model[section].forEach((rule, index) => {
        const first = seen.get(rule.id);
        if (first)
          ctx.addIssue({
            code: 'custom',
            path: [section, index, 'id'],
            message: `duplicate rule id '${rule.id}' (first used at ${first})`,
          });
        else seen.set(rule.id, `${section}[${index}]`);
      });
    }
  });

export type ScoringModel = z.infer<typeof scoringModelSchema>;
export type FitRule = z.infer<typeof fitRuleSchema>;
export type EngagementRule = z.infer<typeof engagementRuleSchema>;
export type NegativeRule = z.infer<typeof negativeRuleSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
