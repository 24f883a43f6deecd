/** Picklist values: Salesforce's defaults for a new org, plus the campaign types and member statuses leadscore scores. */
export const LEAD_STATUSES = [
  'Open - Not Contacted',
  'Working - Contacted',
  'Closed - Converted',
  'Closed - Not Converted',
] as const;
export const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'] as const;
export const INDUSTRIES = [
  'Agriculture',
  'Apparel',
  'Banking',
  'Biotechnology',
  'Chemicals',
  'Communications',
  'Construction',
  'Consulting',
  'Education',
  'Electronics',
  'Energy',
  'Engineering',
  'Entertainment',
  'Finance',
  'Government',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Manufacturing',
  'Media',
  'Not For Profit',
  'Retail',
  'Technology',
  'Telecommunications',
  'Transportation',
  'Utilities',
  'Other',
] as const;
export const RATINGS = ['Hot', 'Warm', 'Cold'] as const;
export const CAMPAIGN_TYPES = [
  'Webinar',
  'Event',
  'Content',
  'Email',
  'Advertisement',
  'Seminar / Conference',
  'Partners',
  'Other',
] as const;
export const CAMPAIGN_STATUSES = ['Planned', 'In Progress', 'Completed', 'Aborted'] as const;
export const MEMBER_STATUSES = ['Sent', 'Registered', 'Attended', 'Responded'] as const;
export const TASK_TYPES = ['Call', 'Email', 'Meeting', 'Other'] as const;
export const TASK_SUBTYPES = ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'] as const;
export const TASK_STATUSES = [
  'Not Started',
  'In Progress',
  'Completed',
  'Waiting on someone else',
  'Deferred',
] as const;
export const PRIORITIES = ['High', 'Normal', 'Low'] as const;
export const EVENT_TYPES = ['Meeting', 'Call', 'Email', 'Other'] as const;
export const SALUTATIONS = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.'] as const;
/** A new org's opportunity stages; the last two close the opportunity (won, lost). */
export const OPPORTUNITY_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
] as const;
export const CONTACT_ROLES = [
  'Business User',
  'Decision Maker',
  'Economic Buyer',
  'Economic Decision Maker',
  'Evaluator',
  'Executive Sponsor',
  'Influencer',
  'Technical Buyer',
  'Other',
] as const;
/** EmailMessage.Status is stored as a number: 0 New, 1 Read, 2 Replied, 3 Sent, 4 Forwarded, 5 Draft. */
export const EMAIL_STATUSES = ['0', '1', '2', '3', '4', '5'] as const;
export const EMAIL_RELATION_TYPES = ['ToAddress', 'CcAddress', 'BccAddress', 'FromAddress'] as const;
