/**
 * `npm run build && npm run bench:stream [-- --leads N --activities N --keep]`
 *
 * Writes N synthetic leads (default 1,000,000 × 20 activities) as canonical JSONL to the temp
 * folder, runs `leadscore score --input FILE --format json` on it in a child process, and shows
 * whether the CLI streams: its resident memory (VmRSS from /proc/<pid>/status, sampled every
 * 250 ms and at each 10 % of the output) should stay flat however many leads go through.
 * The temp file is deleted at the end (unless --keep).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../../src/util/package-root.js';
import { fmt, wholeNumber } from './bench-format.js';
import { DEFAULT_NOW, DEFAULT_SEED, writeSyntheticLeadsJsonl } from './synthetic-leads.js';

const SAMPLE_MS = 250;
/** Growth of VmRSS between 10 % and 100 % of the output under which memory counts as flat. */
const FLAT_KB = 50 * 1024;

const { values: args } = parseArgs({
  options: {
    leads: { type: 'string', default: '1000000' },
    activities: { type: 'string', default: '20' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    keep: { type: 'boolean', default: false },
  },
});
const LEADS = wholeNumber('leads', args.leads);
const ACTIVITIES = wholeNumber('activities', args.activities, 0);
const SEED = wholeNumber('seed', args.seed, 0);

const mb = (kb: number) => `${fmt(kb / 1024, 1)} MB`;

/** VmRSS and VmHWM (peak) of a live process, in kB; undefined once it has exited. */
function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = (key: string) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  const rss = kb('VmRSS');
  return Number.isNaN(rss) ? undefined : { rss, hwm: kb('VmHWM') };
}

function countNewlines(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

interface Run {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  lines: number;
  seconds: number;
  firstLine: string;
  stderrTail: string;
  peakRssKb: number;
  hwmKb: number;
  samples: number;
  /** VmRSS (kB) when 10 %, 20 % … 100 % of the results were out. */
  decileRssKb: (number | undefined)[];
}

async function runCli(cli: string, file: string): Promise<Run> {
  const argv = [cli, 'score', '--input', file, '--format', 'json', '--now', DEFAULT_NOW.toISOString()];
  console.log(`\nrunning: node ${argv.map((a) => a.replace(packageRoot() + '/', '')).join(' ')}`);
  console.log('   progress   leads out    time     VmRSS');
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  const child = spawn(process.execPath, argv, { cwd: packageRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid!;

  const run: Run = {
    exitCode: null,
    signal: null,
    lines: 0,
    seconds: 0,
    firstLine: '',
    stderrTail: '',
    peakRssKb: 0,
    hwmKb: 0,
    samples: 0,
    decileRssKb: [],
  };
  const sample = () => {
    const memory = memoryOf(pid);
    if (!memory) return undefined;
    run.samples++;
    run.peakRssKb = Math.max(run.peakRssKb, memory.rss);
    run.hwmKb = Math.max(run.hwmKb, memory.hwm);
    return memory;
  };
  const timer = setInterval(sample, SAMPLE_MS);

  let nextDecile = 1;
  let head = '';
  child.stdout.on('data', (chunk: Buffer) => {
    if (run.lines === 0 && head.length < 100_000) head += chunk.toString('utf8');
    run.lines += countNewlines(chunk);
    while (nextDecile <= 10 && run.lines >= (LEADS * nextDecile) / 10) {
      const memory = sample();
      run.decileRssKb.push(memory?.rss);
      console.log(
        `   ${String(nextDecile * 10).padStart(5)} %  ${fmt(run.lines).padStart(10)}  ${fmt(elapsed(), 1).padStart(6)} s  ` +
          `${memory ? mb(memory.rss).padStart(10) : '(exited)'}`,
      );
      nextDecile++;
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    run.stderrTail = (run.stderrTail + chunk.toString('utf8')).slice(-4000);
  });

  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      run.exitCode = code;
      run.signal = signal;
      resolve();
    });
  });
  clearInterval(timer);
  run.seconds = elapsed();
  run.firstLine = head.split('\n', 1)[0] ?? '';
  return run;
}

async function main(): Promise<void> {
  const cli = join(packageRoot(), 'dist', 'src', 'cli', 'main.js');
  console.log(`leadscore streaming benchmark — Node ${process.version}, ${process.platform}/${process.arch}`);
  if (!existsSync(cli)) {
    console.log(`${cli} does not exist: run \`npm run build\` first.`);
    process.exitCode = 2;
    return;
  }
  const file = join(tmpdir(), `leadscore-stream-bench-${process.pid}.jsonl`);
  const cleanUp = () => {
    if (!args.keep) rmSync(file, { force: true });
  };
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });

  try {
    console.log(`writing ${fmt(LEADS)} synthetic leads × ${ACTIVITIES} activities (seed ${SEED}) to ${file}`);
    const t0 = process.hrtime.bigint();
    const { bytes } = writeSyntheticLeadsJsonl(file, LEADS, { activitiesPerLead: ACTIVITIES, seed: SEED });
    const writeS = Number(process.hrtime.bigint() - t0) / 1e9;
    console.log(
      `   ${fmt(bytes / 1e9, 2)} GB (${fmt(statSync(file).size / LEADS)} bytes per lead) written in ${fmt(writeS, 1)} s`,
    );

    const run = await runCli(cli, file);
    const failed = run.exitCode !== 0 || run.lines !== LEADS;
    console.log(
      `\nexit code ${run.exitCode ?? run.signal}; ${fmt(run.lines)} result lines for ${fmt(LEADS)} leads` +
        `${run.lines === LEADS ? '' : '  ← MISMATCH'}`,
    );
    if (run.firstLine)
      console.log(`first line: ${run.firstLine.slice(0, 300)}${run.firstLine.length > 300 ? '…' : ''}`);
    console.log(
      `total ${fmt(run.seconds, 1)} s (reading, parsing, scoring, writing JSON) → ${fmt(run.lines / run.seconds)} leads/s`,
    );
    console.log(
      `child memory: peak VmHWM ${mb(run.hwmKb)}, highest sampled VmRSS ${mb(run.peakRssKb)} ` +
        `(${run.samples} samples, every ${SAMPLE_MS} ms and at each 10 %)`,
    );
    const first = run.decileRssKb[0];
    const last = run.decileRssKb.findLast((kb) => kb !== undefined);
    if (first !== undefined && last !== undefined && run.decileRssKb.length > 1) {
      const growth = last - first;
      const sign = growth >= 0 ? '+' : '−';
      console.log(
        `VmRSS from 10 % to ${run.decileRssKb.length * 10} % of the leads: ${mb(first)} → ${mb(last)} ` +
          `(${sign}${mb(Math.abs(growth))}, ${sign}${fmt(Math.abs((100 * growth) / first), 1)} %): ` +
          `${growth <= FLAT_KB ? `flat (grew < ${mb(FLAT_KB)})` : `GROWS with the number of leads (> ${mb(FLAT_KB)})`}`,
      );
    }
    if (run.stderrTail.trim()) {
      console.log('child stderr (last lines):');
      for (const line of run.stderrTail.trim().split('\n').slice(-8)) console.log(`   ${line}`);
    }
    if (failed) process.exitCode = 1;
  } finally {
    cleanUp();
    if (!args.keep) console.log(`deleted ${file}`);
  }
}

await main();
