/**
 * Option values of HubSpot's default enumeration properties used by the seed and the default definitions.
 * hs_lead_status: the eight internal values seen across public integrations (NEW ... BAD_TIMING).
 * lifecyclestage: the eight default stages (changelog "Upcoming: customized lifecycle stages" says 8 defaults).
 * numemployees: HubSpot's contact "Number of Employees" ranges — internal values not confirmed in the docs.
 * hs_seniority: internal values not confirmed in the docs (see the report).
 */
export const LEAD_STATUSES = [
  'NEW',
  'OPEN',
  'IN_PROGRESS',
  'OPEN_DEAL',
  'UNQUALIFIED',
  'ATTEMPTED_TO_CONTACT',
  'CONNECTED',
  'BAD_TIMING',
] as const;

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
  'other',
] as const;

/**
 * How often each value occurs in the seed, like a marketing database: most contacts are subscribers and
 * leads nobody in sales has touched (no lead status), a few are being worked, some are customers.
 */
export const LEAD_STATUS_WEIGHTS: readonly (readonly [(typeof LEAD_STATUSES)[number] | null, number])[] = [
  [null, 55],
  ['NEW', 15],
  ['OPEN', 6],
  ['ATTEMPTED_TO_CONTACT', 6],
  ['IN_PROGRESS', 5],
  ['CONNECTED', 4],
  ['OPEN_DEAL', 2],
  ['UNQUALIFIED', 4],
  ['BAD_TIMING', 3],
];

export const LIFECYCLE_STAGE_WEIGHTS: readonly (readonly [(typeof LIFECYCLE_STAGES)[number], number])[] = [
  ['subscriber', 30],
  ['lead', 45],
  ['marketingqualifiedlead', 6],
  ['salesqualifiedlead', 4],
  ['opportunity', 4],
  ['customer', 9],
  ['evangelist', 1],
  ['other', 1],
];

export const EMPLOYEE_RANGES = ['1-5', '5-25', '25-50', '50-100', '100-500', '500-1000', '1000+'] as const;

export const SENIORITIES = [
  'owner',
  'founder',
  'c_suite',
  'partner',
  'vp',
  'head',
  'director',
  'manager',
  'senior',
  'entry',
  'intern',
] as const;

export const OWNER_IDS = ['70000001', '70000002', '70000003', '70000004', '70000005', '70000006'] as const;

const LABELS: Record<string, string> = {
  NEW: 'New',
  OPEN: 'Open',
  IN_PROGRESS: 'In Progress',
  OPEN_DEAL: 'Open Deal',
  UNQUALIFIED: 'Unqualified',
  ATTEMPTED_TO_CONTACT: 'Attempted to Contact',
  CONNECTED: 'Connected',
  BAD_TIMING: 'Bad Timing',
  subscriber: 'Subscriber',
  lead: 'Lead',
  marketingqualifiedlead: 'Marketing Qualified Lead',
  salesqualifiedlead: 'Sales Qualified Lead',
  opportunity: 'Opportunity',
  customer: 'Customer',
  evangelist: 'Evangelist',
  other: 'Other',
  c_suite: 'C-Suite',
  vp: 'VP',
};

export function optionLabel(value: string): string {
  return LABELS[value] ?? value.charAt(0).toUpperCase() + value.slice(1);
}
