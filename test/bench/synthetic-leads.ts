/**
 * Deterministic synthetic leads for the benchmarks: the same seed always gives the same leads,
 * whether they are generated in memory (`syntheticLeads`) or written as canonical JSONL
 * (`writeSyntheticLeadsJsonl`). The mix is meant to look like a real B2B marketing database:
 * mostly individual contributors and managers, some decision-makers, a few students and interns,
 * target and non-target industries, free-mail and competitor addresses, and activity histories
 * where a minority of leads shows buying intent (pricing page, demo requests, sales calls).
 * This file makes the leads and writes them; the tables they draw from are in
 * synthetic-profile-vocabulary.ts and synthetic-activity-vocabulary.ts.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Lead } from '../../src/model/lead.js';
import { activitiesFor, DAY_MS, HISTORY_DAYS } from './synthetic-activities.js';
import {
  CITIES,
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  COMPETITORS,
  COUNTRIES,
  FIRST_NAMES,
  FREE_MAIL,
  INDUSTRIES,
  LAST_NAMES,
  LEAD_SOURCES,
  LIFECYCLE,
  ROLES,
  TECH,
} from './synthetic-profile-vocabulary.js';
import { mulberry32, pick, weighted } from './synthetic-random.js';
import type { Random } from './synthetic-random.js';

export { mulberry32 };

export const DEFAULT_NOW = new Date('2026-07-01T00:00:00.000Z');
export const DEFAULT_SEED = 20_260_701;
export const DEFAULT_ACTIVITIES_PER_LEAD = 20;

export interface SyntheticLeadOptions {
  /** Exactly this many activities per lead (default 20). */
  activitiesPerLead?: number;
  seed?: number;
  /** Every activity and creation date lies before this instant. */
  now?: Date;
  /** First lead number (ids are `lead-<n>`); the PRNG is still seeded from `seed` alone. */
  firstId?: number;
}

const pickRole = weighted(ROLES);
const pickIndustry = weighted(INDUSTRIES);
const pickCountry = weighted(COUNTRIES);

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
