import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ScoreSnapshot } from '../../../src/state/score-history-store.js';
import type { SqliteStateStore } from '../../../src/state/sqlite/sqlite-state-store.js';
import { memoryStore } from './state-fixtures.js';

function snapshot(recordId: string, at: string, score: number): ScoreSnapshot {
  return { recordId, at: new Date(at), score, grade: 'B', status: 'nurture', model: 'default-b2b@1a2b3c4d' };
}

describe('score history', () => {
  let store: SqliteStateStore;
  beforeEach(() => {
    store = memoryStore();
  });
  afterEach(() => store.close());

  it('gives back a record’s snapshots newest first', async () => {
    await store.scoreHistory.append('hubspot', [
      snapshot('101', '2026-11-19T09:00:00Z', 40),
      snapshot('101', '2026-11-21T09:00:00Z', 72),
      snapshot('101', '2026-11-20T09:00:00Z', 55),
    ]);
    expect((await store.scoreHistory.history('hubspot', '101')).map((s) => s.score)).toEqual([72, 55, 40]);
  });

  it('keeps every field of a snapshot', async () => {
    const s: ScoreSnapshot = { ...snapshot('101', '2026-11-21T09:00:00Z', 72.5), grade: 'A', status: 'mql' };
    await store.scoreHistory.append('hubspot', [s]);
    expect(await store.scoreHistory.history('hubspot', '101')).toEqual([s]);
  });

  it('orders snapshots taken at the same instant latest appended first', async () => {
    await store.scoreHistory.append('hubspot', [snapshot('101', '2026-11-21T09:00:00Z', 1)]);
    await store.scoreHistory.append('hubspot', [snapshot('101', '2026-11-21T09:00:00Z', 2)]);
    expect((await store.scoreHistory.history('hubspot', '101')).map((s) => s.score)).toEqual([2, 1]);
  });

  it('keeps records and connectors apart', async () => {
    await store.scoreHistory.append('hubspot', [snapshot('101', '2026-11-21T09:00:00Z', 1)]);
    await store.scoreHistory.append('hubspot', [snapshot('102', '2026-11-21T09:00:00Z', 2)]);
    await store.scoreHistory.append('salesforce', [snapshot('101', '2026-11-21T09:00:00Z', 3)]);
    expect((await store.scoreHistory.history('hubspot', '101')).map((s) => s.score)).toEqual([1]);
  });

  it('gives back at most `limit` snapshots, the newest', async () => {
    await store.scoreHistory.append('hubspot', [
      snapshot('101', '2026-11-19T09:00:00Z', 40),
      snapshot('101', '2026-11-20T09:00:00Z', 55),
      snapshot('101', '2026-11-21T09:00:00Z', 72),
    ]);
    expect((await store.scoreHistory.history('hubspot', '101', 2)).map((s) => s.score)).toEqual([72, 55]);
  });

  it('appends none of a page when one snapshot is invalid', async () => {
    const bad = { ...snapshot('102', '2026-11-21T09:00:00Z', 1), at: new Date(Number.NaN) };
    await expect(
      store.scoreHistory.append('hubspot', [snapshot('101', '2026-11-21T09:00:00Z', 1), bad]),
    ).rejects.toMatchObject({ code: 'STATE_VALUE_INVALID', message: expect.stringContaining('snapshot 1') });
    expect(await store.scoreHistory.history('hubspot', '101')).toEqual([]);
  });

  it('appends an empty page', async () =>
    expect(store.scoreHistory.append('hubspot', [])).resolves.toBeUndefined());

  describe('retention', () => {
    const cutoff = new Date('2026-11-20T09:00:00Z');
    beforeEach(() =>
      store.scoreHistory.append('hubspot', [
        snapshot('101', '2026-11-20T08:59:59.999Z', 1),
        snapshot('101', '2026-11-20T09:00:00.000Z', 2),
        snapshot('101', '2026-11-20T09:00:00.001Z', 3),
      ]),
    );

    it('deletes snapshots strictly older than the cutoff and says how many', async () => {
      expect(await store.scoreHistory.deleteBefore(cutoff)).toBe(1);
      expect((await store.scoreHistory.history('hubspot', '101')).map((s) => s.score)).toEqual([3, 2]);
    });

    it('keeps a snapshot taken exactly at the cutoff', async () => {
      await store.scoreHistory.deleteBefore(cutoff);
      expect((await store.scoreHistory.history('hubspot', '101')).map((s) => s.at)).toContainEqual(cutoff);
    });

    it('refuses an invalid cutoff rather than deleting everything or nothing', async () =>
      expect(store.scoreHistory.deleteBefore(new Date(Number.NaN))).rejects.toMatchObject({
        code: 'STATE_VALUE_INVALID',
      }));
  });
});
