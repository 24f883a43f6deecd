/**
 * `npm run bench:salesforce [-- --leads N --contacts N --flow]`
 *
 * The whole sync pipeline (DeploymentRuntime → runSync, a deployment file in a temp folder) against N
 * unconverted Leads (default 50,000) of the Salesforce sandbox, which runs in its own process so that its
 * org is not counted in our memory. Setup (provision) first, then (1) a full sync from an empty state:
 * every record new, every one written; (2) an incremental run right after, nothing changed; (3) a second
 * full run, nothing changed. Handoff: lead status + owner task (flow only with --flow). Activities (Task,
 * Event, EmailMessageRelation, CampaignMember) are read for every page. Prints, per run, records read and per second, written,
 * handed off, API calls by endpoint against the minimum (salesforce-bench-minimum.ts), elapsed and peak
 * RSS, and whether the targets are met: calls ≤ 1.1 × minimum, reruns write nothing, peak RSS < 300 MB.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CONNECTORS } from '../../connectors/registry.js';
import type { ActivityReadStats } from '../../connectors/salesforce/read-activities.js';
import type { SalesforceAdapter } from '../../connectors/salesforce/salesforce-adapter.js';
import { DEFAULT_QUERY_BATCH_SIZE } from '../../connectors/salesforce/salesforce-api.js';
import { loadMapping } from '../../src/mapping/load-mapping.js';
import { DeploymentRuntime } from '../../src/runtime/deployment-runtime.js';
import { limitHeapGrowth } from '../../src/runtime/heap-growth.js';
import type { SyncProgress } from '../../src/sync/sync-types.js';
import { fmt, wholeNumber } from './bench-format.js';
import { chunkRules } from './salesforce-bench-minimum.js';
import type { PageCounts } from './salesforce-bench-minimum.js';
import { CALLS_TARGET, printSalesforceRun } from './salesforce-bench-report.js';
import type { SalesforceRunFigures } from './salesforce-bench-report.js';
import {
  benchDeployment,
  FLOW_NAME,
  LogSink,
  sandboxStats,
  startSalesforceSandboxProcess,
} from './salesforce-bench-setup.js';
import { cpuSecondsOf, scriptExtension } from './sandbox-process.js';
import {
  mb,
  printCheckpoints,
  procStatusBytes,
  RssSampler,
  SAMPLE_MS,
  takeCheckpoints,
} from './sync-bench-memory.js';
import type { Checkpoint } from './sync-bench-memory.js';
import { verdict } from './sync-bench-report.js';

const CONNECTOR = 'salesforce';
const RSS_TARGET_BYTES = 300 * 1024 * 1024;
/** Large enough that the default budget share (50 % of what is left) never stops a run. */
const DAILY_API_REQUESTS = 1_000_000;
const PROGRESS_NOTE_NS = 30_000_000_000n;

const { values: args } = parseArgs({
  options: {
    leads: { type: 'string', default: '50000' },
    contacts: { type: 'string', default: '0' },
    flow: { type: 'boolean', default: false },
    'default-heap-growth': { type: 'boolean', default: false },
  },
});
const LEADS = wholeNumber('leads', args.leads);
const CONTACTS = wholeNumber('contacts', args.contacts, 0);
const FLOW = args.flow;
// As the CLI does at start (src/cli/main.ts), unless --default-heap-growth asks for V8's own policy.
const HEAP_GROWTH = args['default-heap-growth'] ? undefined : limitHeapGrowth();

const root = (path: string) =>
  fileURLToPath(new URL(scriptExtension === '.ts' ? `../../${path}` : `../../../${path}`, import.meta.url));

const activityDelta = (after: ActivityReadStats, before: ActivityReadStats): ActivityReadStats => ({
  queries: after.queries - before.queries,
  queryMores: after.queryMores - before.queryMores,
  records: after.records - before.records,
  activities: after.activities - before.activities,
});

interface Context {
  runtime: DeploymentRuntime;
  adapter: SalesforceAdapter;
  sandbox: ChildProcess;
  rules: ReturnType<typeof chunkRules>;
  sampler: RssSampler;
  logs: LogSink;
  now: Date;
}

