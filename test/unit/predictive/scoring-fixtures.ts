/**
 * Generated data for the scoring tests: models trained on clean rows and leads, and messy rows and leads to
 * score with them (missing values written many ways, unseen and rare levels, numbers as text and as
 * numbers, many distinct texts, texts alike in all but a few characters).
 */
import { cleanText } from '../../../src/input/parsed.js';
import type { ActivityType } from '../../../src/model/activity.js';
import type { Lead } from '../../../src/model/lead.js';
import type { DataTable } from '../../../src/predictive/data-table.js';
import type { LeadRecord } from '../../../src/predictive/lead-records.js';
import { leadsToTable } from '../../../src/predictive/lead-rows.js';
import type { PredictiveModel } from '../../../src/predictive/model-artifact.js';
import { seededRandom } from '../../../src/predictive/random.js';
import { withOutcomes } from '../../../src/predictive/read-training-data.js';
import { trainPredictive } from '../../../src/predictive/train-model.js';

export const AS_OF = new Date('2026-06-01T00:00:00Z');
const DAY_MS = 86_400_000;

type Random = () => number;
const pick = <T>(random: Random, values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

const TIERS = ['high', 'mid', 'low'];
/** Skewed: the later sources are rare, grouped into (other) when a model is trained. */
const SOURCES = Array.from({ length: 60 }, (_, k) => `source ${k}`);
const MISSING = [undefined, '', '  ', 'n/a', 'NULL', '-', null];

function source(random: Random): string {
  return SOURCES[Math.floor(random() ** 4 * SOURCES.length)]!;
}

/** Rows as a CSV file gives them, with a `converted` outcome: what a model is trained on. */
export function cleanRows(count: number, seed: number): Array<Record<string, string | undefined>> {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const visits = Math.floor(random() * 20);
    const tier = random() < 0.05 ? undefined : pick(random, TIERS);
    const logit = -1 + 0.15 * visits + (tier === 'high' ? 1 : tier === 'low' ? -1 : 0);
    return {
      visits: random() < 0.1 ? undefined : String(visits),
      spend: (random() * 2000 - 500).toFixed(2),
      tier,
      source: source(random),
      city: random() < 0.5 ? pick(random, ['Paris', 'Lyon', 'Nice']) : `city ${Math.floor(random() * 5000)}`,
      flag: random() < 0.3 ? 'Yes' : 'No',
      converted: random() < 1 / (1 + Math.exp(-logit)) ? '1' : '0',
    };
  });
}

/** Rows to score: values in every form predict accepts, with levels never seen in training. */
export function messyRows(count: number, seed: number): Array<Record<string, unknown>> {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const r = random();
    return {
      visits:
        r < 0.2
          ? pick(random, MISSING)
          : r < 0.4
            ? Math.floor(random() * 30)
            : r < 0.5
              ? ` ${i % 9} `
              : '1e1',
      spend:
        r < 0.1 ? 'lots' : r < 0.2 ? -0 : r < 0.3 ? Number.POSITIVE_INFINITY : (random() * 3000).toFixed(3),
      tier:
        r < 0.15 ? pick(random, MISSING) : r < 0.25 ? 'diamond' : r < 0.3 ? ' High ' : pick(random, TIERS),
      source: r < 0.1 ? `unseen ${i}` : r < 0.15 ? true : source(random),
      // Many distinct texts, and texts alike at the characters a lookup samples (0, ¼, ½, ¾, last).
      city:
        r < 0.5
          ? `city ${i}`
          : r < 0.7
            ? `c${i % 10}ty-x${(i >> 4) % 10}-z`
            : pick(random, ['Paris', 'Lyon']),
      flag:
        r < 0.1
          ? new Date(0)
          : r < 0.2
            ? { toString: (): string => 'Yes' }
            : pick(random, ['Yes', 'No', ' no ']),
    };
  });
}

/** Rows as a table of trimmed text, missing values undefined (as readTrainingData gives them). */
export function toTable(rows: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): DataTable {
  return {
    file: 'rows.csv',
    columns: [...columns],
    cells: columns.map((column) =>
      rows.map((row) => {
        const value = row[column];
        return value === undefined || value === null ? undefined : cleanText(String(value));
      }),
    ),
    lines: rows.map((_, r) => r + 2),
    roles: new Map(),
    decimalComma: false,
  };
}

export function trainOnRows(rows: ReadonlyArray<Record<string, string | undefined>>): PredictiveModel {
  const table = toTable(rows, Object.keys(rows[0]!));
  return trainPredictive(withOutcomes(table, 'converted'), { format: 'csv' }).model;
}

const TYPES: readonly ActivityType[] = ['page_view', 'email_open', 'demo_request', 'meeting', 'call'];

/** Leads with profile and custom fields of every kind and activity histories, some after `AS_OF`. */
export function fixtureLeads(count: number, seed: number): Lead[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const lead: Lead = { ref: { crm: 'file', object: 'lead', id: `L-${i}` }, activities: [] };
    const r = random();
    if (r > 0.1)
      lead.jobTitle = r < 0.2 ? ' CEO ' : pick(random, ['CEO', 'Analyst', 'Engineer', `title ${i}`]);
    if (r > 0.05) lead.seniority = pick(random, ['vp', 'manager', 'entry', 'Intern']);
    if (r < 0.8) lead.employees = r < 0.1 ? -0 : Math.floor(random() ** 2 * 5000);
    if (random() < 0.7) lead.country = pick(random, ['US', 'DE', 'GB', 'FR', `country ${i % 40}`]);
    if (random() < 0.6) lead.budgetAuthority = random() < 0.5;
    if (random() < 0.5) lead.techStack = random() < 0.2 ? [] : ['hubspot', pick(random, ['react', 'vue'])];
    lead.createdAt = new Date(AS_OF.getTime() - random() * 300 * DAY_MS);
    const custom: Record<string, unknown> = { plan: pick(random, ['pro', 'free', 'team', undefined]) };
    if (random() < 0.3) custom.jobTitle = pick(random, ['buyer', 'user']);
    if (random() < 0.1) custom['custom.jobTitle'] = 'set directly';
    if (random() < 0.8)
      custom.score = random() < 0.5 ? Math.round(random() * 100) : ` ${(random() * 10).toFixed(1)} `;
    lead.custom = custom;
    const activities = Math.floor(random() * 12);
    for (let a = 0; a < activities; a++) {
      const at = new Date(AS_OF.getTime() + (random() - 0.9) * 60 * DAY_MS);
      lead.activities.push({ type: pick(random, TYPES), at });
    }
    return lead;
  });
}

/** A model of fixtureLeads: more demo requests, meetings and recent activity convert more. */
export function trainOnLeads(leads: readonly Lead[], seed: number): PredictiveModel {
  const random = seededRandom(seed);
  const records: LeadRecord[] = leads.map((lead, index) => {
    const intent = lead.activities.filter((a) => a.type === 'demo_request' || a.type === 'meeting').length;
    const logit = -1 + intent + (lead.seniority === 'vp' ? 1 : 0);
    const converted = random() < 1 / (1 + Math.exp(-logit)) ? 'yes' : 'no';
    return { lead: { ...lead, custom: { ...lead.custom, converted } }, line: index + 1 };
  });
  const table = leadsToTable('leads.jsonl', records, AS_OF);
  return trainPredictive(withOutcomes(table, 'converted'), { format: 'jsonl' }).model;
}
