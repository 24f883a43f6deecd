import { z } from 'zod';
import { activitySchema } from './activity.js';
import type { Activity } from './activity.js';

export const CRMS = ['hubspot', 'salesforce', 'file'] as const;
export const crmSchema = z.enum(CRMS);
export type Crm = z.infer<typeof crmSchema>;

export const leadRefSchema = z.object({
  crm: crmSchema,
  object: z.string().min(1),
  id: z.string().min(1),
});
export type LeadRef = z.infer<typeof leadRefSchema>;

/** How each profile field is typed; the input normalisers and the model validator both read this. */
export const PROFILE_FIELD_KINDS = {
  email: 'string',
  firstName: 'string',
  lastName: 'string',
  jobTitle: 'string',
  seniority: 'string',
  department: 'string',
  industry: 'string',
  employees: 'number',
  annualRevenue: 'number',
  country: 'string',
  state: 'string',
  city: 'string',
  leadSource: 'string',
  lifecycleStage: 'string',
  leadStatus: 'string',
  ownerId: 'string',
  budgetAuthority: 'boolean',
  techStack: 'string[]',
  emailBounced: 'boolean',
  unsubscribed: 'boolean',
  createdAt: 'date',
  updatedAt: 'date',
} as const;

export type FieldKind = 'string' | 'number' | 'boolean' | 'date' | 'string[]' | 'unknown';
export type ProfileField = keyof typeof PROFILE_FIELD_KINDS;
export const PROFILE_FIELDS = Object.keys(PROFILE_FIELD_KINDS) as ProfileField[];

export interface LeadProfile {
  email?: string;
  firstName?: string;
  lastName?: string;
  jobTitle?: string;
  seniority?: string;
  department?: string;
  industry?: string;
  employees?: number;
  annualRevenue?: number;
  country?: string;
  state?: string;
  city?: string;
  leadSource?: string;
  lifecycleStage?: string;
  leadStatus?: string;
  ownerId?: string;
  budgetAuthority?: boolean;
  techStack?: string[];
  emailBounced?: boolean;
  unsubscribed?: boolean;
  createdAt?: Date;
  updatedAt?: Date;
  /** Fields a user maps in from the CRM that the canonical lead does not name. */
  custom?: Record<string, unknown>;
}

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];
/** What the scoring engine decides from the score and the acceptance criteria alone. */
export const SCORE_STATUSES = ['mql', 'nurture', 'disqualified'] as const;
export type ScoreStatus = (typeof SCORE_STATUSES)[number];
/** What a sync writes to the CRM: the engine's status, or sales' decision read back from the CRM. */
export const STATUSES = [...SCORE_STATUSES, 'sales_accepted', 'sales_rejected'] as const;
export type Status = (typeof STATUSES)[number];

/** What leadscore writes back to the CRM (and reads back to diff against). */
export const scoreFieldsSchema = z.object({
  score: z.number(),
  fit: z.number(),
  engagement: z.number(),
  grade: z.enum(GRADES),
  status: z.enum(STATUSES),
  reasons: z.string(),
  model: z.string(),
  scoredAt: z.date(),
  /** 0–100 from a trained predictive model, when one is configured. */
  predictive: z.number().optional(),
});
export type ScoreFields = z.infer<typeof scoreFieldsSchema>;

export interface Lead extends LeadProfile {
  ref: LeadRef;
  activities: Activity[];
  current?: Partial<ScoreFields>;
}

const optionalString = z.string().optional();
const optionalDate = z.date().optional();
const optionalBoolean = z.boolean().optional();
const optionalNumber = z.number().finite().optional();

/** Strict shape of a canonical lead, for code that builds leads itself (connectors, tests). */
export const leadSchema = z.object({
  ref: leadRefSchema,
  email: optionalString,
  firstName: optionalString,
  lastName: optionalString,
  jobTitle: optionalString,
  seniority: optionalString,
  department: optionalString,
  industry: optionalString,
  employees: optionalNumber,
  annualRevenue: optionalNumber,
  country: optionalString,
  state: optionalString,
  city: optionalString,
  leadSource: optionalString,
  lifecycleStage: optionalString,
  leadStatus: optionalString,
  ownerId: optionalString,
  budgetAuthority: optionalBoolean,
  techStack: z.array(z.string()).optional(),
  emailBounced: optionalBoolean,
  unsubscribed: optionalBoolean,
  createdAt: optionalDate,
  updatedAt: optionalDate,
  custom: z.record(z.string(), z.unknown()).optional(),
  activities: z.array(activitySchema),
  current: scoreFieldsSchema.partial().optional(),
});
