import type { Activity } from '../model/activity.js';
import { formatPoints } from '../scoring/reasons.js';
import type { RecordExplanation } from './explain-record.js';
import { instant } from './time-format.js';

const ATTRIBUTE_WIDTH = 60;
const COMPARED = ['score', 'fit', 'engagement', 'grade', 'status', 'reasons', 'model'] as const;

function text(value: unknown): string {
  if (value instanceof Date) return instant(value);
  if (Array.isArray(value)) return value.map(text).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function cut(value: string, width: number): string {
  return value.length <= width ? value : `${value.slice(0, width - 1)}…`;
}

function profileLines(profile: Record<string, unknown>): string[] {
  const entries = Object.entries(profile).flatMap(([key, value]) =>
    key === 'custom' && value && typeof value === 'object'
      ? Object.entries(value).map(([k, v]): [string, unknown] => [`custom.${k}`, v])
      : [[key, value] as [string, unknown]],
  );
  if (entries.length === 0) return ['Profile: no field set'];
  const width = Math.max(...entries.map(([key]) => key.length));
  return ['Profile', ...entries.map(([key, value]) => `  ${key.padEnd(width)}  ${text(value)}`)];
}

function activityLine(activity: Activity): string {
  const attributes = Object.entries(activity)
    .filter(([key, value]) => key !== 'type' && key !== 'at' && value !== undefined)
    .map(([key, value]) => `${key}=${cut(text(value), ATTRIBUTE_WIDTH)}`);
  return `  ${instant(activity.at)}  ${activity.type.padEnd(20)} ${attributes.join(' ')}`.trimEnd();
}

function activityLines({ total, shown }: RecordExplanation['activities']): string[] {
  if (total === 0) return ['Activities: none'];
  const lines = [`Activities (${total}, newest first)`, ...shown.map(activityLine)];
  if (total > shown.length) lines.push(`  … and ${total - shown.length} older`);
  return lines;
}

function scoreLines(score: RecordExplanation['score']): string[] {
  const lines = [
    `Score now: ${score.score} (fit ${score.fit}, engagement ${score.engagement}), grade ${score.grade}, engine status ${score.status}  [model ${score.model}]`,
  ];
  if (score.statusReason) lines.push(`  status reason: ${score.statusReason}`);
  lines.push(score.contributions.length ? '  Contributions:' : '  Contributions: no rule matched');
  for (const c of score.contributions)
    lines.push(
      `    ${formatPoints(c.points).padStart(5)}  ${c.label}  [rule ${c.rule}, ${c.section}, count ${c.count}, decay ×${c.decay}${c.capped ? ', capped' : ''}]`,
    );
  if (score.adjustments.length) lines.push('  Adjustments:');
  for (const a of score.adjustments)
    lines.push(
      `    ${formatPoints(a.points).padStart(5)}  ${a.label}  [${a.kind}${a.dimension ? `, ${a.dimension}` : ''}]`,
    );
  return lines;
}

function lifecycleLines(x: RecordExplanation): string[] {
  const { lifecycle } = x;
  const lines = [
    'Lifecycle',
    `  status a sync would write: ${lifecycle.status}${lifecycle.status === lifecycle.engineStatus ? '' : ` (engine: ${lifecycle.engineStatus})`}`,
  ];
  if (lifecycle.note) lines.push(`  because: ${lifecycle.note}`);
  lines.push(`  would hand off: ${lifecycle.handoff.wouldHandOff ? 'yes' : 'no'} — ${lifecycle.handoff.why}`);
  return lines;
}

function crmLines({ crm }: RecordExplanation): string[] {
  const c = crm.current;
  const lines = [
    c
      ? `CRM now: score ${c.score ?? '–'} (fit ${c.fit ?? '–'}, engagement ${c.engagement ?? '–'}), grade ${c.grade ?? '–'}, status ${c.status ?? '–'}, model ${c.model ?? '–'}, scored ${c.scoredAt ? instant(c.scoredAt) : '–'}`
      : 'CRM now: never scored',
  ];
  if (c?.reasons) lines.push(`  reasons: ${c.reasons}`);
  if (!crm.wouldWrite) {
    lines.push('  would write: no (the CRM holds these values already)');
    return lines;
  }
  const changes = COMPARED.filter((k) => (c?.[k] ?? '') !== crm.values[k]).map((k) =>
    k === 'reasons' ? 'reasons' : `${k} ${c?.[k] ?? '–'} → ${crm.values[k]}`,
  );
  lines.push(`  would write: yes — ${changes.join(', ')}`);
  if (changes.includes('reasons')) lines.push(`  new reasons: ${crm.values.reasons}`);
  return lines;
}

function stateLines(x: RecordExplanation): string[] {
  const lines: string[] = [];
  if (x.ledger.key === null) lines.push('Handoff ledger: not an MQL, no episode to show');
  else if (x.ledger.entries.length === 0) lines.push(`Handoff ledger (${x.ledger.key}): no entries`);
  else {
    lines.push(`Handoff ledger (${x.ledger.key})`);
    for (const e of x.ledger.entries)
      lines.push(
        `  ${e.action.padEnd(16)} ${e.state.padEnd(10)} ${e.attempts} attempt${e.attempts === 1 ? '' : 's'}, updated ${instant(e.updatedAt)}${e.detail ? `: ${e.detail}` : ''}`,
      );
  }
  lines.push(
    x.history.length ? `Score history (last ${x.history.length}, newest first)` : 'Score history: none',
  );
  for (const h of x.history)
    lines.push(
      `  ${instant(h.at)}  score ${String(h.score).padStart(4)}  grade ${h.grade}  ${h.status.padEnd(14)} ${h.model}`,
    );
  const d = x.deadLetter;
  lines.push(
    d
      ? `Dead letter: ${d.status === 'given_up' ? 'GIVEN UP' : 'due'} after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}, last ${instant(d.lastAt)}: ${d.reason}`
      : 'Dead letter: none',
  );
  return lines;
}

/** The human `explain` of one record. */
export function formatExplanation(x: RecordExplanation): string[] {
  const email = typeof x.profile.email === 'string' ? ` <${x.profile.email}>` : '';
  return [
    `${x.connector} record ${x.id}${email}, as a sync would see it at ${instant(x.now)}`,
    '',
    ...profileLines(x.profile),
    '',
    ...activityLines(x.activities),
    '',
    ...scoreLines(x.score),
    '',
    ...lifecycleLines(x),
    '',
    ...crmLines(x),
    '',
    ...stateLines(x),
  ];
}
