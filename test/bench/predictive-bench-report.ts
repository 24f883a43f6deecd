/** The lines the predictive benchmark prints for a scoring run: rows/s per path against the target. */
import { fmt } from './bench-format.js';
import type { ScoringFigures, ScoringPath } from './predictive-bench-scoring.js';

export const TARGET_ROWS_PER_SECOND = 1_000_000;

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

const LABELS: Record<ScoringPath, string> = {
  kernel: '(a) kernel: encoded columns → probabilities (scoreSlots)',
  design: '    kernel over the n × p design (scoreDesign)',
  table: '(b) parsed table of text → probabilities (predictTable)',
  rows: '    rows of column → text → probabilities (predict)',
  leads: '(c) Lead objects → score + top 2 factors (predictLeads)',
};

/** Rows per second of each pass, slowest first. */
function rates(rows: number, passes: readonly number[]): number[] {
  return passes.map((ns) => rows / (ns / 1e9)).sort((a, b) => a - b);
}

function median(sorted: readonly number[]): number {
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * One line per timed path: the median pass, the range of the passes, the verdict; and rows per second of
 * CPU time, which says more than the clock when other processes share the machine.
 */
export function scoringLines(figures: ScoringFigures): string[] {
  const lines: string[] = [];
  for (const [path, label] of Object.entries(LABELS) as Array<[ScoringPath, string]>) {
    const passes = figures.passes[path].filter((ns) => ns > 0);
    if (passes.length === 0) continue;
    const sorted = rates(figures.rows, passes);
    const rate = median(sorted);
    const range = `${fmt(sorted[0]! / 1e6, 2)}–${fmt(sorted[sorted.length - 1]! / 1e6, 2)} M`;
    const cpu = median(
      rates(
        figures.rows,
        figures.cpuPasses[path].filter((ns) => ns > 0),
      ),
    );
    const target = `target ${fmt(TARGET_ROWS_PER_SECOND)}: ${verdict(rate >= TARGET_ROWS_PER_SECOND)}`;
    lines.push(
      `  ${label.padEnd(58)} ${fmt(rate).padStart(11)} rows/s  ${target}  ` +
        `(passes ${range}; ${fmt(cpu / 1e6, 2)} M per CPU second)`,
    );
  }
  return lines;
}

/** Whether the paths gave the same results (they should, exactly). */
export function checkLine(figures: ScoringFigures): string {
  const parts: string[] = [];
  if (figures.passes.table.some((ns) => ns > 0)) {
    parts.push(
      `predictTable, predict and scoreDesign agree to ${figures.maxDifference.toExponential(1)}; ` +
        `mean probability ${figures.meanProbability.toFixed(4)}`,
    );
  }
  if (figures.passes.leads.some((ns) => ns > 0))
    parts.push(`predictLeads scores ≠ predict over leadRow for ${fmt(figures.leadMismatches)} leads`);
  return `  checks: ${parts.join('; ')}`;
}
