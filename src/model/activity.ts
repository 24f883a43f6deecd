import { z } from 'zod';

/** The engagement vocabulary every connector maps its CRM's events onto. */
export const ACTIVITY_TYPES = [
  'page_view',
  'form_submission',
  'newsletter_signup',
  'content_download',
  'webinar_registration',
  'webinar_attended',
  'demo_request',
  'quote_request',
  'email_open',
  'email_click',
  'email_reply',
  'email_bounce',
  'unsubscribe',
  'meeting',
  'call',
  'ad_click',
  'social_engagement',
] as const;

export const activityTypeSchema = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof activityTypeSchema>;

const ACTIVITY_TYPE_SET: ReadonlySet<string> = new Set(ACTIVITY_TYPES);
export function isActivityType(value: string): value is ActivityType {
  return ACTIVITY_TYPE_SET.has(value);
}

/** Documented attributes; any other attribute is kept and can be filtered on too. */
export const CONTENT_ASSET_TYPES = [
  'whitepaper',
  'ebook',
  'case_study',
  'report',
  'guide',
  'video',
  'template',
];

export interface Activity {
  type: ActivityType;
  at: Date;
  url?: string;
  form?: string;
  asset?: string;
  assetType?: string;
  [attribute: string]: unknown;
}

/** Strict shape of a canonical activity, used where data is already normalised (connectors, tests). */
export const activitySchema = z
  .object({
    type: activityTypeSchema,
    at: z.date(),
    url: z.string().optional(),
    form: z.string().optional(),
    asset: z.string().optional(),
    assetType: z.string().optional(),
  })
  .catchall(z.unknown());
