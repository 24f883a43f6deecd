import { z } from 'zod';
import { activityTypeSchema } from '../model/activity.js';
import { PROFILE_FIELDS } from '../model/lead.js';
import type { ProfileField } from '../model/lead.js';

/**
 * A mapping file (mappings/<crm>.yaml): which CRM property feeds which canonical field, which properties
 * become activities, and where leadscore writes its results. Property names are the CRM's internal names:
 * HubSpot's `numemployees`, Salesforce's `Title` or, for a related record, `Account.Industry`.
 */
const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*$/;
export const propertyNameSchema = z.string().regex(PROPERTY_NAME, {
  error: (issue) =>
    `expected a CRM property's internal name like numemployees or Account.Industry, got ${JSON.stringify(issue.input)}`,
});

/** HubSpot object types ("emails", "2-1234567" for a custom object) and Salesforce objects ("Task"). */
const objectTypeSchema = z.string().regex(/^[A-Za-z0-9][\w-]*$/, {
  error: (issue) => `expected an object type like emails or Task, got ${JSON.stringify(issue.input)}`,
});

const RESERVED_ATTRIBUTES: ReadonlySet<string> = new Set(['type', 'at']);
const attributeNameSchema = z
  .string()
  .regex(/^[A-Za-z_]\w*$/, { error: 'expected an attribute name of letters, digits and "_" (e.g. url)' })
  .refine((name) => !RESERVED_ATTRIBUTES.has(name), {
    error: (issue) => `'${String(issue.input)}' is set by the mapping itself; use another attribute name`,
  });

const PROFILE_FIELD_SET: ReadonlySet<string> = new Set(PROFILE_FIELDS);
const squash = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function unknownFieldMessage(name: string): string {
  const meant = PROFILE_FIELDS.find((field) => squash(field) === squash(name));
  const hint = meant ? ` (did you mean ${meant}?)` : '';
  return `'${name}' is not a canonical lead field${hint}; map other properties under custom`;
}

/** Canonical field ← CRM property. Keys must be canonical profile fields (PROFILE_FIELD_KINDS). */
const fieldsSchema = z
  .record(z.string(), propertyNameSchema)
  .superRefine((fields, ctx) => {
    for (const name of Object.keys(fields)) {
      if (!PROFILE_FIELD_SET.has(name)) {
        ctx.addIssue({ code: 'custom', path: [name], message: unknownFieldMessage(name) });
      }
    }
  })
  .transform((fields) => fields as Partial<Record<ProfileField, string>>);

/** A count property, expanded like a CSV count column: N activities from `first` to `last`. */
export const rollupSchema = z.strictObject({
  type: activityTypeSchema,
  count: propertyNameSchema,
  first: propertyNameSchema.optional(),
  last: propertyNameSchema.optional(),
  /** Fixed attributes of every activity of this rollup, like `page_view[url=/pricing].count` in a CSV. */
  attributes: z.record(attributeNameSchema, z.string()).optional(),
  /** Attributes of the most recent activity only, read from properties (HubSpot: the last page seen's URL). */
  lastAttributes: z.record(attributeNameSchema, propertyNameSchema).optional(),
});
export type Rollup = z.infer<typeof rollupSchema>;

const whenValueSchema = z.union([z.string(), z.number(), z.boolean()]);

/** An engagement record (an email, a meeting, a Salesforce Task) that matches `when` becomes one activity. */
export const engagementMappingSchema = z.strictObject({
  type: activityTypeSchema,
  at: propertyNameSchema,
  /** Only engagements whose properties hold these values (or one of a list) become activities. */
  when: z.record(propertyNameSchema, z.union([whenValueSchema, z.array(whenValueSchema).min(1)])).optional(),
  /** Activity attribute ← engagement property. */
  attributes: z.record(attributeNameSchema, propertyNameSchema).optional(),
});
export type EngagementMapping = z.infer<typeof engagementMappingSchema>;

const engagementListSchema = z
  .array(engagementMappingSchema)
  .min(1, { error: 'an empty list: give at least one mapping, or leave the object out' });

/**
 * An object's engagement mappings: one, or a list. Every entry whose `when` matches makes an activity
 * (all-match, not first-match), so one campaign membership can be both a webinar_registration and a
 * webinar_attended. Parsed as a list either way.
 */
export const engagementMappingsSchema = z
  .custom<z.input<typeof engagementMappingSchema> | z.input<typeof engagementMappingSchema>[]>()
  .transform((value, ctx): EngagementMapping[] => {
    // Not a z.union: its error for a mapping with a typo in it would be "expected array".
    if (typeof value !== 'object' || value === null) {
      ctx.issues.push({
        code: 'custom',
        message: 'expected an engagement mapping or a list of them',
        input: value,
      });
      return z.NEVER;
    }
    const parsed = engagementListSchema.safeParse(Array.isArray(value) ? value : [value]);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const path = Array.isArray(value) ? issue.path : issue.path.slice(1);
      ctx.issues.push({ ...issue, path, input: value } as z.core.$ZodRawIssue);
    }
    return z.NEVER;
  });

/** The score values leadscore writes, each to its own property; `group` is HubSpot's property group. */
export const SCORE_VALUE_KEYS = [
  'score',
  'fit',
  'engagement',
  'grade',
  'status',
  'reasons',
  'model',
  'scoredAt',
  'predictive',
] as const;
export type ScoreValueKey = (typeof SCORE_VALUE_KEYS)[number];

export const scorePropertiesSchema = z
  .strictObject({
    group: propertyNameSchema.optional(),
    groupLabel: z.string().min(1).optional(),
    score: propertyNameSchema,
    fit: propertyNameSchema,
    engagement: propertyNameSchema,
    grade: propertyNameSchema,
    status: propertyNameSchema,
    reasons: propertyNameSchema,
    model: propertyNameSchema,
    scoredAt: propertyNameSchema,
    predictive: propertyNameSchema.optional(),
  })
  .superRefine((properties, ctx) => {
    const seen = new Map<string, ScoreValueKey>();
    for (const key of SCORE_VALUE_KEYS) {
      const name = properties[key];
      if (name === undefined) continue;
      const earlier = seen.get(name);
      if (earlier) {
        const message = `${name} already holds ${earlier}; every score value needs its own property`;
        ctx.addIssue({ code: 'custom', path: [key], message });
      } else seen.set(name, key);
    }
  });
export type ScoreProperties = z.infer<typeof scorePropertiesSchema>;

export const MAPPED_CRMS = ['hubspot', 'salesforce'] as const;

export const mappingSchema = z
  .strictObject({
    crm: z.enum(MAPPED_CRMS),
    object: objectTypeSchema,
    fields: fieldsSchema,
    /** lead.custom[name] ← CRM property; models read them as `custom.NAME`. */
    custom: z.record(z.string().min(1), propertyNameSchema).default({}),
    rollups: z.array(rollupSchema).default([]),
    engagements: z.record(objectTypeSchema, engagementMappingsSchema).default({}),
    scoreProperties: scorePropertiesSchema,
  })
  .superRefine((mapping, ctx) => {
    // HubSpot creates properties inside a group; Salesforce fields have none.
    if (mapping.crm !== 'hubspot') return;
    for (const key of ['group', 'groupLabel'] as const) {
      if (mapping.scoreProperties[key] === undefined) {
        const message = `required for hubspot: setup creates the score properties in this property group`;
        ctx.addIssue({ code: 'custom', path: ['scoreProperties', key], message });
      }
    }
  });
export type Mapping = z.infer<typeof mappingSchema>;
