import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { hostname } from 'node:os';
import { SqliteStateStore, processLockOwner } from '../../../src/state/index.js';
import type { StateStore } from '../../../src/state/index.js';
import { acquireRunLock } from '../../../src/sync/run-lock.js';

let state: StateStore;
beforeEach(async () => {
  state = await SqliteStateStore.open({ file: ':memory:' });
});
afterEach(async () => {
  await state.close();
});

// No process has this PID: Linux's pid_max is at most 2^22.
const DEAD_PID = 4_194_304 + 17;

describe('acquireRunLock', () => {
  it('refuses while a live process holds the lock, naming it', async () => {
    const other = { id: 'live', pid: process.ppid, host: hostname() };
    await state.locks.acquire('hubspot', other, 60_000);
    await expect(acquireRunLock(state, 'hubspot', { ttlMs: 60_000, waitMs: 0 })).rejects.toMatchObject({
      code: 'SYNC_LOCKED',
      message: expect.stringContaining(`PID ${process.ppid}`),
    });
  });

  it('takes over at once the lock of a process of this host that no longer exists', async () => {
    await state.locks.acquire('hubspot', { id: 'killed', pid: DEAD_PID, host: hostname() }, 60_000);
    const lock = await acquireRunLock(state, 'hubspot', { ttlMs: 60_000, waitMs: 0 });
    expect((await state.locks.holder('hubspot'))?.owner.id).toBe(lock.owner.id);
    await lock.release();
  });

  it('leaves the lock of a process on another host alone until it expires', async () => {
    await state.locks.acquire('hubspot', { id: 'remote', pid: DEAD_PID, host: 'another-host' }, 60_000);
    await expect(acquireRunLock(state, 'hubspot', { ttlMs: 60_000, waitMs: 0 })).rejects.toMatchObject({
      code: 'SYNC_LOCKED',
    });
  });

  it('waits for a holder that finishes within --wait', async () => {
    const other = { ...processLockOwner(), id: 'finishing' };
    await state.locks.acquire('hubspot', other, 60_000);
    setTimeout(() => void state.locks.release(other), 200);
    const lock = await acquireRunLock(state, 'hubspot', { ttlMs: 60_000, waitMs: 5_000 });
    expect(lock.held()).toBe(true);
    await lock.release();
    expect(await state.locks.holder('hubspot')).toBeUndefined();
  });
});
