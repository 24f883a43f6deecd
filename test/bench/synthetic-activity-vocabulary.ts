/** What the activities of the synthetic leads are made of: their mix, pages, assets, forms, webinars and campaigns. */
import type { ActivityType } from '../../src/model/activity.js';
import type { Weighted } from './synthetic-random.js';

export const ACTIVITY_MIX: Weighted<ActivityType> = [
  ['page_view', 40],
  ['email_open', 14],
  ['email_click', 8],
  ['content_download', 5],
  ['form_submission', 3],
  ['newsletter_signup', 1.5],
  ['webinar_registration', 2.5],
  ['webinar_attended', 1.5],
  ['demo_request', 0.6],
  ['quote_request', 0.3],
  ['email_reply', 1.5],
  ['email_bounce', 0.4],
  ['unsubscribe', 0.3],
  ['meeting', 1],
  ['call', 1.4],
  ['ad_click', 5],
  ['social_engagement', 4],
];
export const BLOG_SLUGS = [
  'what-is-lead-scoring',
  'mql-vs-sql',
  'hubspot-vs-salesforce-scoring',
  'decay-explained',
  'b2b-intent-signals',
  'scoring-model-template',
  'pricing-page-conversion',
  'marketing-ops-checklist',
  'abm-playbook',
  'lead-grading-101',
];
export const BLOG = '/blog/';
export const PAGES: Weighted<string> = [
  ['/', 8],
  ['/pricing', 6],
  ['/pricing?plan=team', 1],
  ['/pricing/enterprise', 1],
  ['/pricing-calculator-old', 0.3], // does not count as the pricing page
  ['/product', 4],
  ['/features', 2],
  ['/features/decay', 1],
  ['/integrations/hubspot', 1.5],
  ['/integrations/salesforce#setup', 1],
  ['/about', 2],
  ['/careers', 1.5],
  ['/docs/getting-started', 2],
  ['/customers', 1.5],
  [BLOG, 14], // followed by one of BLOG_SLUGS
];
export const ASSETS: readonly (readonly [string, string])[] = [
  ['State of Lead Scoring 2026', 'whitepaper'],
  ['The MQL Handbook', 'ebook'],
  ['How Acme doubled pipeline', 'case_study'],
  ['Benchmark report: B2B conversion', 'report'],
  ['Scoring model template', 'template'],
  ['Intent data guide', 'guide'],
  ['ROI of lead scoring', 'whitepaper'],
  ['Globex case study', 'case_study'],
];
export const FORMS = [
  'contact-us',
  'trial-signup',
  'newsletter',
  'event-registration',
  'partner-application',
];
export const WEBINARS = ['scoring-101', 'decay-deep-dive', 'revops-roundtable', 'hubspot-integration-live'];
export const CAMPAIGNS = [
  'nurture-week-1',
  'nurture-week-2',
  'product-update-june',
  'webinar-invite',
  'customer-stories',
];
