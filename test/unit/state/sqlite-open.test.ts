import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SqliteStateStore } from '../../../src/state/sqlite/sqlite-state-store.js';
import { tempDir } from './state-fixtures.js';

describe('SqliteStateStore.open', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('puts a file in WAL journal mode', async () => {
    await SqliteStateStore.open({ file: dir.path() }).close();
    const db = new Database(dir.path());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('waits for another connection’s write for busyTimeoutMs instead of failing at once', async () => {
    const store = SqliteStateStore.open({ file: dir.path(), busyTimeoutMs: 100 });
    const other = new Database(dir.path());
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    await expect(store.cursors.set('hubspot', 'contacts', { after: '1' })).rejects.toMatchObject({
      code: 'SQLITE_BUSY',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    other.exec('ROLLBACK');
    other.close();
    await store.close();
  });

  it('goes ahead once another process’s write commits within the timeout', async () => {
    const store = SqliteStateStore.open({ file: dir.path(), busyTimeoutMs: 5000 });
    const holder = holdWriteLock(dir.path(), 150);
    await holder.locked;
    const started = Date.now();
    await expect(store.cursors.set('hubspot', 'contacts', { after: '2' })).resolves.toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    await holder.done;
    await store.close();
  });

  it('reports a file that is not a database with STATE_OPEN_FAILED, naming it', () => {
    writeFileSync(dir.path('notes.txt'), 'not a database, just some text that is long enough '.repeat(20));
    expect(() => SqliteStateStore.open({ file: dir.path('notes.txt') })).toThrow(
      expect.objectContaining({ code: 'STATE_OPEN_FAILED', message: expect.stringContaining('notes.txt') }),
    );
  });

  it('reports a file in a missing directory with STATE_OPEN_FAILED', () => {
    expect(() => SqliteStateStore.open({ file: dir.path('missing/state.sqlite') })).toThrow(
      expect.objectContaining({ code: 'STATE_OPEN_FAILED' }),
    );
  });

  it('refuses a dead-letter limit below one', () =>
    expect(() => SqliteStateStore.open({ file: ':memory:', deadLetterMaxAttempts: 0 })).toThrow(
      expect.objectContaining({ code: 'STATE_VALUE_INVALID' }),
    ));

  it('can be closed twice', async () => {
    const store = SqliteStateStore.open({ file: ':memory:' });
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});

/** Another connection, on its own thread, that holds the write lock for `ms` and then commits. */
function holdWriteLock(file: string, ms: number): { locked: Promise<void>; done: Promise<void> } {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const Database = require('better-sqlite3');
     const db = new Database(workerData.file);
     db.exec('BEGIN IMMEDIATE');
     parentPort.postMessage('locked');
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
     db.exec('COMMIT');
     db.close();`,
    { eval: true, workerData: { file, ms } },
  );
  const locked = new Promise<void>((resolve) => worker.once('message', () => resolve()));
  const done = new Promise<void>((resolve, reject) => {
    worker.once('exit', () => resolve());
    worker.once('error', reject);
  });
  return { locked, done };
}
