import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { LeadscoreError, EXIT } from '../util/errors.js';
import { describeLockHolder, processLockOwner } from '../state/index.js';
import type { LockOwner, StateStore } from '../state/index.js';

/** Another process is syncing the connector: a manual run refuses clearly instead of running alongside. */
export class SyncLockedError extends LeadscoreError {
  constructor(connector: string, holder: string) {
    super(
      'SYNC_LOCKED',
      `${connector}: another sync is running (${holder}); try again when it has finished`,
      EXIT.failure,
    );
  }
}

export interface HeldLock {
  owner: LockOwner;
  /** Resolves once the lock is released and the heartbeat stopped. */
  release(): Promise<void>;
  /** True while the heartbeat still finds the lock ours. */
  held(): boolean;
}

const WAIT_STEP_MS = 500;

/**
 * A lock held by a process of this host that no longer exists (killed with -9, the machine's OOM killer)
 * is released at once instead of waiting out its lease. Another host's lock, or a live (or reused) PID,
 * is left to expire: only then is it safe to assume its holder is gone.
 */
async function releaseIfHolderDied(state: StateStore, connector: string): Promise<boolean> {
  const holder = await state.locks.holder(connector);
  if (!holder || holder.owner.host !== hostname() || holder.owner.pid === process.pid) return false;
  if (processExists(holder.owner.pid)) return false;
  return (await state.locks.release(holder.owner)) > 0;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the connector's lock (waiting up to `waitMs` for another holder) and renews it every third of its
 * TTL. A holder that dies stops renewing; its lock expires and the next run takes it over.
 */
export async function acquireRunLock(
  state: StateStore,
  connector: string,
  options: { ttlMs: number; waitMs: number; owner?: LockOwner },
): Promise<HeldLock> {
  const owner = options.owner ?? processLockOwner();
  const deadline = Date.now() + options.waitMs;
  while (!(await state.locks.acquire(connector, owner, options.ttlMs))) {
    if (await releaseIfHolderDied(state, connector)) continue;
    if (Date.now() >= deadline) {
      const holder = await state.locks.holder(connector);
      throw new SyncLockedError(connector, holder ? describeLockHolder(holder) : 'holder unknown');
    }
    await sleep(Math.min(WAIT_STEP_MS, Math.max(1, deadline - Date.now())));
  }
  let held = true;
  const timer = setInterval(
    () => {
      state.locks.heartbeat(owner).then(
        (renewed) => {
          if (renewed === 0) held = false;
        },
        () => {},
      );
    },
    Math.max(1000, Math.floor(options.ttlMs / 3)),
  );
  timer.unref();
  return {
    owner,
    held: () => held,
    async release() {
      clearInterval(timer);
      await state.locks.release(owner);
    },
  };
}
