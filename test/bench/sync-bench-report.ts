/** What the sync benchmark prints for one run: counts, throughput, API calls against the minimum, 429s, RSS. */
import type { SyncReport } from '../../src/sync/sync-types.js';
import { fmt } from './bench-format.js';
import { mb } from './sync-bench-memory.js';

const LIST = 'GET /crm/v3/objects/contacts';
const SEARCH = 'POST /crm/v3/objects/contacts/search';
const UPDATE = 'POST /crm/v3/objects/contacts/batch/update';
const BATCH_READ = 'POST /crm/v3/objects/contacts/batch/read';
const TASKS = 'POST /crm/v3/objects/tasks/batch/create';
/** adapter.check(): runSync's pre-flight read of the score properties. */
const PROPERTIES = 'GET /crm/v3/properties/contacts';
/** HubSpot Professional / Enterprise: requests per rolling 10 s. */
export const HUBSPOT_PROFESSIONAL_PER_TEN_SECONDS = 190;
/** CRM search requests per second per token (not scaled by the benchmark). */
export const HUBSPOT_SEARCH_PER_SECOND = 4;
/** Page sizes of the list and search endpoints, and of a batch update. */
const LIST_PAGE = 100;
const SEARCH_PAGE = 200;
const BATCH = 100;

/** What every sync benchmark prints about a run, whatever the CRM. */
export interface RunCost {
  title: string;
  report: SyncReport;
  /** Largest sampled RSS of this process during the run, in bytes. */
  peakRss: number;
  /** CPU seconds of this process and of the sandbox's during the run. */
  cpuSeconds: number;
  sandboxCpuSeconds: number | undefined;
  /** Warnings and errors the run logged (the first few are printed). */
  problems: string[];
  problemCount: number;
}

export interface RunFigures extends RunCost {
  scope: 'full' | 'incremental';
  /** Committed pages that handed off at least one MQL (each costs a batch read and a batch update). */
  handoffPages: number;
  /** Association and engagement-object reads the adapter made (their own minimum); 0 with rollups only. */
  engagementCalls: number;
  /** Whether associated engagements were read (--engagements). */
  engagements: boolean;
}

interface Line {
  endpoint: string;
  actual: number;
  minimum?: number;
  why?: string;
}

/** Each endpoint's calls next to the fewest the run could have made; engagement endpoints are grouped. */
function callLines(f: RunFigures): { lines: Line[]; minimum: number } {
  const { read, written, handedOff } = f.report.counts;
  const byEndpoint = f.report.apiCallsByEndpoint;
  // A page with MQLs needs a lifecycle-stage batch update only when one of them has a stage to move
  // (lifecycle_stage never moves backwards), which the sandbox knows and we do not: the calls beyond the
  // score writes, up to one per page with MQLs, are counted as needed.
  const lifecycleWrites = Math.min(
    f.handoffPages,
    Math.max(0, (byEndpoint[UPDATE] ?? 0) - Math.ceil(written / BATCH)),
  );
  const expected: Line[] = [
    f.scope === 'full'
      ? {
          endpoint: LIST,
          actual: 0,
          minimum: Math.max(1, Math.ceil(read / LIST_PAGE)),
          why: '⌈read/100⌉ list pages',
        }
      : {
          endpoint: SEARCH,
          actual: 0,
          minimum: Math.max(1, Math.ceil(read / SEARCH_PAGE)),
          why: '⌈read/200⌉ search pages',
        },
    {
      endpoint: UPDATE,
      actual: 0,
      minimum: Math.ceil(written / BATCH) + lifecycleWrites,
      why: `⌈written/100⌉ + ${fmt(lifecycleWrites)} lifecycle-stage writes (≤ 1 per page with MQLs: ${fmt(f.handoffPages)})`,
    },
    {
      endpoint: BATCH_READ,
      actual: 0,
      minimum: f.handoffPages,
      why: 'handoff: 1 read of stage/owner per page with MQLs',
    },
    {
      endpoint: TASKS,
      actual: 0,
      minimum: handedOff === 0 ? 0 : f.handoffPages,
      why: 'handoff: owner tasks, 1 batch create (≤ 100) per page with MQLs',
    },
    {
      endpoint: PROPERTIES,
      actual: 0,
      minimum: Math.min(1, byEndpoint[PROPERTIES] ?? 0),
      why: 'pre-flight check of the score properties (1 per run)',
    },
  ];
  for (const line of expected) line.actual = byEndpoint[line.endpoint] ?? 0;
  const known = new Set(expected.map((l) => l.endpoint));
  const others = Object.entries(byEndpoint)
    .filter(([endpoint]) => !known.has(endpoint))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([endpoint, actual]): Line => ({ endpoint, actual }));
  const lines = [...expected.filter((l) => l.actual > 0 || (l.minimum ?? 0) > 0), ...others];
  const minimum = expected.reduce((n, l) => n + (l.minimum ?? 0), 0) + f.engagementCalls;
  return { lines, minimum };
}

