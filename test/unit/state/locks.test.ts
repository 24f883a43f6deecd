import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { describeLockHolder, processLockOwner } from '../../../src/state/lock-owner.js';
import type { LockOwner } from '../../../src/state/lock-store.js';
import { SqliteStateStore } from '../../../src/state/sqlite/sqlite-state-store.js';
import { manualClock, memoryStore, tempDir } from './state-fixtures.js';
import type { ManualClock } from './state-fixtures.js';

const TTL = 30_000;
const alice: LockOwner = { id: 'worker-1:4242:a', pid: 4242, host: 'worker-1' };
const bob: LockOwner = { id: 'worker-2:5151:b', pid: 5151, host: 'worker-2' };

describe('locks', () => {
  let clock: ManualClock;
  let store: SqliteStateStore;
  beforeEach(() => {
    clock = manualClock();
    store = memoryStore({ now: clock.now });
  });
  afterEach(() => store.close());

  it('grants a free lock', async () => expect(await store.locks.acquire('hubspot', alice, TTL)).toBe(true));

  it('refuses a second owner while the lock is held', async () => {
    await store.locks.acquire('hubspot', alice, TTL);
    expect(await store.locks.acquire('hubspot', bob, TTL)).toBe(false);
    expect((await store.locks.holder('hubspot'))?.owner).toEqual(alice);
  });

  it('locks each connector on its own', async () => {
    await store.locks.acquire('hubspot', alice, TTL);
    expect(await store.locks.acquire('salesforce', bob, TTL)).toBe(true);
  });

  it('lets the holder acquire again, extending the lock but keeping when it was first acquired', async () => {
    const acquiredAt = new Date(clock.now());
    await store.locks.acquire('hubspot', alice, TTL);
    clock.advance(10_000);
    expect(await store.locks.acquire('hubspot', alice, TTL)).toBe(true);
    expect(await store.locks.holder('hubspot')).toMatchObject({
      acquiredAt,
      expiresAt: new Date(clock.now() + TTL),
    });
  });

  it('refuses a takeover 1 ms before the TTL runs out', async () => {
    await store.locks.acquire('hubspot', alice, TTL);
    clock.advance(TTL - 1);
    expect(await store.locks.acquire('hubspot', bob, TTL)).toBe(false);
  });

  it('allows a takeover exactly when the TTL runs out', async () => {
    await store.locks.acquire('hubspot', alice, TTL);
    clock.advance(TTL);
    expect(await store.locks.acquire('hubspot', bob, TTL)).toBe(true);
    expect(await store.locks.holder('hubspot')).toMatchObject({
      owner: bob,
      acquiredAt: new Date(clock.now()),
      expired: false,
    });
  });

  it('extends the lock by its TTL on a heartbeat', async () => {
    await store.locks.acquire('hubspot', alice, TTL);
    clock.advance(TTL - 1);
    expect(await store.locks.heartbeat(alice)).toBe(1);
    clock.advance(TTL - 1);
    expect(await store.locks.acquire('hubspot', bob, TTL)).toBe(false);
    clock.advance(1);
    expect(await store.locks.acquire('hubspot', bob, TTL)).toBe(true);
  });

  it('extends every lock of the owner on a heartbeat', async () => {
    await store.locks.acquire('hubspot', alice, TTL);
    await store.locks.acquire('salesforce', alice, TTL);
    expect(await store.locks.heartbeat(alice)).toBe(2);
  });

  it('tells a holder whose lock was taken over that it lost it: its heartbeat extends nothing', async () => {
    await store.locks.acquire('hubspot', alice, TTL);
    clock.advance(TTL);
    await store.locks.acquire('hubspot', bob, TTL);
    expect(await store.locks.heartbeat(alice)).toBe(0);
    expect((await store.locks.holder('hubspot'))?.owner).toEqual(bob);
  });

  it('frees the lock on release', async () => {
    await store.locks.acquire('hubspot', alice, TTL);
    expect(await store.locks.release(alice)).toBe(1);
    expect(await store.locks.holder('hubspot')).toBeUndefined();
    expect(await store.locks.acquire('hubspot', bob, TTL)).toBe(true);
  });

  it('does not release someone else’s lock', async () => {
    await store.locks.acquire('hubspot', alice, TTL);
    expect(await store.locks.release(bob)).toBe(0);
    expect((await store.locks.holder('hubspot'))?.owner).toEqual(alice);
  });

  it('tells who holds a lock, since when and until when', async () => {
    await store.locks.acquire('hubspot', alice, TTL);
    expect(await store.locks.holder('hubspot')).toEqual({
      connector: 'hubspot',
      owner: alice,
      acquiredAt: new Date(clock.now()),
      heartbeatAt: new Date(clock.now()),
      expiresAt: new Date(clock.now() + TTL),
      expired: false,
    });
  });

  it('still shows an expired holder, marked expired', async () => {
    await store.locks.acquire('hubspot', alice, TTL);
    clock.advance(TTL);
    expect(await store.locks.holder('hubspot')).toMatchObject({ owner: alice, expired: true });
  });

  it('refuses a TTL that is not a positive whole number of milliseconds', async () =>
    expect(store.locks.acquire('hubspot', alice, 0)).rejects.toMatchObject({ code: 'STATE_VALUE_INVALID' }));

  describe('across two connections to one file', () => {
    let dir: ReturnType<typeof tempDir>;
    let first: SqliteStateStore;
    let second: SqliteStateStore;
    beforeEach(() => {
      dir = tempDir();
      first = SqliteStateStore.open({ file: dir.path(), now: clock.now });
      second = SqliteStateStore.open({ file: dir.path(), now: clock.now });
    });
    afterEach(async () => {
      await first.close();
      await second.close();
      dir.remove();
    });

    it('refuses the lock to the second while the first holds it', async () => {
      expect(await first.locks.acquire('hubspot', alice, TTL)).toBe(true);
      expect(await second.locks.acquire('hubspot', bob, TTL)).toBe(false);
    });

    it('shows the second who holds the lock', async () => {
      await first.locks.acquire('hubspot', alice, TTL);
      expect((await second.locks.holder('hubspot'))?.owner).toEqual(alice);
    });

    it('grants the lock to the second once the first releases it', async () => {
      await first.locks.acquire('hubspot', alice, TTL);
      await first.locks.release(alice);
      expect(await second.locks.acquire('hubspot', bob, TTL)).toBe(true);
    });

    it('lets the second take over a lock the first stopped heartbeating', async () => {
      await first.locks.acquire('hubspot', alice, TTL);
      clock.advance(TTL);
      expect(await second.locks.acquire('hubspot', bob, TTL)).toBe(true);
      expect(await first.locks.heartbeat(alice)).toBe(0);
    });
  });
});

describe('lock owners', () => {
  it('names this process, with an id unique to the call', () => {
    const a = processLockOwner();
    expect(a.pid).toBe(process.pid);
    expect(a.id).toContain(`${a.host}:${process.pid}:`);
    expect(processLockOwner().id).not.toBe(a.id);
  });

  const holder = {
    connector: 'hubspot',
    owner: { id: 'x', pid: 4242, host: 'worker-1' },
    acquiredAt: new Date('2026-11-21T09:00:00Z'),
    heartbeatAt: new Date('2026-11-21T09:05:00Z'),
    expiresAt: new Date('2026-11-21T09:05:30Z'),
    expired: false,
  };

  it('describes a live holder as a run in progress', () =>
    expect(describeLockHolder(holder)).toBe(
      'a run of hubspot is already in progress by PID 4242 on host worker-1, started at 2026-11-21T09:00:00.000Z',
    ));

  it('describes an expired holder as a lock left behind', () =>
    expect(describeLockHolder({ ...holder, expired: true })).toContain(
      'stopped heartbeating at 2026-11-21T09:05:00.000Z',
    ));
});
