import { z } from 'zod';
import { HANDOFF_ACTIONS } from '../../connector/crm-adapter.js';
import type { HandoffAction, HandoffRequest, HandoffResult } from '../../connector/crm-adapter.js';
import { LEDGER_STATES } from '../handoff-ledger.js';
import type { HandoffLedger, LedgerEntry, LedgerState } from '../handoff-ledger.js';
import { HandoffLedgerError } from '../state-errors.js';
import { epochMs, parseRow } from './sqlite-context.js';
import type { SqliteContext } from './sqlite-context.js';

const stateRow = z.object({ action: z.string(), state: z.enum(LEDGER_STATES) });
const entryRow = z.object({
  transition_key: z.string(),
  action: z.enum(HANDOFF_ACTIONS),
  state: z.enum(LEDGER_STATES),
  attempts: z.number().int().nonnegative(),
  detail: z.string().nullable(),
  started_at: epochMs.nullable(),
  updated_at: epochMs,
});

export class SqliteHandoffLedger implements HandoffLedger {
  private readonly selectStates;
  private readonly selectState;
  private readonly upsertStarted;
  private readonly insertOutcome;
  private readonly updateOutcome;
  private readonly selectStarted;
  private readonly selectEntries;

  constructor(private readonly ctx: SqliteContext) {
    const db = ctx.db;
    this.selectStates = db.prepare('SELECT action, state FROM handoff_ledger WHERE transition_key = ?');
    this.selectState = db
      .prepare('SELECT state FROM handoff_ledger WHERE transition_key = ? AND action = ?')
      .pluck();
    this.upsertStarted = db.prepare(
      `INSERT INTO handoff_ledger (transition_key, action, state, attempts, started_at, updated_at)
       VALUES (@key, @action, 'started', 1, @now, @now)
       ON CONFLICT (transition_key, action) DO UPDATE
       SET state = 'started', attempts = attempts + 1, started_at = @now, updated_at = @now`,
    );
    this.insertOutcome = db.prepare(
      `INSERT INTO handoff_ledger (transition_key, action, state, attempts, detail, updated_at)
       VALUES (@key, @action, @state, 1, @detail, @now)`,
    );
    this.updateOutcome = db.prepare(
      `UPDATE handoff_ledger SET state = @state, attempts = attempts + @increment, detail = @detail, updated_at = @now
       WHERE transition_key = @key AND action = @action`,
    );
    this.selectStarted = db.prepare(
      `SELECT * FROM handoff_ledger
       WHERE state = 'started' AND substr(transition_key, 1, length(@prefix)) = @prefix
       ORDER BY started_at, transition_key, action`,
    );
    this.selectEntries = db.prepare('SELECT * FROM handoff_ledger WHERE transition_key = ? ORDER BY action');
  }

  async pendingActions(key: string, configured: readonly HandoffAction[]): Promise<HandoffAction[]> {
    const states = new Map<string, LedgerState>();
    for (const raw of this.selectStates.all(key)) {
      const row = parseRow(this.ctx, 'handoff_ledger', stateRow, raw);
      states.set(row.action, row.state);
    }
    const pending = configured.filter((action) => {
      const state = states.get(action);
      return state === undefined || state === 'failed';
    });
    return [...new Set(pending)];
  }

  async begin(key: string, action: HandoffAction): Promise<void> {
    this.ctx.db.transaction(() => this.beginOne(key, action)).immediate();
  }

  async beginMany(requests: readonly HandoffRequest[]): Promise<void> {
    this.ctx.db
      .transaction(() => {
        for (const request of requests) {
          for (const action of new Set(request.actions)) this.beginOne(request.transition.key, action);
        }
      })
      .immediate();
  }

  async recordOutcome(key: string, action: HandoffAction, ok: boolean, detail: string): Promise<void> {
    this.ctx.db.transaction(() => this.recordOne(key, action, ok, detail)).immediate();
  }

  async recordResults(results: readonly HandoffResult[]): Promise<void> {
    this.ctx.db
      .transaction(() => {
        for (const result of results) {
          for (const outcome of result.outcomes)
            this.recordOne(result.key, outcome.action, outcome.ok, outcome.detail);
        }
      })
      .immediate();
  }

  async startedButUnconfirmed(keyPrefix = ''): Promise<LedgerEntry[]> {
    return this.selectStarted.all({ prefix: keyPrefix }).map((raw) => this.toEntry(raw));
  }

  async entries(key: string): Promise<LedgerEntry[]> {
    return this.selectEntries.all(key).map((raw) => this.toEntry(raw));
  }

  private beginOne(key: string, action: HandoffAction): void {
    const state = this.stateOf(key, action);
    if (state === 'succeeded') {
      throw new HandoffLedgerError(
        'STATE_HANDOFF_SUCCEEDED',
        `handoff ${action} of ${key} has already succeeded`,
      );
    }
    if (state === 'started') {
      throw new HandoffLedgerError(
        'STATE_HANDOFF_UNCONFIRMED',
        `handoff ${action} of ${key} was begun and never confirmed: verify it and record its outcome first`,
      );
    }
    this.upsertStarted.run({ key, action, now: this.ctx.now() });
  }

  private recordOne(key: string, action: HandoffAction, ok: boolean, detail: string): void {
    const state = this.stateOf(key, action);
    if (state === 'succeeded') {
      if (ok) return;
      throw new HandoffLedgerError(
        'STATE_HANDOFF_SUCCEEDED',
        `handoff ${action} of ${key} has already succeeded; a failure cannot be recorded over it`,
      );
    }
    const row = { key, action, state: ok ? 'succeeded' : 'failed', detail, now: this.ctx.now() };
    if (state === undefined) this.insertOutcome.run(row);
    // An outcome without a begin is an attempt of its own; after a begin, the begin counted it.
    else this.updateOutcome.run({ ...row, increment: state === 'started' ? 0 : 1 });
  }

  private stateOf(key: string, action: HandoffAction): LedgerState | undefined {
    const raw: unknown = this.selectState.get(key, action);
    return raw === undefined ? undefined : parseRow(this.ctx, 'handoff_ledger', z.enum(LEDGER_STATES), raw);
  }

  private toEntry(raw: unknown): LedgerEntry {
    const row = parseRow(this.ctx, 'handoff_ledger', entryRow, raw);
    const entry: LedgerEntry = {
      key: row.transition_key,
      action: row.action,
      state: row.state,
      attempts: row.attempts,
      updatedAt: new Date(row.updated_at),
    };
    if (row.detail !== null) entry.detail = row.detail;
    if (row.started_at !== null) entry.startedAt = new Date(row.started_at);
    return entry;
  }
}
