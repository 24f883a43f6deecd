export interface ProgressCounts {
  read: number;
  written: number;
  failed: number;
  /** Records the run expects to read, when the CRM said. */
  total?: number;
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `4,200` */
export function formatCount(n: number): string {
  return grouped.format(n);
}

/** `1,050` per second; one decimal below 10 so slow runs do not show `0`. */
export function formatRate(perSecond: number): string {
  return perSecond >= 10 ? grouped.format(perSecond) : oneDecimal.format(perSecond);
}

/** `12s`, `4m05s`, `1h02m` */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${pad(seconds % 60)}s`;
  return `${Math.floor(minutes / 60)}h${pad(minutes % 60)}m`;
}

/** Records read per second since the start, or undefined before any time has passed. */
export function readRate(counts: ProgressCounts, elapsedMs: number): number | undefined {
  return elapsedMs > 0 ? counts.read / (elapsedMs / 1000) : undefined;
}

/** Time left at the average rate so far, when both the total and a rate are known. */
export function remainingMs(counts: ProgressCounts, elapsedMs: number): number | undefined {
  const rate = readRate(counts, elapsedMs);
  if (counts.total === undefined || rate === undefined || rate === 0) return undefined;
  return (Math.max(0, counts.total - counts.read) / rate) * 1000;
}

/**
 * The plain progress line: `hubspot: 4,200 read, 310 written, 0 failed (1,050/s)`; with a known total
 * `hubspot: 4,200/10,000 read, … (1,050/s, ETA 6s)`; once finished `… (1,050/s), done in 4s`.
 */
export function describeProgress(
  label: string,
  counts: ProgressCounts,
  elapsedMs: number,
  finished: boolean,
): string {
  const read =
    counts.total === undefined
      ? formatCount(counts.read)
      : `${formatCount(counts.read)}/${formatCount(counts.total)}`;
  const line = `${label}: ${read} read, ${formatCount(counts.written)} written, ${formatCount(counts.failed)} failed`;
  const rate = readRate(counts, elapsedMs);
  const timing: string[] = rate === undefined ? [] : [`${formatRate(rate)}/s`];
  const eta = finished ? undefined : remainingMs(counts, elapsedMs);
  if (eta !== undefined) timing.push(`ETA ${formatDuration(eta)}`);
  const withTiming = timing.length > 0 ? `${line} (${timing.join(', ')})` : line;
  return finished ? `${withTiming}, done in ${formatDuration(elapsedMs)}` : withTiming;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
