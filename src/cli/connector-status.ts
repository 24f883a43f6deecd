import type { ConnectorDeployment } from '../config/deployment-schema.js';
import type { Cursor } from '../connector/crm-adapter.js';
import { describeLockHolder } from '../state/index.js';
import type { DeadLetter, LockHolder, RunRecord, StateStore } from '../state/index.js';
import { nextRuns } from './next-runs.js';

/** The cursor streams a sync checkpoints: one per scope kind that resumes (see runSync). */
export const CURSOR_STREAMS = ['incremental', 'full'] as const;
export const SCHEDULE_KINDS = ['incremental', 'full'] as const;

export interface StatusLimits {
  runs: number;
  deadLetters: number;
  nextRuns: number;
}

export const STATUS_LIMITS: StatusLimits = { runs: 10, deadLetters: 5, nextRuns: 3 };

export interface RunSummary extends RunRecord {
  /** Until now for a run still running. */
  durationMs: number;
}

export interface CursorSummary {
  stream: string;
  updatedAt: Date;
  /** `key=value` pairs, long values cut. */
  summary: string;
  cursor: Cursor;
}

export interface DeadLetterSummary extends DeadLetter {
  /** For a given-up record: what to do about it. */
  hint?: string;
}

export interface ScheduleStatus {
  kind: (typeof SCHEDULE_KINDS)[number];
  cron: string;
  timezone: string;
  /** Empty for a disabled connector, or when the expression fires not once within a year. */
  next: Date[];
}

export interface ConnectorStatus {
  connector: string;
  enabled: boolean;
  lock: (LockHolder & { description: string }) | null;
  runs: RunSummary[];
  cursors: CursorSummary[];
  deadLetters: { due: number; givenUp: number; entries: DeadLetterSummary[] };
  schedules: ScheduleStatus[];
}

/** Everything `leadscore status` shows for one connector; reads the state store only (no lock, no CRM). */
export async function connectorStatus(
  state: StateStore,
  connector: string,
  config: ConnectorDeployment,
  now: Date,
  limits: StatusLimits = STATUS_LIMITS,
): Promise<ConnectorStatus> {
  const holder = await state.locks.holder(connector);
  const runs = await state.runs.lastRuns(connector, limits.runs);
  const cursors: CursorSummary[] = [];
  for (const stream of CURSOR_STREAMS) {
    const stored = await state.cursors.get(connector, stream);
    if (stored)
      cursors.push({
        stream,
        updatedAt: stored.updatedAt,
        summary: summarizeCursor(stored.cursor),
        cursor: stored.cursor,
      });
  }
  const letters = await state.deadLetters.list({ connector });
  return {
    connector,
    enabled: config.enabled,
    lock: holder ? { ...holder, description: describeLockHolder(holder) } : null,
    runs: runs.map((run) => ({ ...run, durationMs: durationOf(run, now) })),
    cursors,
    deadLetters: {
      due: letters.filter((d) => d.status === 'due').length,
      givenUp: letters.filter((d) => d.status === 'given_up').length,
      entries: letters.slice(0, limits.deadLetters).map((d) => withHint(d)),
    },
    schedules: SCHEDULE_KINDS.flatMap((kind): ScheduleStatus[] => {
      const cron = config.schedules[kind];
      if (cron === undefined) return [];
      const next = config.enabled ? nextRuns(cron, config.timezone, now, { count: limits.nextRuns }) : [];
      return [{ kind, cron, timezone: config.timezone, next }];
    }),
  };
}

function durationOf(run: RunRecord, now: Date): number {
  return Math.max(0, (run.finishedAt ?? now).getTime() - run.startedAt.getTime());
}

const VALUE_WIDTH = 24;

/** Cursors are opaque to the core: shown as their own flat pairs, never interpreted. */
export function summarizeCursor(cursor: Cursor): string {
  const pairs = Object.entries(cursor).map(([key, value]) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return `${key}=${text.length > VALUE_WIDTH ? `${text.slice(0, VALUE_WIDTH - 1)}…` : text}`;
  });
  return pairs.join(' ') || '(empty)';
}

function withHint(letter: DeadLetter): DeadLetterSummary {
  if (letter.status !== 'given_up') return letter;
  return {
    ...letter,
    hint: `given up after ${letter.attempts} attempts — fix the record, then \`leadscore resync --connector ${letter.connector} --ids ${letter.recordId}\``,
  };
}
