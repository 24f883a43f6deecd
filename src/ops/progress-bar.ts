import cliProgress from 'cli-progress';
import type { Options, Params } from 'cli-progress';
import type { Progress, ProgressOptions } from './progress.js';
import type { ProgressCounts } from './progress-format.js';
import { formatCount, formatDuration, formatRate, readRate, remainingMs } from './progress-format.js';

/** A cli-progress bar redrawn in place: read/total (or a running count), written, failed, rate, ETA. */
export function createProgressBar(options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const startedAt = now();
  let counts: ProgressCounts = { read: 0, written: 0, failed: 0, total: options.total };
  let stopped = false;

  // The line is rendered from our own counts and clock; cli-progress only draws it and the bar.
  const format = (barOptions: Options, params: Params): string => {
    const elapsed = now() - startedAt;
    const rate = readRate(counts, elapsed);
    const parts = [
      `${formatCount(counts.written)} written`,
      `${formatCount(counts.failed)} failed`,
      `${rate === undefined ? '-' : formatRate(rate)}/s`,
    ];
    if (counts.total === undefined)
      return [`${options.label} ${formatCount(counts.read)} read`, ...parts].join(' | ');
    const eta = remainingMs(counts, elapsed);
    const bar = cliProgress.Format.BarFormat(params.progress, barOptions);
    const percent = Math.floor(params.progress * 100);
    return [
      `${options.label} [${bar}] ${percent}%`,
      `${formatCount(counts.read)}/${formatCount(counts.total)} read`,
      ...parts,
      `ETA ${eta === undefined ? '-' : formatDuration(eta)}`,
    ].join(' | ');
  };

  const bar = new cliProgress.SingleBar({
    stream: options.stream,
    format,
    barsize: 24,
    hideCursor: false,
    clearOnComplete: false,
    fps: 5,
  });
  bar.start(options.total ?? 0, 0);

  return {
    update(next) {
      if (stopped) return;
      counts = { ...next, total: next.total ?? counts.total };
      if (counts.total !== undefined && counts.total !== bar.getTotal()) bar.setTotal(counts.total);
      bar.update(counts.read);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
