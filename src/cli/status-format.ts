import type { ConnectorStatus, RunSummary } from './connector-status.js';
import { duration, instant, wallClock } from './time-format.js';

const n = (value: number | undefined) => (value === undefined ? '–' : value.toLocaleString('en-US'));

const RUN_COLUMNS: [title: string, width: number, cell: (r: RunSummary) => string][] = [
  ['id', 6, (r) => String(r.id)],
  ['kind', 11, (r) => r.kind],
  ['status', 19, (r) => r.status],
  ['started', 20, (r) => instant(r.startedAt)],
  ['duration', 9, (r) => `${duration(r.durationMs)}${r.status === 'running' ? '…' : ''}`],
  ['read', 9, (r) => n(r.counts?.read)],
  ['written', 9, (r) => n(r.counts?.written)],
  ['failed', 7, (r) => n(r.counts?.failed)],
  ['handed off', 10, (r) => n(r.counts?.handedOff)],
  ['API calls', 9, (r) => n(r.apiCalls)],
];
const LEFT_ALIGNED = new Set(['kind', 'status', 'started']);

function row(cells: string[]): string {
  return cells
    .map((cell, i) => {
      const [title, width] = RUN_COLUMNS[i]!;
      return LEFT_ALIGNED.has(title) ? cell.padEnd(width) : cell.padStart(width);
    })
    .join('  ')
    .trimEnd();
}

function runLines(runs: RunSummary[]): string[] {
  if (runs.length === 0) return ['  Last runs: no runs yet'];
  const lines = ['  Last runs (newest first):', `  ${row(RUN_COLUMNS.map(([title]) => title))}`];
  for (const run of runs) {
    lines.push(`  ${row(RUN_COLUMNS.map(([, , cell]) => cell(run)))}`);
    if (run.error) lines.push(`${' '.repeat(10)}error: ${run.error}`);
  }
  return lines;
}

/** The human `status` of one connector. */
export function formatConnectorStatus(status: ConnectorStatus): string[] {
  const schedulesZone = status.schedules[0]?.timezone;
  const lines = [
    `${status.connector}${status.enabled ? '' : ' (disabled)'}`,
    `  Sync: ${status.lock ? status.lock.description : 'none running'}`,
    ...runLines(status.runs),
  ];

  lines.push(status.cursors.length ? '  Cursors:' : '  Cursors: none yet');
  for (const c of status.cursors)
    lines.push(`    ${c.stream.padEnd(12)} updated ${instant(c.updatedAt)}  ${c.summary}`);

  const { due, givenUp, entries } = status.deadLetters;
  lines.push(`  Dead letters: ${n(due)} due (retried on the next run), ${n(givenUp)} given up`);
  const idWidth = Math.max(0, ...entries.map((d) => d.recordId.length));
  for (const d of entries) {
    const marker = (d.status === 'given_up' ? 'GIVEN UP' : 'due').padEnd(8);
    lines.push(
      `    ${d.recordId.padEnd(idWidth)}  ${marker}  ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}, last ${instant(d.lastAt)}: ${d.reason}`,
    );
    if (d.hint) lines.push(`      ${d.hint}`);
  }
  if (due + givenUp > entries.length) lines.push(`    … and ${n(due + givenUp - entries.length)} more`);

  if (status.schedules.length === 0) lines.push('  Schedules: none configured');
  else lines.push(`  Next scheduled runs (${schedulesZone}):`);
  for (const s of status.schedules) {
    const when = !status.enabled
      ? 'none (connector disabled)'
      : s.next.length
        ? s.next.map((d) => `${instant(d)} (${wallClock(d, s.timezone)})`).join(', ')
        : 'none within a year';
    lines.push(`    ${s.kind.padEnd(12)} ${s.cron.padEnd(14)} ${when}`);
  }
  return lines;
}
