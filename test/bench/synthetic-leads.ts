/**
 * Deterministic synthetic leads for the benchmarks: the same seed always gives the same leads,
 * whether they are generated in memory (`syntheticLeads`) or written as canonical JSONL
 * (`writeSyntheticLeadsJsonl`). The mix is meant to look like a real B2B marketing database:
 * mostly individual contributors and managers, some decision-makers, a few students and interns,
 * target and non-target industries, free-mail and competitor addresses, and activity histories
 * where a minority of leads shows buying intent (pricing page, demo requests, sales calls).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Activity, ActivityType } from '../../src/model/activity.js';
import type { Lead } from '../../src/model/lead.js';

export const DEFAULT_NOW = new Date('2026-07-01T00:00:00.000Z');
export const DEFAULT_SEED = 20_260_701;
export const DEFAULT_ACTIVITIES_PER_LEAD = 20;
const DAY_MS = 86_400_000;
/** Activities are spread over this many days before `now`. */
const HISTORY_DAYS = 180;

export interface SyntheticLeadOptions {
  /** Exactly this many activities per lead (default 20). */
  activitiesPerLead?: number;
  seed?: number;
  /** Every activity and creation date lies before this instant. */
  now?: Date;
  /** First lead number (ids are `lead-<n>`); the PRNG is still seeded from `seed` alone. */
  firstId?: number;
}

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for test data, and reproducible everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;
type Weighted<T> = readonly (readonly [T, number])[];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Picks from `[value, weight]` pairs; weights need not sum to 1. */
function weighted<T>(table: Weighted<T>): (random: Random) => T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  const cumulative = table.map(([, w]) => w);
  for (let i = 1; i < cumulative.length; i++) cumulative[i]! += cumulative[i - 1]!;
  return (random) => {
    const r = random() * total;
    for (let i = 0; i < cumulative.length; i++) if (r < cumulative[i]!) return table[i]![0];
    return table[table.length - 1]![0];
  };
}

const FIRST_NAMES = [
  'Anna',
  'Ben',
  'Chloé',
  'David',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'James',
  'Kavya',
  'Lars',
  'Maria',
  'Noah',
  'Olivia',
  'Pedro',
  'Quinn',
  'Rosa',
  'Sven',
  'Tara',
  'Uma',
  'Victor',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zoe',
];
const LAST_NAMES = [
  'Andersen',
  'Brown',
  'Costa',
  'Dubois',
  'Evans',
  'Fischer',
  'García',
  'Hansen',
  'Ito',
  'Jones',
  'Kowalski',
  'López',
  'Müller',
  'Nakamura',
  "O'Brien",
  'Patel',
  'Rossi',
  'Schmidt',
  'Smith',
  'Tanaka',
  'Van Dijk',
  'Williams',
  'Yilmaz',
  'Zhang',
];

/** [jobTitle, seniority as a CRM would hold it (sometimes blank), department]. */
type Role = readonly [string, string | undefined, string];
const ROLES: Weighted<Role> = [
  // Decision-makers (about 15 %): title, seniority or both say so.
  [['Chief Marketing Officer', 'c_level', 'marketing'], 1],
  [['CEO', 'c_level', 'executive'], 1],
  [['CRO', 'C_Level', 'sales'], 0.5],
  [['VP Marketing', 'vp', 'marketing'], 1.5],
  [['Vice President, Sales', 'VP ', 'sales'], 1],
  [['Director of Demand Generation', 'director', 'marketing'], 2],
  [['Sales Director EMEA', undefined, 'sales'], 1],
  [['Head of Growth', undefined, 'marketing'], 1.5],
  [['Co-Founder', 'founder', 'executive'], 1],
  [['Owner', 'owner', 'executive'], 0.5],
  [['Managing Partner', 'partner', 'executive'], 0.5],
  // Managers and individual contributors (about 75 %).
  [['Marketing Manager', 'manager', 'marketing'], 8],
  [['Marketing Operations Manager', 'manager', 'marketing'], 5],
  [['Sales Manager', 'Manager', 'sales'], 5],
  [['Account Executive', 'individual_contributor', 'sales'], 7],
  [['Sales Development Representative', 'individual_contributor', 'sales'], 7],
  [['Marketing Specialist', 'individual_contributor', 'marketing'], 6],
  [['Content Marketer', undefined, 'marketing'], 4],
  [['RevOps Analyst', 'individual_contributor', 'operations'], 4],
  [['Salesforce Administrator', 'individual_contributor', 'operations'], 3],
  [['Software Engineer', 'individual_contributor', 'engineering'], 5],
  [['Product Manager', 'manager', 'product'], 3],
  [['Customer Success Manager', 'manager', 'customer success'], 3],
  [['Consultant', undefined, 'consulting'], 3],
  [['Directory Services Engineer', 'individual_contributor', 'it'], 0.5], // "director" inside a word
  [['', undefined, ''], 4], // title never filled in
  // Students and interns (about 5 %).
  [['Marketing Intern', 'intern', 'marketing'], 2],
  [['MBA Student', 'student', 'education'], 1.5],
  [['Graduate Trainee', 'entry', 'sales'], 1],
  [['Summer Internship - Sales', undefined, 'sales'], 0.5],
];

