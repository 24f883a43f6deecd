/**
 * Lead objects for the predictive benchmark, made by leadscore's own readers so that they look like the leads
 * a sync scores: rows of a table read as a CSV lead file is (src/input/csv-record.ts), and CRM-like leads
 * with activity histories read back from their JSONL line (every string a new one, as after JSON.parse).
 */
import { planColumns } from '../../src/input/csv-columns.js';
import { csvRowToLead } from '../../src/input/csv-record.js';
import { RecordProblems } from '../../src/input/input-problem.js';
import { JsonlLeadReader } from '../../src/input/jsonl-record.js';
import type { Lead } from '../../src/model/lead.js';
import type { DataTable } from '../../src/predictive/data-table.js';
import type { LeadRecord } from '../../src/predictive/lead-records.js';
import { DAY_MS } from '../../src/scoring/decay.js';
import { seededRandom } from '../../src/predictive/random.js';
import { syntheticLeads, toJsonLine } from './synthetic-leads.js';

const ignore = () => {};

/** The rows of a table as leads read from a CSV lead file with the table's header (other columns → custom). */
export function tableLeads(table: DataTable): Lead[] {
  const columns = planColumns(table.columns, new RecordProblems(table.file, 1, ignore));
  const leads: Lead[] = [];
  for (let r = 0; r < table.lines.length; r++) {
    const row = table.cells.map((cells) => cells[r] ?? '');
    leads.push(csvRowToLead(row, columns, new RecordProblems(table.file, table.lines[r]!, ignore)));
  }
  return leads;
}

/** `count` synthetic CRM leads (test/bench/synthetic-leads.ts, 20 activities each) from lead number `first`. */
export function crmLeads(count: number, seed: number, first = 1): Lead[] {
  const reader = new JsonlLeadReader('synthetic.jsonl', ignore);
  const leads: Lead[] = [];
  for (const lead of syntheticLeads(count, { seed, firstId: first }))
    leads.push(reader.read(toJsonLine(lead), first + leads.length)!);
  return leads;
}

/**
 * CRM-like leads with a `converted` outcome (custom field) drawn from a known logistic model of their
 * seniority, company size, pricing-page views, demo requests and recency, to train a model on.
 */
export function crmTrainingLeads(count: number, seed: number, asOf: Date): LeadRecord[] {
  const random = seededRandom(seed);
  return crmLeads(count, seed).map((lead, index) => {
    let logit = -2;
    if (['c_level', 'vp', 'director'].includes(lead.seniority?.toLowerCase() ?? '')) logit += 1;
    if ((lead.employees ?? 0) >= 200) logit += 0.5;
    let last = Number.NEGATIVE_INFINITY;
    for (const activity of lead.activities) {
      if (activity.type === 'page_view' && activity.url === '/pricing') logit += 0.3;
      if (activity.type === 'demo_request') logit += 1;
      last = Math.max(last, activity.at.getTime());
    }
    if (asOf.getTime() - last < 14 * DAY_MS) logit += 0.7;
    const converted = random() < 1 / (1 + Math.exp(-logit)) ? '1' : '0';
    return { lead: { ...lead, custom: { ...lead.custom, converted } }, line: index + 1 };
  });
}
