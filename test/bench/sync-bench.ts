/**
 * `npm run bench:sync [-- --contacts N --per-ten-seconds N --engagements --no-second-full]`
 *
 * The whole sync pipeline (runSync: read → map → score → lifecycle → diff → handoff → write → state) against
 * N sandbox contacts (default 200,000, the sandbox's maximum). The sandbox runs in its own process, so that
 * its contacts are not counted in our memory, and enforces a rate limit. At HubSpot Professional's 190 per
 * 10 s, a first full run of 200,000 contacts takes ~3.5 minutes for its 2,000 list pages and 2,000 batch
 * writes, and ~20 minutes with the handoff's calls (an owner task per MQL), so the default is scaled up to
 * 5,000 per 10 s, which the output says. Search keeps HubSpot's own 4 per second.
 *
 * Runs, with one state file in a temp folder: (1) a full sync from an empty state, (2) an incremental run
 * right after with nothing changed, (3) a second full run (unless --no-second-full). Handoff: lifecycle
 * stage + owner task. Engagements: rollup properties only, unless --engagements (associated engagements).
 * Prints, per run, records read and per second, written, handed off, API calls by endpoint against the
 * minimum, 429s, elapsed and peak RSS (sampled every 100 ms); RSS at 25/50/75/100 % of run 1; VmHWM.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseHubSpotHandoffConfig } from '../../connectors/hubspot/handoff-config.js';
import { HubSpotAdapter } from '../../connectors/hubspot/hubspot-adapter.js';
import { HUBSPOT_SALES_FEEDBACK } from '../../src/config/deployment-schema.js';
import { loadMapping } from '../../src/mapping/load-mapping.js';
import type { Mapping } from '../../src/mapping/mapping-schema.js';
import type { Logger } from '../../src/ops/logger.js';
import type { CompiledModel } from '../../src/scoring/compile-model.js';
import { loadModel } from '../../src/scoring/load-model.js';
import { SqliteStateStore } from '../../src/state/index.js';
import type { StateStore } from '../../src/state/index.js';
import { runSync } from '../../src/sync/run-sync.js';
import type { SyncProgress } from '../../src/sync/sync-types.js';
import { cpuSecondsOf, startSandboxProcess } from './sandbox-process.js';
import type { SandboxProcess } from './sandbox-process.js';
import { fmt, wholeNumber } from './bench-format.js';
import {
  mb,
  printCheckpoints,
  procStatusBytes,
  RssSampler,
  SAMPLE_MS,
  takeCheckpoints,
} from './sync-bench-memory.js';
import type { Checkpoint } from './sync-bench-memory.js';
import {
  HUBSPOT_PROFESSIONAL_PER_TEN_SECONDS,
  HUBSPOT_SEARCH_PER_SECOND,
  printRun,
  verdict,
} from './sync-bench-report.js';
import type { RunFigures } from './sync-bench-report.js';

/** The sandbox seeds at most this many contacts (sandbox-options.ts). */
const SANDBOX_MAX_CONTACTS = 200_000;
const RSS_TARGET_BYTES = 300 * 1024 * 1024;
const CONNECTOR = 'hubspot';
/** A progress line on stderr this often during a run (long runs at 200,000 contacts). */
const PROGRESS_NOTE_NS = 30_000_000_000n;
/** The handoff a realistic deployment switches on. */
const HANDOFF = parseHubSpotHandoffConfig({ lifecycle_stage: {}, owner_task: {} });

const { values: args } = parseArgs({
  options: {
    contacts: { type: 'string', default: String(SANDBOX_MAX_CONTACTS) },
    'per-ten-seconds': { type: 'string', default: '5000' },
    engagements: { type: 'boolean', default: false },
    'no-second-full': { type: 'boolean', default: false },
  },
});
const CONTACTS = wholeNumber('contacts', args.contacts);
if (CONTACTS > SANDBOX_MAX_CONTACTS)
  throw new Error(`--contacts: the sandbox seeds at most ${fmt(SANDBOX_MAX_CONTACTS)} contacts`);
const PER_TEN_SECONDS = wholeNumber('per-ten-seconds', args['per-ten-seconds']);
const ENGAGEMENTS = args.engagements;
const SECOND_FULL = !args['no-second-full'];

/** Run from source (tsx) or from dist: the sandbox script has this file's extension; dist is one level deeper. */
const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const root = (path: string) =>
  fileURLToPath(new URL(ext === '.ts' ? `../../${path}` : `../../../${path}`, import.meta.url));