/** The run's title, status, records read (and per second), written, handed off. */
export function printRunHead(f: RunCost): void {
  const r = f.report;
  const c = r.counts;
  const seconds = r.durationMs / 1000;
  console.log(`\n${f.title}`);
  console.log(
    `   status ${r.status}${r.error ? ` (${r.error})` : ''}; ${fmt(r.pages)} pages` +
      (r.retriedDeadLetters ? `; ${fmt(r.retriedDeadLetters)} dead letters retried first` : ''),
  );
  console.log(
    `   read ${fmt(c.read)} records in ${fmt(seconds, 1)} s = ${fmt(c.read / seconds)} records/s; ` +
      `written ${fmt(c.written)}, unchanged ${fmt(c.unchanged)}, failed ${fmt(c.failed)}, handed off ${fmt(c.handedOff)}`,
  );
}

/** CPU of both processes, elapsed time, the run's peak RSS and the first problems it logged. */
export function printRunTail(f: RunCost): void {
  const seconds = f.report.durationMs / 1000;
  const sandboxCpu =
    f.sandboxCpuSeconds === undefined ? '' : `, sandbox process ${fmt(f.sandboxCpuSeconds, 1)} s`;
  console.log(
    `   CPU: leadscore ${fmt(f.cpuSeconds, 1)} s${sandboxCpu} (2 cores: ${fmt(seconds, 1)} s elapsed)`,
  );
  console.log(`   elapsed ${fmt(seconds, 1)} s; peak RSS during the run ${mb(f.peakRss)}`);
  if (f.problemCount > 0) {
    console.log(`   ${fmt(f.problemCount)} warnings/errors logged, first ones:`);
    for (const p of f.problems) console.log(`     - ${p}`);
  }
}

export function printRun(f: RunFigures, perTenSeconds: number): void {
  const r = f.report;
  const seconds = r.durationMs / 1000;
  printRunHead(f);
  const { lines, minimum } = callLines(f);
  console.log(`   ${'API calls by endpoint'.padEnd(56)} ${'actual'.padStart(8)} ${'minimum'.padStart(8)}`);
  for (const l of lines) {
    const min = l.minimum === undefined ? '' : fmt(l.minimum);
    console.log(
      `   ${l.endpoint.padEnd(56)} ${fmt(l.actual).padStart(8)} ${min.padStart(8)}${l.why ? `  ${l.why}` : ''}`,
    );
  }
  if (f.engagements)
    console.log(
      `   ${'(engagement reads: their own minimum)'.padEnd(56)} ${''.padStart(8)} ${fmt(f.engagementCalls).padStart(8)}`,
    );
  const ratio = minimum > 0 ? ` = ×${(r.apiCalls / minimum).toFixed(3)}` : '';
  console.log(`   ${'total'.padEnd(56)} ${fmt(r.apiCalls).padStart(8)} ${fmt(minimum).padStart(8)}${ratio}`);
  const rate = r.apiCalls / seconds;
  console.log(
    `   request rate ${fmt(rate, 1)}/s = ${fmt((rate / (perTenSeconds / 10)) * 100, 1)} % of the ${fmt(perTenSeconds)}-per-10-s limit; ` +
      `429s received: ${fmt(r.rateLimited)}`,
  );
  // Search has its own limit, 4 per second, besides counting in the 10-second window.
  const atHubSpot = Math.max(
    (r.apiCalls / HUBSPOT_PROFESSIONAL_PER_TEN_SECONDS) * 10,
    (r.apiCallsByEndpoint[SEARCH] ?? 0) / HUBSPOT_SEARCH_PER_SECOND,
  );
  console.log(
    `   at HubSpot Professional's limits (${HUBSPOT_PROFESSIONAL_PER_TEN_SECONDS} per 10 s, search ${HUBSPOT_SEARCH_PER_SECOND} per s) these calls take at least ${fmt(atHubSpot)} s (${fmt(atHubSpot / 60, 1)} min)`,
  );
  printRunTail(f);
}

export const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