const INDUSTRIES: Weighted<string | undefined> = [
  // Target industries (about 45 %), spelled the ways CRMs spell them.
  ['Software', 10],
  ['SaaS', 6],
  ['Computer Software', 6],
  ['Information Technology', 6],
  ['internet', 3],
  ['Financial Services', 6],
  ['FinTech', 3],
  ['Marketing and Advertising', 5],
  // Others.
  ['Retail', 6],
  ['Healthcare', 6],
  ['Manufacturing', 7],
  ['Education', 5],
  ['Construction', 3],
  ['Government', 2],
  ['Non-profit', 2],
  ['Hospitality', 3],
  ['Logistics', 3],
  ['Real Estate', 3],
  ['Telecommunications', 3],
  [undefined, 8],
];

const COUNTRIES: Weighted<string | undefined> = [
  ['US', 14],
  ['United States', 8],
  ['USA', 4],
  ['Canada', 4],
  ['CA', 2],
  ['GB', 4],
  ['United Kingdom', 4],
  ['UK', 2],
  ['Ireland', 1],
  ['Germany', 5],
  ['DE', 2],
  ['France', 4],
  ['Netherlands', 3],
  ['Sweden', 2],
  ['Denmark', 1],
  ['Australia', 3],
  ['India', 7],
  ['Brazil', 4],
  ['Japan', 3],
  ['Spain', 3],
  ['Italy', 3],
  ['Singapore', 2],
  ['Mexico', 2],
  ['South Africa', 1],
  [undefined, 8],
];

const FREE_MAIL = [
  'gmail.com',
  'Gmail.com',
  'yahoo.com',
  'outlook.com',
  'hotmail.com',
  'icloud.com',
  'gmx.de',
  'web.de',
  'proton.me',
];
const COMPETITORS = ['rival-scoring.com', 'leadrank.io', 'LeadRank.io'];
const COMPANY_WORDS = [
  'acme',
  'globex',
  'initech',
  'umbrella',
  'stark',
  'wayne',
  'hooli',
  'vandelay',
  'soylent',
  'tyrell',
  'cyberdyne',
  'aperture',
  'monarch',
  'oscorp',
  'wonka',
  'nakatomi',
  'gringotts',
  'duff',
  'pied-piper',
  'massive',
];
const COMPANY_SUFFIXES = ['.com', '.io', '.co', '.de', '.co.uk', '.fr', '.nl', '.com.au', '.net', '.ai'];

const TECH: readonly string[] = [
  'HubSpot',
  'salesforce',
  'Salesforce',
  'pardot',
  'Marketo',
  'slack',
  'jira',
  'zendesk',
  'shopify',
  'wordpress',
  'google analytics',
  'segment',
  'intercom',
  'stripe',
  'snowflake',
  'outreach',
  'gong',
];

const LEAD_SOURCES = [
  'organic_search',
  'paid_search',
  'paid_social',
  'referral',
  'event',
  'webinar',
  'direct',
  'partner',
];
const LIFECYCLE = [
  'subscriber',
  'lead',
  'lead',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
];
const CITIES = [
  'Boston',
  'Austin',
  'Toronto',
  'London',
  'Dublin',
  'Berlin',
  'Munich',
  'Paris',
  'Amsterdam',
  'Stockholm',
  'Sydney',
  'Bangalore',
  'São Paulo',
  'Tokyo',
];

