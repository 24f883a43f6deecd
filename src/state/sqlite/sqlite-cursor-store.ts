import { z } from 'zod';
import type { Cursor } from '../../connector/crm-adapter.js';
import { cursorSchema } from '../cursor-store.js';
import type { CursorStore, StoredCursor } from '../cursor-store.js';
import { StateValueInvalidError } from '../state-errors.js';
import { describeIssues, epochMs, parseJsonColumn, parseRow } from './sqlite-context.js';
import type { SqliteContext } from './sqlite-context.js';

const cursorRow = z.object({ cursor_json: z.string(), updated_at: epochMs });

export class SqliteCursorStore implements CursorStore {
  private readonly select;
  private readonly upsert;

  constructor(private readonly ctx: SqliteContext) {
    this.select = ctx.db.prepare(
      'SELECT cursor_json, updated_at FROM cursors WHERE connector = ? AND stream = ?',
    );
    this.upsert = ctx.db.prepare(
      `INSERT INTO cursors (connector, stream, cursor_json, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (connector, stream) DO UPDATE
       SET cursor_json = excluded.cursor_json, updated_at = excluded.updated_at`,
    );
  }

  async get(connector: string, stream: string): Promise<StoredCursor | undefined> {
    const raw = this.select.get(connector, stream);
    if (raw === undefined) return undefined;
    const row = parseRow(this.ctx, 'cursors', cursorRow, raw);
    const cursor = parseJsonColumn(this.ctx, 'cursors', cursorSchema, row.cursor_json);
    return { cursor, updatedAt: new Date(row.updated_at) };
  }

  async set(connector: string, stream: string, cursor: Cursor): Promise<void> {
    const parsed = cursorSchema.safeParse(cursor);
    if (!parsed.success) {
      throw new StateValueInvalidError(
        `cursor of ${connector}/${stream}`,
        `expected a flat JSON object: ${describeIssues(parsed.error)}`,
      );
    }
    this.upsert.run(connector, stream, JSON.stringify(parsed.data), this.ctx.now());
  }
}
