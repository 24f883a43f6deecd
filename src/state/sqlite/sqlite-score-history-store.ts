import { z } from 'zod';
import { GRADES, STATUSES } from '../../model/lead.js';
import type { ScoreHistoryStore, ScoreSnapshot } from '../score-history-store.js';
import { StateValueInvalidError } from '../state-errors.js';
import { describeIssues, epochMs, parseRow } from './sqlite-context.js';
import type { SqliteContext } from './sqlite-context.js';

const snapshotSchema = z.object({
  recordId: z.string().min(1),
  at: z.date(),
  score: z.number(),
  grade: z.enum(GRADES),
  status: z.enum(STATUSES),
  model: z.string().min(1),
});

const snapshotRow = z.object({
  record_id: z.string(),
  at: epochMs,
  score: z.number(),
  grade: z.enum(GRADES),
  status: z.enum(STATUSES),
  model: z.string(),
});

export class SqliteScoreHistoryStore implements ScoreHistoryStore {
  private readonly insert;
  private readonly selectHistory;
  private readonly deleteOld;

  constructor(private readonly ctx: SqliteContext) {
    const db = ctx.db;
    this.insert = db.prepare(
      `INSERT INTO score_history (connector, record_id, at, score, grade, status, model)
       VALUES (@connector, @recordId, @at, @score, @grade, @status, @model)`,
    );
    // LIMIT -1 is SQLite for "no limit".
    this.selectHistory = db.prepare(
      `SELECT record_id, at, score, grade, status, model FROM score_history
       WHERE connector = ? AND record_id = ? ORDER BY at DESC, id DESC LIMIT ?`,
    );
    this.deleteOld = db.prepare('DELETE FROM score_history WHERE at < ?');
  }

  async append(connector: string, snapshots: readonly ScoreSnapshot[]): Promise<void> {
    const valid = snapshots.map((snapshot, i) => {
      const parsed = snapshotSchema.safeParse(snapshot);
      if (!parsed.success) {
        throw new StateValueInvalidError(`score snapshot ${i} of ${connector}`, describeIssues(parsed.error));
      }
      return parsed.data;
    });
    this.ctx.db
      .transaction(() => {
        for (const s of valid) this.insert.run({ connector, ...s, at: s.at.getTime() });
      })
      .immediate();
  }

  async history(connector: string, recordId: string, limit?: number): Promise<ScoreSnapshot[]> {
    if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 1)) {
      throw new StateValueInvalidError('history limit', `expected a positive integer, got ${limit}`);
    }
    return this.selectHistory.all(connector, recordId, limit ?? -1).map((raw) => {
      const row = parseRow(this.ctx, 'score_history', snapshotRow, raw);
      const { record_id, at, ...values } = row;
      return { recordId: record_id, at: new Date(at), ...values };
    });
  }

  async deleteBefore(cutoff: Date): Promise<number> {
    if (Number.isNaN(cutoff.getTime())) throw new StateValueInvalidError('retention cutoff', 'invalid date');
    return this.deleteOld.run(cutoff.getTime()).changes;
  }
}