const ACTIVITY_MIX: Weighted<ActivityType> = [
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
const BLOG_SLUGS = [
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
const BLOG = '/blog/';
const PAGES: Weighted<string> = [
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
const ASSETS: readonly (readonly [string, string])[] = [
  ['State of Lead Scoring 2026', 'whitepaper'],
  ['The MQL Handbook', 'ebook'],
  ['How Acme doubled pipeline', 'case_study'],
  ['Benchmark report: B2B conversion', 'report'],
  ['Scoring model template', 'template'],
  ['Intent data guide', 'guide'],
  ['ROI of lead scoring', 'whitepaper'],
  ['Globex case study', 'case_study'],
];
const FORMS = ['contact-us', 'trial-signup', 'newsletter', 'event-registration', 'partner-application'];
const WEBINARS = ['scoring-101', 'decay-deep-dive', 'revops-roundtable', 'hubspot-integration-live'];
const CAMPAIGNS = [
  'nurture-week-1',
  'nurture-week-2',
  'product-update-june',
  'webinar-invite',
  'customer-stories',
];

const pickRole = weighted(ROLES);
const pickIndustry = weighted(INDUSTRIES);
const pickCountry = weighted(COUNTRIES);
const pickActivityType = weighted(ACTIVITY_MIX);
const pickPage = weighted(PAGES);

function emailFor(random: Random, first: string, last: string): string | undefined {
  const local = `${first}.${last}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '');
  const r = random();
  if (r < 0.03) return undefined;
  if (r < 0.18) return `${local}${Math.floor(random() * 100)}@${pick(random, FREE_MAIL)}`;
  if (r < 0.19) return `${local}@${pick(random, COMPETITORS)}`;
  const domain = `${pick(random, COMPANY_WORDS)}${r < 0.6 ? '' : Math.floor(random() * 500)}${pick(random, COMPANY_SUFFIXES)}`;
  return r < 0.21 ? `${first}.${last}@${domain.toUpperCase()}` : `${local}@${domain}`;
}

function employeesFor(random: Random): number | undefined {
  if (random() < 0.1) return undefined;
  // Log-uniform between 1 and 100,000: many small companies, a long tail of large ones.
  return Math.max(1, Math.round(Math.pow(10, random() * 5)));
}

function techStackFor(random: Random): string[] | undefined {
  if (random() < 0.3) return undefined;
  const size = Math.floor(random() * 5);
  const stack: string[] = [];
  for (let i = 0; i < size; i++) {
    const tool = pick(random, TECH);
    if (!stack.includes(tool)) stack.push(tool);
  }
  return stack;
}

function activityAt(random: Random, type: ActivityType, at: Date): Activity {
  switch (type) {
    case 'page_view': {
      const page = pickPage(random);
      return { type, at, url: page === BLOG ? BLOG + pick(random, BLOG_SLUGS) : page };
    }
    case 'content_download': {
      const [asset, assetType] = pick(random, ASSETS);
      return { type, at, asset, assetType };
    }
    case 'form_submission':
      return { type, at, form: pick(random, FORMS) };
    case 'newsletter_signup':
      return { type, at, form: 'newsletter' };
    case 'webinar_registration':
    case 'webinar_attended':
      return { type, at, webinar: pick(random, WEBINARS) };
    case 'email_open':
    case 'email_click':
    case 'email_reply':
    case 'email_bounce':
    case 'unsubscribe':
      return { type, at, campaign: pick(random, CAMPAIGNS) };
    case 'ad_click':
      return {
        type,
        at,
        campaign: pick(random, CAMPAIGNS),
        channel: pick(random, ['linkedin', 'google', 'meta']),
      };
    case 'social_engagement':
      return { type, at, channel: pick(random, ['linkedin', 'x', 'youtube']) };
    case 'meeting':
    case 'call':
      return { type, at, outcome: pick(random, ['connected', 'connected', 'voicemail', 'no_show']) };
    default:
      return { type, at };
  }
}

/** Exactly `count` activities between `HISTORY_DAYS` ago and the lead's most recent day of activity, oldest first. */
function activitiesFor(random: Random, count: number, nowMs: number): Activity[] {
  // A quarter of the leads were active in the last week, most within two months, some have gone quiet.
  const r = random();
  const recentDays = r < 0.25 ? random() * 7 : r < 0.75 ? random() * 60 : 30 + random() * 120;
  const spanDays = HISTORY_DAYS - recentDays;
  // Intent varies by lead: hot leads look at pricing, ask for demos and talk to sales more often.
  const hot = random() < 0.1;
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(nowMs - (recentDays + random() * spanDays) * DAY_MS);
  times.sort((a, b) => a - b);
  const activities: Activity[] = [];
  for (let i = 0; i < count; i++) {
    let type = pickActivityType(random);
    if (hot && type === 'email_open' && random() < 0.5)
      type = pick(random, ['demo_request', 'meeting', 'call', 'webinar_attended'] as const);
    const activity = activityAt(random, type, new Date(Math.round(times[i]!)));
    if (hot && type === 'page_view' && random() < 0.3) activity.url = '/pricing';
    activities.push(activity);
  }
  return activities;
}

function leadFor(random: Random, id: number, activitiesPerLead: number, nowMs: number): Lead {
  const firstName = pick(random, FIRST_NAMES);
  const lastName = pick(random, LAST_NAMES);
  const [jobTitle, seniority, department] = pickRole(random);
  // `activities` is set last so that the JSONL line lists the profile first, as a CRM export would.
  const lead = { ref: { crm: 'file', object: 'lead', id: `lead-${id}` } } as Lead;
  const email = emailFor(random, firstName, lastName);
  if (email !== undefined) lead.email = email;
  lead.firstName = firstName;
  lead.lastName = lastName;
  if (jobTitle) lead.jobTitle = jobTitle;
  if (seniority !== undefined) lead.seniority = seniority;
  if (department) lead.department = department;
  const industry = pickIndustry(random);
  if (industry !== undefined) lead.industry = industry;
  const employees = employeesFor(random);
  if (employees !== undefined) lead.employees = employees;
  if (employees !== undefined && random() < 0.5)
    lead.annualRevenue = employees * Math.round(50_000 + random() * 250_000);
  const country = pickCountry(random);
  if (country !== undefined) lead.country = country;
  if (random() < 0.6) lead.city = pick(random, CITIES);
  lead.leadSource = pick(random, LEAD_SOURCES);
  lead.lifecycleStage = pick(random, LIFECYCLE);
  const budget = random();
  if (budget < 0.25) lead.budgetAuthority = true;
  else if (budget < 0.4) lead.budgetAuthority = false;
  const techStack = techStackFor(random);
  if (techStack !== undefined) lead.techStack = techStack;
  const flags = random();
  if (flags < 0.02) lead.emailBounced = true;
  else if (flags < 0.5) lead.emailBounced = false;
  if (random() < 0.03) lead.unsubscribed = true;
  lead.createdAt = new Date(Math.round(nowMs - (HISTORY_DAYS + random() * 540) * DAY_MS));
  lead.activities = activitiesFor(random, activitiesPerLead, nowMs);
  return lead;
}

/** Yields `count` synthetic leads; the same options always give the same leads. */
export function* syntheticLeads(count: number, options: SyntheticLeadOptions = {}): Generator<Lead> {
  const random = mulberry32(options.seed ?? DEFAULT_SEED);
  const activitiesPerLead = options.activitiesPerLead ?? DEFAULT_ACTIVITIES_PER_LEAD;
  const nowMs = (options.now ?? DEFAULT_NOW).getTime();
  const firstId = options.firstId ?? 1;
  for (let i = 0; i < count; i++) yield leadFor(random, firstId + i, activitiesPerLead, nowMs);
}

/** One canonical JSONL line (no newline): dates become ISO-8601 strings through Date#toJSON. */
export function toJsonLine(lead: Lead): string {
  return JSON.stringify(lead);
}

/** Writes the same leads as `syntheticLeads` to `file`, one JSON object per line. Returns the bytes written. */
export function writeSyntheticLeadsJsonl(
  file: string,
  count: number,
  options: SyntheticLeadOptions = {},
  onProgress?: (written: number) => void,
): { leads: number; bytes: number } {
  const fd = openSync(file, 'w');
  let bytes = 0;
  let written = 0;
  let batch: string[] = [];
  const flush = () => {
    const text = batch.join('');
    batch = [];
    let buffer = Buffer.from(text, 'utf8');
    bytes += buffer.length;
    while (buffer.length > 0) buffer = buffer.subarray(writeSync(fd, buffer));
  };
  try {
    for (const lead of syntheticLeads(count, options)) {
      batch.push(toJsonLine(lead), '\n');
      written++;
      if (batch.length >= 2_000) {
        flush();
        onProgress?.(written);
      }
    }
    flush();
    onProgress?.(written);
  } finally {
    closeSync(fd);
  }
  return { leads: written, bytes };
}
