import { z } from 'zod';
import type { StateStore } from '../state-store.js';
import { StateValueInvalidError } from '../state-errors.js';
import { migrate } from './migrate.js';
import { openDatabase } from './open-database.js';
import type { SqliteContext } from './sqlite-context.js';
import { describeIssues } from './sqlite-context.js';
import { SqliteCursorStore } from './sqlite-cursor-store.js';
import { SqliteDeadLetterStore } from './sqlite-dead-letter-store.js';
import { SqliteHandoffLedger } from './sqlite-handoff-ledger.js';
import { SqliteLeadMarkStore } from './sqlite-lead-mark-store.js';
import { SqliteLockStore } from './sqlite-lock-store.js';
import { SqliteRunStore } from './sqlite-run-store.js';
import { SqliteScoreHistoryStore } from './sqlite-score-history-store.js';

export interface SqliteStateStoreOptions {
  /** Path of the state file (created when missing), or ':memory:'. */
  file: string;
  /** How long a write waits for another process's write to finish before failing. Default 5000. */
  busyTimeoutMs?: number;
  /** The failure on which a dead letter is given up. Default 5. */
  deadLetterMaxAttempts?: number;
  /** Milliseconds since the epoch. Default Date.now. */
  now?: () => number;
}

const optionsSchema = z.object({
  file: z.string().min(1),
  busyTimeoutMs: z.number().int().nonnegative().default(5000),
  deadLetterMaxAttempts: z.number().int().positive().default(5),
});

/** The state store on one SQLite file, migrated to the latest schema on open. */
export class SqliteStateStore implements StateStore {
  readonly cursors: SqliteCursorStore;
  readonly runs: SqliteRunStore;
  readonly handoffs: SqliteHandoffLedger;
  readonly deadLetters: SqliteDeadLetterStore;
  readonly scoreHistory: SqliteScoreHistoryStore;
  readonly locks: SqliteLockStore;
  readonly leadMarks: SqliteLeadMarkStore;

  private constructor(
    private readonly ctx: SqliteContext,
    deadLetterMaxAttempts: number,
  ) {
    this.cursors = new SqliteCursorStore(ctx);
    this.runs = new SqliteRunStore(ctx);
    this.handoffs = new SqliteHandoffLedger(ctx);
    this.deadLetters = new SqliteDeadLetterStore(ctx, deadLetterMaxAttempts);
    this.scoreHistory = new SqliteScoreHistoryStore(ctx);
    this.locks = new SqliteLockStore(ctx);
    this.leadMarks = new SqliteLeadMarkStore(ctx);
  }

  /** Throws STATE_OPEN_FAILED, STATE_SCHEMA_NEWER or STATE_MIGRATION_FAILED, closing the file first. */
  static open(options: SqliteStateStoreOptions): SqliteStateStore {
    const parsed = optionsSchema.safeParse(options);
    if (!parsed.success)
      throw new StateValueInvalidError('state store options', describeIssues(parsed.error));
    const { file, busyTimeoutMs, deadLetterMaxAttempts } = parsed.data;
    const db = openDatabase(file, busyTimeoutMs);
    const ctx: SqliteContext = { db, file, now: options.now ?? Date.now };
    try {
      migrate(ctx);
      return new SqliteStateStore(ctx, deadLetterMaxAttempts);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  get file(): string {
    return this.ctx.file;
  }

  async close(): Promise<void> {
    if (this.ctx.db.open) this.ctx.db.close();
  }
}
