import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { LeadMark, LeadMarkStore, LeadMarkUpdate } from '../lead-mark-store.js';
import { StateValueInvalidError } from '../state-errors.js';
import { describeIssues, epochMs, parseRow } from './sqlite-context.js';
import type { SqliteContext } from './sqlite-context.js';

/** Ids per SELECT: with the connector, one under SQLite's historical limit of 999 bound variables. */
const GET_CHUNK = 998;

const updateSchema = z.object({
  recordId: z.string().min(1),
  rejectedAt: z.date().nullable().optional(),
  episodeStart: z.date().optional(),
});

const markRow = z.object({
  record_id: z.string(),
  rejected_at: epochMs.nullable(),
  episode_start: epochMs.nullable(),
  updated_at: epochMs,
});

export class SqliteLeadMarkStore implements LeadMarkStore {
  private readonly upsert;
  private readonly selectFullChunk;

  constructor(private readonly ctx: SqliteContext) {
    // The set_* flags tell "leave unchanged" (0) from "set, possibly to NULL" (1).
    this.upsert = ctx.db.prepare(
      `INSERT INTO lead_marks (connector, record_id, rejected_at, episode_start, updated_at)
         VALUES (@connector, @recordId, @rejectedAt, @episodeStart, @now)
       ON CONFLICT (connector, record_id) DO UPDATE
       SET rejected_at = CASE WHEN @setRejected THEN excluded.rejected_at ELSE rejected_at END,
           episode_start = CASE WHEN @setEpisode THEN excluded.episode_start ELSE episode_start END,
           updated_at = excluded.updated_at`,
    );
    this.selectFullChunk = this.prepareSelect(GET_CHUNK);
  }

  async get(connector: string, recordIds: readonly string[]): Promise<Map<string, LeadMark>> {
    const ids = [...new Set(recordIds)];
    const marks = new Map<string, LeadMark>();
    for (let start = 0; start < ids.length; start += GET_CHUNK) {
      const chunk = ids.slice(start, start + GET_CHUNK);
      const select = chunk.length === GET_CHUNK ? this.selectFullChunk : this.prepareSelect(chunk.length);
      for (const raw of select.all(connector, ...chunk)) {
        const mark = this.toMark(raw);
        marks.set(mark.recordId, mark);
      }
    }
    return marks;
  }

  async apply(connector: string, updates: readonly LeadMarkUpdate[]): Promise<void> {
    const valid = updates.map((update, i) => {
      const parsed = updateSchema.safeParse(update);
      if (!parsed.success) {
        throw new StateValueInvalidError(
          `lead mark update ${i} of ${connector}`,
          describeIssues(parsed.error),
        );
      }
      return parsed.data;
    });
    this.ctx.db
      .transaction(() => {
        const now = this.ctx.now();
        for (const { recordId, rejectedAt, episodeStart } of valid) {
          this.upsert.run({
            connector,
            recordId,
            rejectedAt: rejectedAt?.getTime() ?? null,
            episodeStart: episodeStart?.getTime() ?? null,
            setRejected: rejectedAt === undefined ? 0 : 1,
            setEpisode: episodeStart === undefined ? 0 : 1,
            now,
          });
        }
      })
      .immediate();
  }

  private prepareSelect(size: number): Statement<unknown[]> {
    const placeholders = Array.from({ length: size }, () => '?').join(', ');
    return this.ctx.db.prepare(
      `SELECT record_id, rejected_at, episode_start, updated_at FROM lead_marks
       WHERE connector = ? AND record_id IN (${placeholders})`,
    );
  }

  private toMark(raw: unknown): LeadMark {
    const row = parseRow(this.ctx, 'lead_marks', markRow, raw);
    const mark: LeadMark = { recordId: row.record_id, updatedAt: new Date(row.updated_at) };
    if (row.rejected_at !== null) mark.rejectedAt = new Date(row.rejected_at);
    if (row.episode_start !== null) mark.episodeStart = new Date(row.episode_start);
    return mark;
  }
}
