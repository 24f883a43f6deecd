/** Resident memory of this process for the sync benchmark: a 100 ms RSS sampler and the kernel's VmHWM. */
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
