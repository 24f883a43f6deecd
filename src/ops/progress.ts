import { createProgressBar } from './progress-bar.js';
import { describeProgress } from './progress-format.js';
import type { ProgressCounts } from './progress-format.js';

export type { ProgressCounts } from './progress-format.js';

export interface Progress {
  /** The run's counts so far (absolute, not increments). */
  update(counts: ProgressCounts): void;
  /** Shows the final counts; later calls do nothing. */
  stop(): void;
}

export interface ProgressOptions {
  stream: NodeJS.WriteStream | NodeJS.WritableStream;
  /** A bar redrawn in place on a terminal, otherwise plain lines (CI, log files). */
  isTTY: boolean;
  /** Usually the connector name. */
  label: string;
  /** Records expected, if known up front; `update` may also bring it. */
  total?: number;
  /** Clock in ms; default `Date.now`. */
  now?: () => number;
  /** Plain lines only: least time between two lines; default 10 s. */
  intervalMs?: number;
}

export const DEFAULT_PROGRESS_INTERVAL_MS = 10_000;

export function createProgress(options: ProgressOptions): Progress {
  return options.isTTY ? createProgressBar(options) : new LineProgress(options);
}

/** At most one line per interval, so a long run in CI leaves a readable log; always one at stop. */
class LineProgress implements Progress {
  readonly #options: ProgressOptions;
  readonly #now: () => number;
  readonly #startedAt: number;
  #lastLineAt: number;
  #counts: ProgressCounts;
  #stopped = false;

  constructor(options: ProgressOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#startedAt = this.#now();
    this.#lastLineAt = this.#startedAt;
    this.#counts = { read: 0, written: 0, failed: 0, total: options.total };
  }

  update(counts: ProgressCounts): void {
    if (this.#stopped) return;
    this.#counts = { ...counts, total: counts.total ?? this.#counts.total };
    const now = this.#now();
    if (now - this.#lastLineAt < (this.#options.intervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS)) return;
    this.#lastLineAt = now;
    this.#write(now, false);
  }

  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#write(this.#now(), true);
  }

  #write(now: number, finished: boolean): void {
    const line = describeProgress(this.#options.label, this.#counts, now - this.#startedAt, finished);
    this.#options.stream.write(`${line}\n`);
  }
}
