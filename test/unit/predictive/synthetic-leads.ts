import type { DataTable } from '../../../src/predictive/data-table.js';
import { seededRandom } from '../../../src/predictive/random.js';

/**
 * Leads from a known generating model, on the log-odds scale per standard deviation of each column:
 * visits +2.0, days_idle −1.0 (mean 50, sd 10, so −0.1 per day), pages +0.5, tier high +1 / mid 0 / low −1.
 */
export const TRUE_EFFECTS = { visits: 2.0, days_idle: -1.0, pages: 0.5 } as const;
export const TIER_EFFECTS = { high: 1, mid: 0, low: -1 } as const;
const INTERCEPT = -0.5;

export interface SyntheticLeads {
  columns: string[];
  rows: string[][];
}

function gaussian(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export function syntheticLeads(count: number, seed: number): SyntheticLeads {
  const random = seededRandom(seed);
  const tiers = Object.keys(TIER_EFFECTS) as Array<keyof typeof TIER_EFFECTS>;
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const visits = gaussian(random);
    const idle = 50 + 10 * gaussian(random);
    const pages = gaussian(random);
    const tier = tiers[Math.floor(random() * tiers.length)]!;
    const logit =
      INTERCEPT +
      TRUE_EFFECTS.visits * visits +
      TRUE_EFFECTS.days_idle * ((idle - 50) / 10) +
      TRUE_EFFECTS.pages * pages +
      TIER_EFFECTS[tier];
    const converted = random() < 1 / (1 + Math.exp(-logit)) ? '1' : '0';
    rows.push([`L-${i + 1}`, visits.toFixed(4), idle.toFixed(3), pages.toFixed(4), tier, converted]);
  }
  return { columns: ['id', 'visits', 'days_idle', 'pages', 'tier', 'converted'], rows };
}

export function toTable({ columns, rows }: SyntheticLeads, file = 'synthetic.csv'): DataTable {
  return {
    file,
    columns,
    cells: columns.map((_, c) => rows.map((row) => row[c])),
    lines: rows.map((_, r) => r + 2),
    roles: new Map(),
    decimalComma: false,
  };
}

export function toCsv({ columns, rows }: SyntheticLeads, separator = ','): string {
  return [columns, ...rows].map((row) => row.join(separator)).join('\n') + '\n';
}