type Sandbox = SandboxProcess;

/** Drops log lines but keeps the warnings and errors, which the benchmark reports. */
function countingLogger(into: { count: number; first: string[] }): Logger {
  const keep = (level: string) => (message: string, meta?: Record<string, unknown>) => {
    into.count++;
    if (into.first.length < 5) into.first.push(`${level}: ${message} ${JSON.stringify(meta ?? {})}`);
  };
  const logger: Logger = {
    error: keep('error'),
    warn: keep('warn'),
    info: () => undefined,
    debug: () => undefined,
    child: () => logger,
  };
  return logger;
}

interface Context {
  sandbox: Sandbox;
  mapping: Mapping;
  model: CompiledModel;
  state: StateStore;
  sampler: RssSampler;
  now: Date;
}

async function run(
  ctx: Context,
  title: string,
  scope: 'full' | 'incremental',
  checkpoints?: Checkpoint[],
): Promise<RunFigures> {
  const adapter = new HubSpotAdapter({
    baseUrl: ctx.sandbox.url,
    mapping: ctx.mapping,
    credentials: { kind: 'private-app', accessToken: ctx.sandbox.privateAppToken },
    limits: { perTenSeconds: PER_TEN_SECONDS, searchPerSecond: HUBSPOT_SEARCH_PER_SECOND, concurrency: 5 },
    engagements: ENGAGEMENTS,
    handoff: HANDOFF,
    onProblem: () => {},
  });
  const problems = { count: 0, first: [] as string[] };
  let handoffPages = 0;
  let handedOffBefore = 0;
  const shares = [0.25, 0.5, 0.75, 1];
  const started = process.hrtime.bigint();
  let lastNote = started;
  const onProgress = (p: SyncProgress) => {
    ctx.sampler.sample();
    const now = process.hrtime.bigint();
    if (now - lastNote >= PROGRESS_NOTE_NS) {
      lastNote = now;
      process.stderr.write(
        `   … ${fmt(Number(now - started) / 1e9)} s: ${fmt(p.read)} read, ${fmt(p.written)} written, ` +
          `${fmt(p.handedOff)} handed off, RSS ${mb(process.memoryUsage().rss)}\n`,
      );
    }
    if (p.handedOff > handedOffBefore) handoffPages++;
    handedOffBefore = p.handedOff;
    if (checkpoints) takeCheckpoints(checkpoints, shares, p.read, CONTACTS, started);
  };
  ctx.sampler.restart();
  const cpuBefore = process.cpuUsage();
  const sandboxCpuBefore = cpuSecondsOf(ctx.sandbox.child.pid);
  const report = await runSync({
    connector: CONNECTOR,
    adapter,
    model: ctx.model,
    state: ctx.state,
    scope: { kind: scope },
    lifecycle: { hysteresis: 10, salesFeedback: HUBSPOT_SALES_FEEDBACK },
    now: () => ctx.now,
    logger: countingLogger(problems),
    onProgress,
  });
  const cpu = process.cpuUsage(cpuBefore);
  const sandboxCpuAfter = cpuSecondsOf(ctx.sandbox.child.pid);
  const e = adapter.engagementStats();
  return {
    title,
    scope,
    report,
    peakRss: ctx.sampler.peak(),
    handoffPages,
    engagementCalls: e.associationReads + e.objectReads,
    engagements: ENGAGEMENTS,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    sandboxCpuSeconds:
      sandboxCpuBefore === undefined || sandboxCpuAfter === undefined
        ? undefined
        : sandboxCpuAfter - sandboxCpuBefore,
    problems: problems.first,
    problemCount: problems.count,
  };
}

