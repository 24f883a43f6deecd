import { seededRandom } from '../../../src/predictive/random.js';

/**
 * Leads (leadscore's JSONL) whose outcome follows a known rule-like model, on the log-odds scale:
 * industry Software +1.4, each pricing page visit +0.8 (up to 3), a free-mail address −1.3, a demo request
 * +1.0. Country, company size, blog visits and email opens have no effect.
 */
export const KNOWN_EFFECTS = { software: 1.4, pricingVisit: 0.8, freeMail: -1.3, demo: 1.0 } as const;
const INTERCEPT = -1.6;
/** Every activity happens in the 60 days before this moment. */
export const SYNTHETIC_NOW = '2026-11-01T00:00:00.000Z';

const INDUSTRIES = ['Software', 'Retail', 'Finance', 'Manufacturing', 'Healthcare'];
const COUNTRIES = ['US', 'DE', 'FR', 'GB'];
const DAY_MS = 86_400_000;

function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export interface SyntheticLead {
  id: string;
  email: string;
  industry: string;
  country: string;
  employees: number;
  activities: Array<{ type: string; at: string; url?: string }>;
  converted: boolean;
}

export function syntheticLeadRecords(count: number, seed: number): SyntheticLead[] {
  const random = seededRandom(seed);
  const now = Date.parse(SYNTHETIC_NOW);
  const at = () => new Date(now - Math.floor(random() * 60 * DAY_MS)).toISOString();
  const leads: SyntheticLead[] = [];
  for (let i = 1; i <= count; i++) {
    const industry = i % 3 === 0 ? 'Software' : pick(random, INDUSTRIES);
    const freeMail = random() < 0.3;
    const pricing = poisson(random, 1);
    const demo = random() < 0.15;
    const activities: SyntheticLead['activities'] = [];
    for (let k = 0; k < pricing; k++)
      activities.push({ type: 'page_view', at: at(), url: 'https://acme.io/pricing' });
    for (let k = poisson(random, 2); k > 0; k--)
      activities.push({ type: 'page_view', at: at(), url: 'https://acme.io/blog/post' });
    for (let k = poisson(random, 3); k > 0; k--) activities.push({ type: 'email_open', at: at() });
    if (demo) activities.push({ type: 'demo_request', at: at() });
    const logit =
      INTERCEPT +
      (industry === 'Software' ? KNOWN_EFFECTS.software : 0) +
      KNOWN_EFFECTS.pricingVisit * Math.min(pricing, 3) +
      (freeMail ? KNOWN_EFFECTS.freeMail : 0) +
      (demo ? KNOWN_EFFECTS.demo : 0);
    leads.push({
      id: `S-${i}`,
      email: freeMail ? `lead${i}@gmail.com` : `lead${i}@company${i % 97}.com`,
      industry,
      country: pick(random, COUNTRIES),
      employees: Math.round(Math.exp(3 + 3 * random())),
      activities,
      converted: random() < 1 / (1 + Math.exp(-logit)),
    });
  }
  return leads;
}

export function syntheticLeadFile(count: number, seed: number): string {
  return syntheticLeadRecords(count, seed)
    .map((lead) => JSON.stringify(lead))
    .join('\n')
    .concat('\n');
}
