import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { appliedVersion, migrate } from '../../../src/state/sqlite/migrate.js';
import { MIGRATIONS } from '../../../src/state/sqlite/migrations.js';
import type { SqliteContext } from '../../../src/state/sqlite/sqlite-context.js';
import { SqliteStateStore } from '../../../src/state/sqlite/sqlite-state-store.js';
import { StateMigrationError, StateSchemaNewerError } from '../../../src/state/state-errors.js';
import { tempDir } from './state-fixtures.js';

const latest = MIGRATIONS.length;

function memoryContext(): SqliteContext {
  return { db: new Database(':memory:'), file: ':memory:', now: () => 1_000 };
}

function tables(db: Database.Database): string[] {
  return db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
}

describe('the migration list', () => {
  it('numbers migrations 1, 2, 3, ... with no gap', () =>
    expect(MIGRATIONS.map((m) => m.id)).toEqual(MIGRATIONS.map((_, i) => i + 1)));
});

describe('migrate', () => {
  it('brings an empty database to the latest version', () => {
    const ctx = memoryContext();
    expect(migrate(ctx)).toEqual({ from: 0, to: latest });
    expect(appliedVersion(ctx)).toBe(latest);
    expect(tables(ctx.db)).toEqual(
      expect.arrayContaining(['cursors', 'runs', 'handoff_ledger', 'dead_letters', 'score_history', 'locks']),
    );
  });

  it('records each migration once, with its name and when it was applied', () => {
    const ctx = memoryContext();
    migrate(ctx);
    migrate(ctx);
    expect(ctx.db.prepare('SELECT id, name, applied_at FROM schema_migrations').all()).toEqual(
      MIGRATIONS.map((m) => ({ id: m.id, name: m.name, applied_at: 1_000 })),
    );
  });

  it('does nothing on a database already at the latest version', () => {
    const ctx = memoryContext();
    migrate(ctx);
    expect(migrate(ctx)).toEqual({ from: latest, to: latest });
  });

  it('applies only the migrations a file does not have yet', () => {
    const ctx = memoryContext();
    const extra = { id: latest + 1, name: 'notes', sql: 'CREATE TABLE notes (text TEXT) STRICT' };
    migrate(ctx);
    expect(migrate(ctx, [...MIGRATIONS, extra])).toEqual({ from: latest, to: latest + 1 });
    expect(tables(ctx.db)).toContain('notes');
  });

  it('rolls every pending migration back when one fails, naming it', () => {
    const ctx = memoryContext();
    const good = { id: 1, name: 'good', sql: 'CREATE TABLE good (x INTEGER)' };
    const bad = { id: 2, name: 'bad', sql: 'CREATE TABLE broken (' };
    expect(() => migrate(ctx, [good, bad])).toThrow(StateMigrationError);
    expect(() => migrate(ctx, [good, bad])).toThrow(/migration 2 \(bad\) failed/);
    expect(tables(ctx.db)).not.toContain('good');
    expect(appliedVersion(ctx)).toBe(0);
  });

  it('refuses a database whose schema is newer than the code', () => {
    const ctx = memoryContext();
    migrate(ctx, [...MIGRATIONS, { id: latest + 1, name: 'future', sql: 'CREATE TABLE future (x INTEGER)' }]);
    expect(() => migrate(ctx)).toThrow(StateSchemaNewerError);
  });
});

describe('opening a state file', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('creates and migrates a missing file', async () => {
    const store = SqliteStateStore.open({ file: dir.path() });
    await store.close();
    const db = new Database(dir.path(), { readonly: true });
    expect(db.prepare('SELECT max(id) FROM schema_migrations').pluck().get()).toBe(latest);
    db.close();
  });

  it('re-opens a migrated file and keeps what it holds', async () => {
    const first = SqliteStateStore.open({ file: dir.path() });
    await first.cursors.set('hubspot', 'contacts', { after: '42' });
    await first.close();
    const second = SqliteStateStore.open({ file: dir.path() });
    expect((await second.cursors.get('hubspot', 'contacts'))?.cursor).toEqual({ after: '42' });
    await second.close();
  });

  it('refuses a file written by a newer leadscore with STATE_SCHEMA_NEWER, naming the file', async () => {
    await SqliteStateStore.open({ file: dir.path() }).close();
    const db = new Database(dir.path());
    db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(99, 'future', 0);
    db.close();
    const open = () => SqliteStateStore.open({ file: dir.path() });
    expect(open).toThrow(
      expect.objectContaining({ code: 'STATE_SCHEMA_NEWER', found: 99, supported: latest }),
    );
    expect(open).toThrow(dir.path());
  });

  it('leaves a refused file closed and untouched', async () => {
    await SqliteStateStore.open({ file: dir.path() }).close();
    const db = new Database(dir.path());
    db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(99, 'future', 0);
    db.close();
    expect(() => SqliteStateStore.open({ file: dir.path() })).toThrow(StateSchemaNewerError);
    const after = new Database(dir.path());
    expect(after.prepare('SELECT max(id) FROM schema_migrations').pluck().get()).toBe(99);
    after.close();
  });
});