async function main(): Promise<void> {
  const scale = PER_TEN_SECONDS / HUBSPOT_PROFESSIONAL_PER_TEN_SECONDS;
  console.log(
    `leadscore sync benchmark — Node ${process.version}, ${ext === '.ts' ? 'from source (tsx)' : 'dist'}`,
  );
  console.log(
    `   ${fmt(CONTACTS)} sandbox contacts; the sandbox runs in its own process (its memory is not ours)`,
  );
  console.log(
    `   rate limit ${fmt(PER_TEN_SECONDS)} requests per 10 s` +
      (PER_TEN_SECONDS === HUBSPOT_PROFESSIONAL_PER_TEN_SECONDS
        ? ' (HubSpot Professional)'
        : ` — SCALED UP ×${fmt(scale, 1)} from HubSpot Professional's ${HUBSPOT_PROFESSIONAL_PER_TEN_SECONDS} for a shorter run`) +
      `; search ${HUBSPOT_SEARCH_PER_SECOND} per second (HubSpot's, not scaled)`,
  );
  console.log(
    `   engagements: ${ENGAGEMENTS ? 'associated engagements read (--engagements)' : 'rollup properties only (no association reads; --engagements to include them)'}`,
  );
  console.log(
    `   handoff: lifecycle_stage + owner_task; every run scores as of one moment (no decay between runs)`,
  );

  const sandbox = await startSandboxProcess(CONTACTS, PER_TEN_SECONDS);
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-sync-bench-'));
  const stateFile = join(dir, 'state.sqlite');
  const sampler = new RssSampler();
  let state: StateStore | undefined;
  try {
    const sandboxRss = procStatusBytes('VmRSS', sandbox.child.pid!);
    console.log(
      `   sandbox seeded and listening in ${fmt(sandbox.seedSeconds, 1)} s` +
        (sandboxRss === undefined ? '' : ` (its RSS ${mb(sandboxRss)})`),
    );
    state = SqliteStateStore.open({ file: stateFile });
    const mapping = await loadMapping(root('mappings/hubspot.yaml'));
    const model = (await loadModel(root('config/scoring.yaml'))).compiled;
    const setup = new HubSpotAdapter({
      baseUrl: sandbox.url,
      mapping,
      credentials: { kind: 'private-app', accessToken: sandbox.privateAppToken },
      onProblem: () => {},
    });
    await setup.provision();
    console.log(`   RSS before run 1 (modules, model, state file open): ${mb(sampler.sample())}`);
    const ctx: Context = { sandbox, mapping, model, state, sampler, now: new Date() };

    const checkpoints: Checkpoint[] = [];
    const runs = [await run(ctx, '1. Full sync from an empty state file', 'full', checkpoints)];
    printRun(runs[0]!, PER_TEN_SECONDS);
    printCheckpoints(checkpoints);
    runs.push(
      await run(
        ctx,
        '2. Incremental run right after, nothing changed (re-reads what run 1 wrote: since its start − 5 min)',
        'incremental',
      ),
    );
    printRun(runs[1]!, PER_TEN_SECONDS);
    if (SECOND_FULL) {
      runs.push(await run(ctx, '3. Second full run, nothing changed', 'full'));
      printRun(runs[2]!, PER_TEN_SECONDS);
    }

    const hwm = procStatusBytes('VmHWM');
    const peak = Math.max(hwm ?? 0, ...runs.map((r) => r.peakRss));
    const sandboxHwm = procStatusBytes('VmHWM', sandbox.child.pid!);
    console.log(
      `\nPeak RSS of leadscore's process: sampled every ${SAMPLE_MS} ms ${runs.map((r, i) => `run ${i + 1} ${mb(r.peakRss)}`).join(', ')}; ` +
        `VmHWM ${hwm === undefined ? 'unavailable' : mb(hwm)}` +
        (sandboxHwm === undefined ? '' : ` (the sandbox's own VmHWM, not counted: ${mb(sandboxHwm)})`),
    );
    const stateBytes = readdirSync(dir).reduce((n, name) => n + statSync(join(dir, name)).size, 0);
    console.log(`State files after the runs (database + WAL): ${mb(stateBytes)}`);
    console.log('\nTargets');
    const [, second, third] = runs;
    console.log(
      `   incremental run writes 0 and hands off 0: ${second!.report.counts.written} written, ${second!.report.counts.handedOff} handed off — ${verdict(second!.report.counts.written === 0 && second!.report.counts.handedOff === 0)}`,
    );
    if (third)
      console.log(
        `   second full run writes 0: ${third.report.counts.written} written, ${third.report.counts.handedOff} handed off — ${verdict(third.report.counts.written === 0)}`,
      );
    console.log(`   peak RSS < 300 MB: ${mb(peak)} — ${verdict(peak < RSS_TARGET_BYTES)}`);
    const failed = runs.reduce((n, r) => n + r.report.counts.failed, 0);
    const tooMany = runs.reduce((n, r) => n + r.report.rateLimited, 0);
    console.log(`   (also: ${fmt(failed)} records failed, ${fmt(tooMany)} 429s received over all runs)`);
  } finally {
    sampler.stop();
    await state?.close();
    sandbox.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
