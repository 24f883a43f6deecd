import type { SyncReport } from '../sync/sync-types.js';

const n = (value: number) => value.toLocaleString('en-US');

function distribution(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([key, count]) => `${key} ${n(count)}`)
    .join(', ');
}

/** The human summary of a run, as printed after `sync`, `resync` and the demo. */
export function formatSyncReport(report: SyncReport): string[] {
  const c = report.counts;
  const seconds = report.durationMs / 1000;
  const dry = report.kind === 'dry-run';
  const lines = [
    `${report.connector}: ${report.kind} run${report.runId !== undefined ? ` #${report.runId}` : ''} ${report.status} in ${seconds.toFixed(1)} s`,
    `  records read ${n(c.read)}, scored ${n(c.scored)}, ${dry ? 'would write' : 'written'} ${n(c.written)}, unchanged ${n(c.unchanged)}, failed ${n(c.failed)}`,
    `  MQLs ${dry ? 'that would be handed off' : 'handed off'}: ${n(c.handedOff)}`,
    `  grades: ${distribution(report.grades) || 'none'}`,
    `  statuses: ${distribution(report.statuses) || 'none'}`,
    `  API calls ${n(report.apiCalls)} (${n(report.rateLimited)} rate-limited), ${seconds > 0 ? n(Math.round(c.read / seconds)) : '–'} records/s`,
  ];
  if (report.retriedDeadLetters) lines.push(`  dead letters retried first: ${n(report.retriedDeadLetters)}`);
  if (report.error) lines.push(`  ${report.status === 'ok' ? 'note' : 'stopped'}: ${report.error}`);
  if (dry) {
    for (const w of report.plannedWrites)
      lines.push(
        `  would write ${w.recordId}${w.email ? ` <${w.email}>` : ''}: score ${w.before.score ?? '–'} → ${w.after.score}, grade ${w.before.grade ?? '–'} → ${w.after.grade}, status ${w.before.status ?? '–'} → ${w.after.status}`,
      );
    if (c.written > report.plannedWrites.length)
      lines.push(`  … and ${n(c.written - report.plannedWrites.length)} more writes`);
    for (const h of report.plannedHandoffs)
      lines.push(`  would hand off ${h.recordId}${h.email ? ` <${h.email}>` : ''}: ${h.actions.join(', ')}`);
  }
  return lines;
}
