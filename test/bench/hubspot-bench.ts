/**
 * `npm run build && npm run bench:hubspot [-- --contacts N --limit N]`
 * A full read → score → diff → write of N sandbox contacts (default 20,000) with the sandbox enforcing
 * N requests per 10 s (default 190, HubSpot Professional), then a second run over unchanged data.
 * Prints API calls by endpoint against the minimum, the achieved request rate as a share of the limit,
 * 429s received, elapsed time and peak RSS.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HubSpotAdapter } from '../../connectors/hubspot/hubspot-adapter.js';
import type { ScoreUpdate } from '../../src/connector/crm-adapter.js';
import { loadMapping } from '../../src/mapping/load-mapping.js';
import type { Mapping } from '../../src/mapping/mapping-schema.js';
import type { CompiledModel } from '../../src/scoring/compile-model.js';
import { loadModel } from '../../src/scoring/load-model.js';
import { scoreLead } from '../../src/scoring/score-lead.js';
import { needsWrite } from '../../src/sync/score-diff.js';
import { scoreValuesOf } from '../../src/sync/score-values.js';
import { readAhead } from '../../src/sync/read-ahead.js';
import { fmt, wholeNumber } from './bench-format.js';
import { startSandboxProcess } from './sandbox-process.js';
import type { SandboxProcess } from './sandbox-process.js';

const { values: args } = parseArgs({
  options: { contacts: { type: 'string', default: '20000' }, limit: { type: 'string', default: '190' } },
});
const CONTACTS = wholeNumber('contacts', args.contacts);
const LIMIT = wholeNumber('limit', args.limit);
const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

interface RunFigures {
  seconds: number;
  read: number;
  changed: number;
  failed: number;
  calls: Record<string, number>;
  total: number;
  tooManyRequests: number;
  /** Association and engagement-object reads the engagement source needed (its own minimum). */
  engagementCalls: number;
}

type Sandbox = SandboxProcess;

/** The sandbox runs in its own process, so that its 20,000 contacts are not counted in our RSS. */
async function run(sandbox: Sandbox, mapping: Mapping, model: CompiledModel, now: Date): Promise<RunFigures> {
  const adapter = new HubSpotAdapter({
    baseUrl: sandbox.url,
    mapping,
    credentials: { kind: 'private-app', accessToken: sandbox.privateAppToken },
    limits: { perTenSeconds: LIMIT, searchPerSecond: 4, concurrency: 5 },
    onProblem: () => {},
  });
  const started = process.hrtime.bigint();
  let read = 0;
  let changed = 0;
  let failed = 0;
  // Like the sync pipeline: the next page is read while this one is written.
  for await (const page of readAhead(adapter.read({ kind: 'full' }), 1)) {
    read += page.leads.length;
    const updates: ScoreUpdate[] = [];
    for (const lead of page.leads) {
      const values = scoreValuesOf(scoreLead(model, lead, now));
      if (needsWrite(lead.current, values)) updates.push({ ref: lead.ref, values });
    }
    changed += updates.length;
    if (updates.length) failed += (await adapter.write(updates)).failed.length;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Counted on our side, by the shared scheduler: every attempt, retried ones included.
  const metrics = adapter.metrics();
  const calls = Object.fromEntries(
    Object.entries(metrics.endpoints).map(([endpoint, c]) => [endpoint, c.attempts]),
  );
  const total = Object.values(calls).reduce((a, b) => a + b, 0);
  const e = adapter.engagementStats();
  return {
    seconds,
    read,
    changed,
    failed,
    calls,
    total,
    tooManyRequests: metrics.rateLimited,
    engagementCalls: e.associationReads + e.objectReads,
  };
}

function report(title: string, f: RunFigures): void {
  const minimum = Math.ceil(CONTACTS / 100) + Math.ceil(f.changed / 100) + f.engagementCalls;
  const rate = f.total / f.seconds;
  const limitRate = LIMIT / 10;
  console.log(`\n${title}`);
  console.log(
    `   read ${fmt(f.read)} contacts, ${fmt(f.changed)} changed and written, ${fmt(f.failed)} failed, in ${f.seconds.toFixed(1)} s`,
  );
  for (const [endpoint, n] of Object.entries(f.calls).sort())
    console.log(`   ${endpoint.padEnd(48)} ${fmt(n).padStart(6)} calls`);
  console.log(
    `   API calls ${fmt(f.total)} vs minimum ${fmt(minimum)} (reads ⌈N/100⌉ + writes ⌈changed/100⌉ + ${fmt(f.engagementCalls)} engagement reads) = ×${(f.total / minimum).toFixed(3)}   target ≤ ×1.1: ${f.total <= 1.1 * minimum ? 'met' : 'NOT MET'}`,
  );
  console.log(
    `   request rate ${rate.toFixed(1)}/s = ${((rate / limitRate) * 100).toFixed(1)} % of the ${LIMIT}-per-10-s limit   target ≥ 90 %: ${rate >= 0.9 * limitRate ? 'met' : 'NOT MET'}`,
  );
  console.log(
    `   429s received: ${f.tooManyRequests}   target 0: ${f.tooManyRequests === 0 ? 'met' : 'NOT MET'}`,
  );
}

async function main(): Promise<void> {
  console.log(
    `leadscore HubSpot benchmark — Node ${process.version}; ${fmt(CONTACTS)} sandbox contacts, sandbox limit ${LIMIT} requests per 10 s`,
  );
  const sandbox = await startSandboxProcess(CONTACTS, LIMIT);
  try {
    const mapping = await loadMapping(root('mappings/hubspot.yaml'));
    const model = (await loadModel(root('config/scoring.yaml'))).compiled;
    const setup = new HubSpotAdapter({
      baseUrl: sandbox.url,
      mapping,
      credentials: { kind: 'private-app', accessToken: sandbox.privateAppToken },
      onProblem: () => {},
    });
    await setup.provision();
    // Both runs score as of one moment: "unchanged data" means time does not move decay either.
    const now = new Date();
    report('1. Full sync (every contact new to leadscore)', await run(sandbox, mapping, model, now));
    const second = await run(sandbox, mapping, model, now);
    report('2. Second run over unchanged data', second);
    console.log(
      `   writes in the second run: ${second.changed}   target 0: ${second.changed === 0 ? 'met' : 'NOT MET'}`,
    );
    console.log(
      `\npeak RSS ${peakRssMb().toFixed(1)} MB (leadscore's process; the sandbox runs in its own)   target < 300 MB: ${peakRssMb() < 300 ? 'met' : 'NOT MET'}`,
    );
  } finally {
    sandbox.child.kill('SIGTERM');
  }
}

await main();
