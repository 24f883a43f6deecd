/**
 * Resident memory of this process for the sync benchmarks: a 100 ms RSS sampler, the kernel's VmHWM, and
 * checkpoints of RSS and heap at shares of a run's records.
 */
import { readFileSync } from 'node:fs';
import { fmt } from './bench-format.js';

export const SAMPLE_MS = 100;

export const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024, 1)} MB`;

/**
 * Samples process.memoryUsage().rss every SAMPLE_MS and keeps the largest value since the last
 * `restart()`, so that each run gets its own peak. A busy event loop delays samples; `sample()` is also
 * called at every committed page (onProgress), so a peak between two timer ticks is not missed entirely.
 */
export class RssSampler {
  private peakBytes = 0;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
    this.timer.unref();
  }

  sample(): number {
    const rss = process.memoryUsage().rss;
    if (rss > this.peakBytes) this.peakBytes = rss;
    return rss;
  }

  /** Starts a new peak (from the current RSS). */
  restart(): void {
    this.peakBytes = 0;
    this.sample();
  }

  peak(): number {
    this.sample();
    return this.peakBytes;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** A field of /proc/<pid>/status in bytes (VmHWM = peak RSS, VmRSS = current); undefined when unreadable. */
export function procStatusBytes(field: 'VmHWM' | 'VmRSS', pid: number | 'self' = 'self'): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

export interface Checkpoint {
  share: number;
  read: number;
  seconds: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  /** Memory of C++ objects bound to JS objects (buffers); SQLite's own allocations are not in it. */
  external: number;
}

/**
 * Takes a checkpoint for every share of `total` (0.25, 0.5, …, removed from `shares` as they are taken)
 * that `read` records have reached, `started` being the run's process.hrtime.bigint().
 */
export function takeCheckpoints(
  into: Checkpoint[],
  shares: number[],
  read: number,
  total: number,
  started: bigint,
): void {
  while (shares.length && read >= shares[0]! * total) {
    const usage = process.memoryUsage();
    into.push({
      share: shares.shift()!,
      read,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      rss: usage.rss,
      heapUsed: usage.heapUsed,
      heapTotal: usage.heapTotal,
      external: usage.external,
    });
  }
}

export function printCheckpoints(checkpoints: Checkpoint[], records = 'contacts'): void {
  console.log(
    `\nMemory along run 1 (at committed pages; flat means it does not grow with the ${records} read):`,
  );
  for (const c of checkpoints)
    console.log(
      `   ${`${c.share * 100} %`.padStart(5)}  ${fmt(c.read).padStart(9)} read at ${fmt(c.seconds, 1).padStart(6)} s   ` +
        `RSS ${mb(c.rss).padStart(9)}   heap used ${mb(c.heapUsed).padStart(8)} of ${mb(c.heapTotal).padStart(8)}   ` +
        `external ${mb(c.external).padStart(7)}`,
    );
  const first = checkpoints[0];
  const last = checkpoints.at(-1);
  if (first && last && last !== first)
    console.log(
      `   growth from 25 % to 100 %: RSS ${mb(last.rss - first.rss)}, heap used ${mb(last.heapUsed - first.heapUsed)}`,
    );
}
