/** Re-read this much before the last high-water mark: the clocks of a CRM's writers are not one clock. */
export const INCREMENTAL_OVERLAP_MS = 5 * 60_000;

/**
 * Where a new incremental read starts: after a finished one, at its high-water mark; for a first one, at
 * `since` (our clock: the last full run's start; the epoch without one) — both less the clock-skew overlap.
 * Its high-water mark starts at `asOf` (when the run started), so that the next read may start there even
 * if nothing newer was modified, and never before the start itself.
 */
export function incrementalWindow(
  previousHighWater: number | undefined,
  since: Date | undefined,
  asOf: Date | undefined,
): { since: number; highWater: number } {
  const from = Math.max(0, (previousHighWater ?? since?.getTime() ?? 0) - INCREMENTAL_OVERLAP_MS);
  return { since: from, highWater: Math.max(from, asOf?.getTime() ?? 0) };
}
