import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { appliedVersion, migrate } from '../../../src/state/sqlite/migrate.js';
import { MIGRATIONS } from '../../../src/state/sqlite/migrations.js';
import { SqliteStateStore } from '../../../src/state/sqlite/sqlite-state-store.js';
import { manualClock, memoryStore, tempDir } from './state-fixtures.js';
import type { ManualClock } from './state-fixtures.js';

const T1 = new Date('2026-11-01T09:00:00Z');
const T2 = new Date('2026-11-10T09:00:00Z');

describe('lead marks', () => {
  let clock: ManualClock;
  let store: SqliteStateStore;
  beforeEach(() => {
    clock = manualClock();
    store = memoryStore({ now: clock.now });
  });
  afterEach(() => store.close());

  it('returns an empty map for records that have no mark', async () =>
    expect(await store.leadMarks.get('hubspot', ['101', '102'])).toEqual(new Map()));

  it('returns an empty map when asked about no records', async () =>
    expect(await store.leadMarks.get('hubspot', [])).toEqual(new Map()));

  it('creates a mark with the fields given, stamped with the time it was applied', async () => {
    await store.leadMarks.apply('hubspot', [{ recordId: '101', rejectedAt: T1, episodeStart: T1 }]);
    expect(await store.leadMarks.get('hubspot', ['101'])).toEqual(
      new Map([
        ['101', { recordId: '101', rejectedAt: T1, episodeStart: T1, updatedAt: new Date(clock.now()) }],
      ]),
    );
  });

  it('leaves out the fields a mark does not have', async () => {
    await store.leadMarks.apply('hubspot', [{ recordId: '101', episodeStart: T1 }]);
    const mark = (await store.leadMarks.get('hubspot', ['101'])).get('101');
    expect(mark).toEqual({ recordId: '101', episodeStart: T1, updatedAt: new Date(clock.now()) });
    expect(mark).not.toHaveProperty('rejectedAt');
  });

  it('overwrites the fields an update sets, and its updatedAt', async () => {
    await store.leadMarks.apply('hubspot', [{ recordId: '101', rejectedAt: T1, episodeStart: T1 }]);
    clock.advance(1000);
    await store.leadMarks.apply('hubspot', [{ recordId: '101', rejectedAt: T2, episodeStart: T2 }]);
    expect((await store.leadMarks.get('hubspot', ['101'])).get('101')).toEqual({
      recordId: '101',
      rejectedAt: T2,
      episodeStart: T2,
      updatedAt: new Date(clock.now()),
    });
  });

  it('leaves a field the update does not mention unchanged', async () => {
    await store.leadMarks.apply('hubspot', [{ recordId: '101', rejectedAt: T1, episodeStart: T1 }]);
    await store.leadMarks.apply('hubspot', [{ recordId: '101', episodeStart: T2 }]);
    expect((await store.leadMarks.get('hubspot', ['101'])).get('101')).toMatchObject({
      rejectedAt: T1,
      episodeStart: T2,
    });
  });

  it('clears rejectedAt when the update sets it to null, keeping episodeStart', async () => {
    await store.leadMarks.apply('hubspot', [{ recordId: '101', rejectedAt: T1, episodeStart: T1 }]);
    await store.leadMarks.apply('hubspot', [{ recordId: '101', rejectedAt: null }]);
    const mark = (await store.leadMarks.get('hubspot', ['101'])).get('101');
    expect(mark).toMatchObject({ episodeStart: T1 });
    expect(mark).not.toHaveProperty('rejectedAt');
  });

  it('applies several updates of one record in their order', async () => {
    await store.leadMarks.apply('hubspot', [
      { recordId: '101', rejectedAt: T1, episodeStart: T1 },
      { recordId: '101', rejectedAt: null },
    ]);
    const mark = (await store.leadMarks.get('hubspot', ['101'])).get('101');
    expect(mark).toMatchObject({ episodeStart: T1 });
    expect(mark).not.toHaveProperty('rejectedAt');
  });

  it('keeps each connector’s marks apart', async () => {
    await store.leadMarks.apply('hubspot', [{ recordId: '101', episodeStart: T1 }]);
    expect(await store.leadMarks.get('salesforce', ['101'])).toEqual(new Map());
  });

  it('returns only the asked records that have a mark', async () => {
    await store.leadMarks.apply('hubspot', [
      { recordId: '101', episodeStart: T1 },
      { recordId: '102', episodeStart: T2 },
    ]);
    expect([...(await store.leadMarks.get('hubspot', ['102', '103'])).keys()]).toEqual(['102']);
  });

  it('reads 1,500 records in one call, beyond SQLite’s 999 bound variables', async () => {
    const ids = Array.from({ length: 1500 }, (_, i) => `r${i}`);
    await store.leadMarks.apply(
      'hubspot',
      ids.map((recordId) => ({ recordId, episodeStart: T1 })),
    );
    const marks = await store.leadMarks.get('hubspot', ids);
    expect(marks.size).toBe(1500);
    expect(marks.get('r1499')?.episodeStart).toEqual(T1);
  });

  it('writes no update of a page when one of them is invalid', async () => {
    const apply = store.leadMarks.apply('hubspot', [
      { recordId: '101', episodeStart: T1 },
      { recordId: '102', episodeStart: new Date('not a date') },
    ]);
    await expect(apply).rejects.toMatchObject({ code: 'STATE_VALUE_INVALID' });
    expect(await store.leadMarks.get('hubspot', ['101'])).toEqual(new Map());
  });
});

describe('migrating a state file to lead marks', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  function createAtVersion1(): void {
    const db = new Database(dir.path());
    migrate({ db, file: dir.path(), now: () => 1_000 }, MIGRATIONS.slice(0, 1));
    db.prepare('INSERT INTO cursors (connector, stream, cursor_json, updated_at) VALUES (?, ?, ?, ?)').run(
      'hubspot',
      'contacts',
      '{"after":"42"}',
      1_000,
    );
    db.close();
  }

  it('brings a file at schema version 1 to version 2, keeping its rows', async () => {
    createAtVersion1();
    const store = SqliteStateStore.open({ file: dir.path() });
    expect((await store.cursors.get('hubspot', 'contacts'))?.cursor).toEqual({ after: '42' });
    await store.close();
    const db = new Database(dir.path(), { readonly: true });
    expect(appliedVersion({ db, file: dir.path(), now: () => 0 })).toBe(2);
    db.close();
  });

  it('keeps lead marks in the migrated file', async () => {
    createAtVersion1();
    const first = SqliteStateStore.open({ file: dir.path() });
    await first.leadMarks.apply('hubspot', [{ recordId: '101', rejectedAt: T1, episodeStart: T1 }]);
    await first.close();
    const second = SqliteStateStore.open({ file: dir.path() });
    expect((await second.leadMarks.get('hubspot', ['101'])).get('101')).toMatchObject({
      rejectedAt: T1,
      episodeStart: T1,
    });
    await second.close();
  });
});
