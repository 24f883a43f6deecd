import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Cursor } from '../../../src/connector/crm-adapter.js';
import { SqliteStateStore } from '../../../src/state/sqlite/sqlite-state-store.js';
import { manualClock, memoryStore, tempDir } from './state-fixtures.js';
import type { ManualClock } from './state-fixtures.js';

describe('cursors', () => {
  let clock: ManualClock;
  let store: SqliteStateStore;
  beforeEach(() => {
    clock = manualClock();
    store = memoryStore({ now: clock.now });
  });
  afterEach(() => store.close());

  it('has no cursor for a stream never checkpointed', async () =>
    expect(await store.cursors.get('hubspot', 'contacts')).toBeUndefined());

  it('gives back the cursor it was given, with when it was set', async () => {
    const cursor = { after: '1200', since: '2026-11-20T00:00:00Z', page: 3, done: false, token: null };
    await store.cursors.set('hubspot', 'contacts', cursor);
    expect(await store.cursors.get('hubspot', 'contacts')).toEqual({
      cursor,
      updatedAt: new Date(clock.now()),
    });
  });

  it('overwrites the cursor and its time on the next set', async () => {
    await store.cursors.set('hubspot', 'contacts', { after: '1' });
    clock.advance(60_000);
    await store.cursors.set('hubspot', 'contacts', { after: '2' });
    expect(await store.cursors.get('hubspot', 'contacts')).toEqual({
      cursor: { after: '2' },
      updatedAt: new Date(clock.now()),
    });
  });

  it('keeps one cursor per connector and stream', async () => {
    await store.cursors.set('hubspot', 'contacts', { after: 'c' });
    await store.cursors.set('hubspot', 'companies', { after: 'o' });
    await store.cursors.set('salesforce', 'contacts', { after: 's' });
    expect((await store.cursors.get('hubspot', 'contacts'))?.cursor).toEqual({ after: 'c' });
    expect((await store.cursors.get('hubspot', 'companies'))?.cursor).toEqual({ after: 'o' });
    expect((await store.cursors.get('salesforce', 'contacts'))?.cursor).toEqual({ after: 's' });
  });

  it('keeps an empty cursor', async () => {
    await store.cursors.set('hubspot', 'contacts', {});
    expect((await store.cursors.get('hubspot', 'contacts'))?.cursor).toEqual({});
  });

  it.each([
    ['a nested object', { page: { after: '1' } }],
    ['an array value', { ids: ['1', '2'] }],
    ['an array', ['1']],
    ['NaN', { offset: Number.NaN }],
    ['Infinity', { offset: Number.POSITIVE_INFINITY }],
  ])('refuses %s with STATE_VALUE_INVALID', async (_, cursor) => {
    await expect(store.cursors.set('hubspot', 'contacts', cursor as unknown as Cursor)).rejects.toMatchObject(
      {
        code: 'STATE_VALUE_INVALID',
      },
    );
    expect(await store.cursors.get('hubspot', 'contacts')).toBeUndefined();
  });

  describe('read back from a damaged file', () => {
    let dir: ReturnType<typeof tempDir>;
    beforeEach(() => {
      dir = tempDir();
    });
    afterEach(() => dir.remove());

    it.each([
      ['no longer a flat object', '{"page":{"after":"1"}}'],
      ['not JSON', '{after'],
    ])('refuses a stored cursor that is %s with STATE_ROW_INVALID', async (_, json) => {
      const onFile = SqliteStateStore.open({ file: dir.path() });
      await onFile.cursors.set('hubspot', 'contacts', { after: '1' });
      const db = new Database(dir.path());
      db.prepare('UPDATE cursors SET cursor_json = ?').run(json);
      db.close();
      await expect(onFile.cursors.get('hubspot', 'contacts')).rejects.toMatchObject({
        code: 'STATE_ROW_INVALID',
        message: expect.stringContaining(dir.path()),
      });
      await onFile.close();
    });
  });
});
