import { setFlagsFromString } from 'node:v8';

/** V8 grows the heap to (1 + percent / 100) × the live heap after a full collection. */
export const HEAP_GROWING_PERCENT = 50;

const FLAG = '--heap-growing-percent';

/**
 * Keeps the heap close to what a sync actually holds. A sync's live heap stays near 45 MB whatever the
 * number of records (pages are committed and dropped one by one), but it makes garbage fast — parsed query
 * pages, activity rows, write bodies — and V8's default policy lets a fast-allocating heap grow to about
 * four times its live size before the next full collection: 170 MB of mostly garbage, 370 MB resident at
 * 50,000 Salesforce Leads. With the factor at 1.5 the process peaks near 230 MB; the price is more full
 * collections (`npm run bench:salesforce`: leadscore's CPU on a no-change rerun 6.8 → 11.2 s), which
 * against a real org's API latency does not show in a run's time. The CLI applies it at start; a
 * `--heap-growing-percent` given in NODE_OPTIONS or on node's command line wins (100 = 2×: 246 MB).
 * Returns the percent in force, undefined when left to the operator's flag.
 */
export function limitHeapGrowth(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string | undefined = process.env.NODE_OPTIONS,
): number | undefined {
  const given = (argument: string) => argument === FLAG || argument.startsWith(`${FLAG}=`);
  if (execArgv.some(given) || (nodeOptions ?? '').split(/\s+/).some(given)) return undefined;
  setFlagsFromString(`${FLAG}=${HEAP_GROWING_PERCENT}`);
  return HEAP_GROWING_PERCENT;
}
