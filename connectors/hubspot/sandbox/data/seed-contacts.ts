import type { Prng } from '../../../sandbox-kit/prng.js';
import {
  EMPLOYEE_RANGES,
  LEAD_STATUS_WEIGHTS,
  LIFECYCLE_STAGE_WEIGHTS,
  OWNER_IDS,
  SENIORITIES,
} from './contact-options.js';
import type { CrmRecord } from './records.js';
import { COMPANIES, FIRST_NAMES, INDUSTRIES, LAST_NAMES, PAGES, PLACES, TITLES } from './seed-vocabulary.js';

const DAY_MS = 86_400_000;
const REVENUE_BY_RANGE: Record<string, readonly [number, number]> = {
  '1-5': [50_000, 500_000],
  '5-25': [300_000, 3_000_000],
  '25-50': [2_000_000, 10_000_000],
  '50-100': [5_000_000, 25_000_000],
  '100-500': [20_000_000, 120_000_000],
  '500-1000': [80_000_000, 400_000_000],
  '1000+': [300_000_000, 5_000_000_000],
};

/** A time between two instants, as HubSpot's API shows datetimes: an ISO string with milliseconds. */
function between(prng: Prng, fromMs: number, toMs: number): number {
  return fromMs + Math.floor(prng.next() * Math.max(0, toMs - fromMs));
}
const iso = (ms: number) => new Date(ms).toISOString();

/** One realistic contact; every value is text in HubSpot's formats (datetimes ISO, counts as digits). */
export function seedContact(prng: Prng, id: string, index: number, nowMs: number): CrmRecord {
  const first = prng.pick(FIRST_NAMES);
  const last = prng.pick(LAST_NAMES);
  const [, domain] = prng.pick(COMPANIES);
  const seniority = prng.pick(SENIORITIES);
  const employees = prng.pick(EMPLOYEE_RANGES);
  const [country, state, city] = prng.pick(PLACES);
  const created = nowMs - prng.int(1, 730) * DAY_MS - prng.int(0, DAY_MS - 1);
  const local = `${first}.${last}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '');
  const [minRevenue, maxRevenue] = REVENUE_BY_RANGE[employees] ?? [0, 0];

  const p: Record<string, string> = {
    email: `${local}${index}@${domain}`,
    firstname: first,
    lastname: last,
    jobtitle: prng.pick(TITLES[seniority] ?? ['Employee']),
    industry: prng.pick(INDUSTRIES),
    annualrevenue: String(Math.round(prng.int(minRevenue, maxRevenue) / 1000) * 1000),
    country,
    state,
    city,
    lifecyclestage: weighted(prng, LIFECYCLE_STAGE_WEIGHTS),
    hs_email_optout: prng.chance(0.08) ? 'true' : 'false',
    createdate: iso(created),
    hs_object_id: id,
  };
  const leadStatus = weighted(prng, LEAD_STATUS_WEIGHTS);
  if (leadStatus !== null) p.hs_lead_status = leadStatus;
  if (prng.chance(0.85)) p.hs_seniority = seniority;
  if (prng.chance(0.9)) p.numemployees = employees;
  if (prng.chance(0.8)) p.hubspot_owner_id = prng.pick(OWNER_IDS);
  Object.assign(
    p,
    analytics(prng, created, nowMs),
    emailActivity(prng, created, nowMs),
    conversions(prng, created, nowMs),
  );

  const modified = between(prng, created, nowMs);
  p.lastmodifieddate = iso(modified);
  return { id, properties: p, createdAt: iso(created), updatedAt: iso(modified), archived: false };
}

function analytics(prng: Prng, created: number, now: number): Record<string, string> {
  const views = prng.chance(0.3) ? 0 : prng.int(1, 120);
  if (views === 0) return { hs_analytics_num_page_views: '0' };
  const firstVisit = between(prng, created - 30 * DAY_MS, created);
  return {
    hs_analytics_num_page_views: String(views),
    hs_analytics_first_visit_timestamp: iso(firstVisit),
    hs_analytics_last_visit_timestamp: iso(between(prng, firstVisit, now)),
    hs_analytics_last_url: `https://www.leadscore.example${prng.pick(PAGES)}`,
  };
}

function emailActivity(prng: Prng, created: number, now: number): Record<string, string> {
  const out: Record<string, string> = {};
  const opens = prng.int(0, 25);
  const clicks = opens === 0 ? 0 : prng.int(0, Math.ceil(opens / 3));
  const replies = opens === 0 ? 0 : prng.int(0, 2);
  const bounces = prng.chance(0.05) ? 1 : 0;
  const lastSend = between(prng, created, now);
  out.hs_email_open = String(opens);
  out.hs_email_click = String(clicks);
  out.hs_email_replied = String(replies);
  out.hs_email_bounce = String(bounces);
  if (opens + bounces > 0) out.hs_email_last_send_date = iso(lastSend);
  if (opens > 0) out.hs_email_last_open_date = iso(between(prng, created, lastSend));
  if (clicks > 0) out.hs_email_last_click_date = iso(between(prng, created, lastSend));
  if (replies > 0) out.hs_email_last_reply_date = iso(between(prng, created, now));
  return out;
}

function conversions(prng: Prng, created: number, now: number): Record<string, string> {
  const count = prng.chance(0.4) ? 0 : prng.int(1, 6);
  if (count === 0) return { num_conversion_events: '0' };
  const firstAt = between(prng, created, now);
  return {
    num_conversion_events: String(count),
    first_conversion_date: iso(firstAt),
    recent_conversion_date: iso(count === 1 ? firstAt : between(prng, firstAt, now)),
  };
}

function weighted<T>(prng: Prng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = prng.next() * total;
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return table[table.length - 1]![0];
}
