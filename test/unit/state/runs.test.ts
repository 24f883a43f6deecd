import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { RunCounts, RunOutcome } from '../../../src/state/run-store.js';
import { SqliteStateStore } from '../../../src/state/sqlite/sqlite-state-store.js';
import { manualClock, memoryStore, tempDir } from './state-fixtures.js';
import type { ManualClock } from './state-fixtures.js';

const counts: RunCounts = { read: 200, scored: 200, written: 150, unchanged: 45, failed: 5, handedOff: 3 };
const ok: RunOutcome = { status: 'ok', counts, apiCalls: 12 };

describe('runs', () => {
  let clock: ManualClock;
  let store: SqliteStateStore;
  beforeEach(() => {
    clock = manualClock();
    store = memoryStore({ now: clock.now });
  });
  afterEach(() => store.close());

  it('shows a started run as running, with when it started', async () => {
    const id = await store.runs.start('hubspot', 'incremental');
    expect(await store.runs.get(id)).toEqual({
      id,
      connector: 'hubspot',
      kind: 'incremental',
      status: 'running',
      startedAt: new Date(clock.now()),
    });
  });

  it('records how a run finished: status, counts, API calls and when', async () => {
    const id = await store.runs.start('hubspot', 'full');
    clock.advance(90_000);
    await store.runs.finish(id, ok);
    expect(await store.runs.get(id)).toMatchObject({
      status: 'ok',
      counts,
      apiCalls: 12,
      finishedAt: new Date(clock.now()),
    });
  });

  it('keeps the error message of a failed run', async () => {
    const id = await store.runs.start('hubspot', 'full');
    await store.runs.finish(id, { ...ok, status: 'failed', error: 'hubspot: 401 token expired' });
    expect(await store.runs.get(id)).toMatchObject({ status: 'failed', error: 'hubspot: 401 token expired' });
  });

  it('records a run stopped by the daily limit', async () => {
    const id = await store.runs.start('hubspot', 'incremental');
    await store.runs.finish(id, { ...ok, status: 'stopped_daily_limit' });
    expect((await store.runs.get(id))?.status).toBe('stopped_daily_limit');
  });

  it('refuses to finish a run that does not exist with STATE_RUN_UNKNOWN', async () =>
    expect(store.runs.finish(404, ok)).rejects.toMatchObject({ code: 'STATE_RUN_UNKNOWN' }));

  it('refuses to finish a run twice with STATE_RUN_FINISHED, keeping the first outcome', async () => {
    const id = await store.runs.start('hubspot', 'full');
    await store.runs.finish(id, ok);
    await expect(store.runs.finish(id, { ...ok, status: 'failed' })).rejects.toMatchObject({
      code: 'STATE_RUN_FINISHED',
    });
    expect((await store.runs.get(id))?.status).toBe('ok');
  });

  it('refuses negative or fractional counts with STATE_VALUE_INVALID', async () => {
    const id = await store.runs.start('hubspot', 'full');
    await expect(store.runs.finish(id, { ...ok, counts: { ...counts, read: -1 } })).rejects.toMatchObject({
      code: 'STATE_VALUE_INVALID',
    });
    await expect(store.runs.finish(id, { ...ok, apiCalls: 1.5 })).rejects.toMatchObject({
      code: 'STATE_VALUE_INVALID',
    });
  });

  it('lists the last runs newest first, up to the limit', async () => {
    const ids = [];
    for (const kind of ['full', 'incremental', 'resync', 'dry-run'] as const) {
      ids.push(await store.runs.start('hubspot', kind));
    }
    const last = await store.runs.lastRuns('hubspot', 3);
    expect(last.map((r) => r.id)).toEqual(ids.slice(1).reverse());
  });

  it('lists every connector’s runs when none is named, one connector’s when one is', async () => {
    const h = await store.runs.start('hubspot', 'full');
    const s = await store.runs.start('salesforce', 'full');
    expect((await store.runs.lastRuns()).map((r) => r.id)).toEqual([s, h]);
    expect((await store.runs.lastRuns('salesforce')).map((r) => r.id)).toEqual([s]);
  });

  it('refuses a limit below one', async () =>
    expect(store.runs.lastRuns('hubspot', 0)).rejects.toMatchObject({ code: 'STATE_VALUE_INVALID' }));

  describe('a run left running by a crashed process', () => {
    let dir: ReturnType<typeof tempDir>;
    beforeEach(() => {
      dir = tempDir();
    });
    afterEach(() => dir.remove());

    async function crashedRun(): Promise<number> {
      const crashed = SqliteStateStore.open({ file: dir.path(), now: clock.now });
      const id = await crashed.runs.start('hubspot', 'incremental');
      await crashed.close();
      return id;
    }

    it('is still shown as running after the file is reopened', async () => {
      const id = await crashedRun();
      const next = SqliteStateStore.open({ file: dir.path(), now: clock.now });
      expect((await next.runs.get(id))?.status).toBe('running');
      await next.close();
    });

    it('is marked interrupted, with a reason, by the next start of its connector', async () => {
      const id = await crashedRun();
      const next = SqliteStateStore.open({ file: dir.path(), now: clock.now });
      clock.advance(3_600_000);
      expect(await next.runs.interruptRunning('hubspot')).toEqual([id]);
      expect(await next.runs.get(id)).toMatchObject({
        status: 'interrupted',
        finishedAt: new Date(clock.now()),
        error: expect.stringContaining('left running'),
      });
      expect((await next.runs.get(id))?.counts).toBeUndefined();
      await next.close();
    });

    it('is left alone when another connector starts', async () => {
      const id = await crashedRun();
      const next = SqliteStateStore.open({ file: dir.path(), now: clock.now });
      expect(await next.runs.interruptRunning('salesforce')).toEqual([]);
      expect((await next.runs.get(id))?.status).toBe('running');
      await next.close();
    });
  });

  it('lets a run marked interrupted still record its own outcome', async () => {
    const id = await store.runs.start('hubspot', 'full');
    await store.runs.interruptRunning('hubspot');
    await store.runs.finish(id, ok);
    expect(await store.runs.get(id)).toMatchObject({ status: 'ok', counts });
  });

  it('does not interrupt finished runs', async () => {
    const id = await store.runs.start('hubspot', 'full');
    await store.runs.finish(id, ok);
    expect(await store.runs.interruptRunning('hubspot')).toEqual([]);
  });
});