async function run(
  ctx: Context,
  title: string,
  kind: 'full' | 'incremental',
  checkpoints?: Checkpoint[],
): Promise<SalesforceRunFigures> {
  const pages: PageCounts[] = [];
  const shares = [0.25, 0.5, 0.75, 1];
  let before: PageCounts = { read: 0, written: 0, handedOff: 0 };
  const started = process.hrtime.bigint();
  let lastNote = started;
  const onProgress = (p: SyncProgress) => {
    ctx.sampler.sample();
    pages.push({
      read: p.read - before.read,
      written: p.written - before.written,
      handedOff: p.handedOff - before.handedOff,
    });
    before = p;
    if (checkpoints) takeCheckpoints(checkpoints, shares, p.read, LEADS, started);
    const now = process.hrtime.bigint();
    if (now - lastNote < PROGRESS_NOTE_NS) return;
    lastNote = now;
    process.stderr.write(
      `   … ${fmt(Number(now - started) / 1e9)} s: ${fmt(p.read)} read, ${fmt(p.written)} written, ` +
        `${fmt(p.handedOff)} handed off, RSS ${mb(process.memoryUsage().rss)}\n`,
    );
  };
  await sandboxStats(ctx.sandbox);
  ctx.logs.restart();
  ctx.sampler.restart();
  const activityBefore = ctx.adapter.activityStats();
  const cpuBefore = process.cpuUsage();
  const sandboxCpuBefore = cpuSecondsOf(ctx.sandbox.pid);
  const report = await ctx.runtime.sync(CONNECTOR, { kind }, { now: () => ctx.now, onProgress });
  // Converted Leads are not read: the last shares are then taken at the end.
  if (checkpoints) takeCheckpoints(checkpoints, shares, report.counts.read, report.counts.read, started);
  const cpu = process.cpuUsage(cpuBefore);
  const sandboxCpuAfter = cpuSecondsOf(ctx.sandbox.pid);
  return {
    title,
    report,
    peakRss: ctx.sampler.peak(),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    sandboxCpuSeconds:
      sandboxCpuBefore === undefined || sandboxCpuAfter === undefined
        ? undefined
        : sandboxCpuAfter - sandboxCpuBefore,
    problems: ctx.logs.first,
    problemCount: ctx.logs.count,
    minimum: {
      batchSize: DEFAULT_QUERY_BATCH_SIZE,
      pages,
      activity: activityDelta(ctx.adapter.activityStats(), activityBefore),
      rules: ctx.rules,
      flow: FLOW,
      bulkThreshold: ctx.adapter.writeGrouping.updates,
    },
    sandbox: await sandboxStats(ctx.sandbox),
  };
}

