/** What the Salesforce benchmark prints for one run: counts, API calls against the minimum, CPU, RSS. */
import type { SandboxStats } from '../../connectors/salesforce/sandbox/index.js';
import { fmt } from './bench-format.js';
import { callLines } from './salesforce-bench-minimum.js';
import type { MinimumInput } from './salesforce-bench-minimum.js';
import { printRunHead, printRunTail, verdict } from './sync-bench-report.js';
import type { RunCost } from './sync-bench-report.js';

/** Calls ÷ minimum the issue allows. */
export const CALLS_TARGET = 1.1;

export interface SalesforceRunFigures extends RunCost {
  minimum: Omit<MinimumInput, 'read' | 'byEndpoint'>;
  /** The org's own count of the requests of this run (by route), when the sandbox answered. */
  sandbox: SandboxStats | undefined;
}

/** Prints the run and returns calls ÷ minimum. */
export function printSalesforceRun(f: SalesforceRunFigures): number {
  const r = f.report;
  printRunHead(f);
  const { lines, minimum, actual, runLevelMinimum, issueFormula } = callLines({
    ...f.minimum,
    read: r.counts.read,
    byEndpoint: r.apiCallsByEndpoint,
  });
  const width = Math.max(...lines.map((l) => l.endpoint.length + l.what.length + 3));
  console.log(`   ${'API calls by endpoint'.padEnd(width)} ${'actual'.padStart(7)} ${'minimum'.padStart(7)}`);
  for (const l of lines)
    console.log(
      `   ${`${l.endpoint} — ${l.what}`.padEnd(width)} ${fmt(l.actual).padStart(7)} ${fmt(l.minimum).padStart(7)}  ${l.why}`,
    );
  const ratio = minimum > 0 ? actual / minimum : 1;
  console.log(
    `   ${'total'.padEnd(width)} ${fmt(actual).padStart(7)} ${fmt(minimum).padStart(7)}  = ×${ratio.toFixed(3)} ` +
      `(target ≤ ×${CALLS_TARGET}: ${verdict(ratio <= CALLS_TARGET)})`,
  );
  if (runLevelMinimum !== minimum)
    console.log(
      `   (over the whole run instead of per committed page, and without the handoff's record reads, the ` +
        `minimum would be ${fmt(runLevelMinimum)}: ×${(actual / runLevelMinimum).toFixed(3)})`,
    );
  if (r.apiCallsByEndpoint['POST /jobs/ingest'])
    console.log(
      `   (the issue's formula — ⌈read/${fmt(f.minimum.batchSize)}⌉ query pages + ⌈written/200⌉ writes + activity ` +
        `queries — gives ${fmt(issueFormula)} for collections writes alone; this run made ×${(actual / issueFormula).toFixed(3)} of it)`,
    );
  if (actual !== r.apiCalls)
    console.log(
      `   (the scheduler counted ${fmt(r.apiCalls)}: a line above went negative — check the split)`,
    );
  if (f.sandbox) {
    const token = Object.entries(f.sandbox.calls)
      .filter(([route]) => route.includes('/oauth2/'))
      .reduce((n, [, calls]) => n + calls, 0);
    const limited = f.sandbox.requestLimitExceeded;
    console.log(
      `   the org counted ${fmt(f.sandbox.total)} requests (${fmt(token)} of them OAuth token requests, which are not ` +
        `API calls); ${fmt(limited)} REQUEST_LIMIT_EXCEEDED; daily usage now ${fmt(f.sandbox.apiUsage.used)} of ` +
        `${fmt(f.sandbox.apiUsage.daily)}`,
    );
  }
  const seconds = r.durationMs / 1000;
  console.log(
    `   request rate ${fmt(r.apiCalls / seconds, 1)}/s; retried after 429/limits: ${fmt(r.rateLimited)}`,
  );
  printRunTail(f);
  return ratio;
}
