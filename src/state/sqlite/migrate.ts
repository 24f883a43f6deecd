import { z } from 'zod';
import { StateMigrationError, StateSchemaNewerError } from '../state-errors.js';
import { MIGRATIONS } from './migrations.js';
import type { Migration } from './migrations.js';
import { parseRow } from './sqlite-context.js';
import type { SqliteContext } from './sqlite-context.js';

export interface MigrationReport {
  from: number;
  to: number;
}

const CREATE_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`;

const versionRow = z.object({ version: z.number().int().nullable() });

/**
 * Brings the file to the latest schema: every pending migration in one transaction, all or none.
 * A file already up to date is only read, so opening it takes no write lock.
 */
export function migrate(ctx: SqliteContext, migrations: readonly Migration[] = MIGRATIONS): MigrationReport {
  const supported = migrations.at(-1)?.id ?? 0;
  const current = appliedVersion(ctx);
  if (current > supported) throw new StateSchemaNewerError(ctx.file, current, supported);
  if (current === supported) return { from: current, to: current };

  return ctx.db
    .transaction((): MigrationReport => {
      ctx.db.exec(CREATE_MIGRATIONS_TABLE);
      const record = ctx.db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
      // Another process may have migrated while this one waited for the write lock.
      const from = appliedVersion(ctx);
      if (from > supported) throw new StateSchemaNewerError(ctx.file, from, supported);
      for (const migration of migrations) {
        if (migration.id <= from) continue;
        try {
          ctx.db.exec(migration.sql);
        } catch (error) {
          throw new StateMigrationError(
            ctx.file,
            `${migration.id} (${migration.name})`,
            (error as Error).message,
          );
        }
        record.run(migration.id, migration.name, ctx.now());
      }
      return { from, to: supported };
    })
    .immediate();
}

export function appliedVersion(ctx: SqliteContext): number {
  const table = ctx.db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get('schema_migrations');
  if (table === undefined) return 0;
  const row = ctx.db.prepare('SELECT max(id) AS version FROM schema_migrations').get();
  return parseRow(ctx, 'schema_migrations', versionRow, row).version ?? 0;
}