async function main(): Promise<void> {
  console.log(
    `leadscore Salesforce sync benchmark — Node ${process.version}, ${scriptExtension === '.ts' ? 'from source (tsx)' : 'dist'}`,
  );
  console.log(
    `   ${fmt(LEADS)} sandbox Leads (converted ones are not read) and ${fmt(CONTACTS)} Contacts (not read: ` +
      `objects.contact off); the sandbox runs in its own process (its memory is not ours)`,
  );
  console.log(
    `   daily API allocation ${fmt(DAILY_API_REQUESTS)} (so that the budget share, default 50 % of what is ` +
      `left, never stops a run); concurrency 10 (default); query batch ${fmt(DEFAULT_QUERY_BATCH_SIZE)}`,
  );
  console.log(
    `   activities: Task, Event, EmailMessageRelation, CampaignMember per page; handoff: lead_status + owner_task` +
      `${FLOW ? ` + flow ${FLOW_NAME} (--flow)` : ' (flow off; --flow to invoke one per MQL)'}; ` +
      'every run scores as of one moment (no decay between runs)',
  );
  console.log(
    HEAP_GROWTH === undefined
      ? "   V8's heap growth: node's default or the operator's flag (--default-heap-growth, or given on the command line)"
      : `   V8's heap growth: ${HEAP_GROWTH} % over the live heap, as the CLI sets it (src/runtime/heap-growth.ts; --default-heap-growth for V8's own)`,
  );
  const started = await startSalesforceSandboxProcess({
    leads: LEADS,
    contacts: CONTACTS,
    daily: DAILY_API_REQUESTS,
  });
  const { info, child } = started;
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-salesforce-bench-'));
  const sampler = new RssSampler();
  const logs = new LogSink();
  let runtime: DeploymentRuntime | undefined;
  try {
    const sandboxRss = procStatusBytes('VmRSS', child.pid!);
    console.log(
      `   sandbox seeded and listening in ${fmt(started.seedSeconds, 1)} s` +
        (sandboxRss === undefined ? '' : ` (its RSS ${mb(sandboxRss)})`) +
        `; it reports a daily allocation of ${fmt(info.daily)}`,
    );
    const configFile = join(dir, 'leadscore.yaml');
    const config = benchDeployment({ url: info.url, dir, model: root('config/scoring.yaml'), flow: FLOW });
    writeFileSync(configFile, JSON.stringify(config, null, 2));
    const env = {
      SALESFORCE_AUTH: 'client_credentials',
      SALESFORCE_CLIENT_ID: info.clientId,
      SALESFORCE_CLIENT_SECRET: info.clientSecret,
    };
    runtime = await DeploymentRuntime.open({ configFile, env, connectors: CONNECTORS, logStream: logs });
    const adapter = (await runtime.adapter(CONNECTOR)) as SalesforceAdapter;
    const provisioned = await adapter.provision();
    const changed = provisioned.changes.filter((c) => c.outcome !== 'unchanged').length;
    console.log(
      `   setup (provision): ${fmt(changed)} of ${fmt(provisioned.changes.length)} changes made in ` +
        `${fmt(adapter.usage().apiCalls)} API calls`,
    );
    const grouping = adapter.writeGrouping;
    console.log(
      `   score writes: a read of ≥ ${fmt(grouping.updates)} records (the bulk threshold) gathers its pages' ` +
        `updates into Bulk API 2.0 jobs of ≥ ${fmt(grouping.updates)} (up to ${grouping.pages} pages each); ` +
        'smaller sets through sObject Collections, 200 per call',
    );
    const rules = chunkRules(await loadMapping(root('mappings/salesforce.yaml')), 'Lead');
    console.log(
      `   activity chunk rule (ids per IN list, from the URL budget): ` +
        rules.map((r) => `${r.type} ${r.idsPerChunk}`).join(', '),
    );
    console.log(`   RSS before run 1 (modules, model, state file open): ${mb(sampler.sample())}`);
    const ctx: Context = { runtime, adapter, sandbox: child, rules, sampler, logs, now: new Date() };

    const checkpoints: Checkpoint[] = [];
    const runs = [await run(ctx, '1. Full sync from an empty state file', 'full', checkpoints)];
    const ratios = [printSalesforceRun(runs[0]!)];
    printCheckpoints(checkpoints, 'leads');
    runs.push(
      await run(
        ctx,
        '2. Incremental run right after, nothing changed (re-reads what run 1 wrote: since its start − 5 min)',
        'incremental',
      ),
    );
    ratios.push(printSalesforceRun(runs[1]!));
    runs.push(await run(ctx, '3. Second full run, nothing changed', 'full'));
    ratios.push(printSalesforceRun(runs[2]!));

    const hwm = procStatusBytes('VmHWM');
    const peak = Math.max(hwm ?? 0, ...runs.map((r) => r.peakRss));
    const sandboxHwm = procStatusBytes('VmHWM', child.pid!);
    console.log(
      `\nPeak RSS of leadscore's process: sampled every ${SAMPLE_MS} ms ${runs.map((r, i) => `run ${i + 1} ${mb(r.peakRss)}`).join(', ')}; ` +
        `VmHWM ${hwm === undefined ? 'unavailable' : mb(hwm)}` +
        (sandboxHwm === undefined ? '' : ` (the sandbox's own VmHWM, not counted: ${mb(sandboxHwm)})`),
    );
    console.log('\nTargets');
    ratios.forEach((ratio, i) =>
      console.log(
        `   run ${i + 1}: API calls ≤ ${CALLS_TARGET} × minimum: ×${ratio.toFixed(3)} — ${verdict(ratio <= CALLS_TARGET)}`,
      ),
    );
    const [first, second, third] = runs.map((r) => r.report.counts);
    console.log(
      `   run 1 writes every record read: ${fmt(first!.written)} of ${fmt(first!.read)} — ${verdict(first!.written === first!.read)}`,
    );
    console.log(
      `   incremental rerun writes 0 and hands off 0: ${fmt(second!.written)} written, ${fmt(second!.handedOff)} handed off — ${verdict(second!.written === 0 && second!.handedOff === 0)}`,
    );
    console.log(
      `   full rerun writes 0: ${fmt(third!.written)} written, ${fmt(third!.handedOff)} handed off — ${verdict(third!.written === 0 && third!.handedOff === 0)}`,
    );
    console.log(`   peak RSS < 300 MB: ${mb(peak)} — ${verdict(peak < RSS_TARGET_BYTES)}`);
    const failed = runs.reduce((n, r) => n + r.report.counts.failed, 0);
    console.log(`   (also: ${fmt(failed)} records failed over all runs)`);
  } finally {
    sampler.stop();
    await runtime?.close();
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
