import { z } from 'zod';
import type { RecordFailure } from '../../connector/crm-adapter.js';
import { DEAD_LETTER_STATUSES } from '../dead-letter-store.js';
import type { DeadLetter, DeadLetterFilter, DeadLetterStore } from '../dead-letter-store.js';
import { epochMs, parseRow } from './sqlite-context.js';
import type { SqliteContext } from './sqlite-context.js';

const deadLetterRow = z.object({
  connector: z.string(),
  record_id: z.string(),
  status: z.enum(DEAD_LETTER_STATUSES),
  attempts: z.number().int().positive(),
  reason: z.string(),
  code: z.string().nullable(),
  first_at: epochMs,
  last_at: epochMs,
});

export class SqliteDeadLetterStore implements DeadLetterStore {
  private readonly upsert;
  private readonly selectDue;
  private readonly remove;
  private readonly selectList;

  /** @param maxAttempts the failure that makes a record give up (the Nth: N−1 failures are still due). */
  constructor(
    private readonly ctx: SqliteContext,
    private readonly maxAttempts: number,
  ) {
    const db = ctx.db;
    // Status is recomputed on every failure, so raising maxAttempts later revives given-up records that fail again.
    this.upsert = db.prepare(
      `INSERT INTO dead_letters (connector, record_id, status, attempts, reason, code, first_at, last_at)
         VALUES (@connector, @recordId, CASE WHEN 1 >= @max THEN 'given_up' ELSE 'due' END, 1, @reason, @code, @now, @now)
         ON CONFLICT (connector, record_id) DO UPDATE
         SET attempts = attempts + 1,
             status = CASE WHEN attempts + 1 >= @max THEN 'given_up' ELSE 'due' END,
             reason = excluded.reason, code = excluded.code, last_at = excluded.last_at
         RETURNING *`,
    );
    this.selectDue = db.prepare(
      "SELECT * FROM dead_letters WHERE connector = ? AND status = 'due' ORDER BY first_at, record_id",
    );
    this.remove = db.prepare('DELETE FROM dead_letters WHERE connector = ? AND record_id = ?');
    this.selectList = db.prepare(
      `SELECT * FROM dead_letters
       WHERE (@connector IS NULL OR connector = @connector) AND (@status IS NULL OR status = @status)
       ORDER BY connector, first_at, record_id`,
    );
  }

  async add(connector: string, recordId: string, reason: string, code?: string): Promise<DeadLetter> {
    return this.ctx.db.transaction(() => this.addOne(connector, recordId, reason, code)).immediate();
  }

  async addFailures(connector: string, failures: readonly RecordFailure[]): Promise<DeadLetter[]> {
    return this.ctx.db
      .transaction(() => failures.map((f) => this.addOne(connector, f.ref.id, f.reason, f.code)))
      .immediate();
  }

  async due(connector: string): Promise<DeadLetter[]> {
    return this.selectDue.all(connector).map((raw) => this.toDeadLetter(raw));
  }

  async resolve(connector: string, recordId: string): Promise<boolean> {
    return this.remove.run(connector, recordId).changes > 0;
  }

  async resolveMany(connector: string, recordIds: readonly string[]): Promise<number> {
    return this.ctx.db
      .transaction(() => recordIds.reduce((n, id) => n + this.remove.run(connector, id).changes, 0))
      .immediate();
  }

  async list(filter: DeadLetterFilter = {}): Promise<DeadLetter[]> {
    const rows = this.selectList.all({ connector: filter.connector ?? null, status: filter.status ?? null });
    return rows.map((raw) => this.toDeadLetter(raw));
  }

  private addOne(connector: string, recordId: string, reason: string, code: string | undefined): DeadLetter {
    const now = this.ctx.now();
    const raw = this.upsert.get({
      connector,
      recordId,
      reason,
      code: code ?? null,
      now,
      max: this.maxAttempts,
    });
    return this.toDeadLetter(raw);
  }

  private toDeadLetter(raw: unknown): DeadLetter {
    const row = parseRow(this.ctx, 'dead_letters', deadLetterRow, raw);
    const letter: DeadLetter = {
      connector: row.connector,
      recordId: row.record_id,
      status: row.status,
      attempts: row.attempts,
      reason: row.reason,
      firstAt: new Date(row.first_at),
      lastAt: new Date(row.last_at),
    };
    if (row.code !== null) letter.code = row.code;
    return letter;
  }
}
