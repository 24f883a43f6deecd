import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { LockHolder, LockOwner } from './lock-store.js';

/** This process as a lock owner; the random part keeps two runs in one process (or a reused PID) apart. */
export function processLockOwner(): LockOwner {
  const host = hostname();
  return { id: `${host}:${process.pid}:${randomUUID()}`, pid: process.pid, host };
}

/** e.g. `a run is already in progress by PID 4242 on host worker-1, started at 2026-11-21T09:00:00.000Z`. */
export function describeLockHolder(holder: LockHolder): string {
  const who = `PID ${holder.owner.pid} on host ${holder.owner.host}, started at ${holder.acquiredAt.toISOString()}`;
  return holder.expired
    ? `the lock of ${holder.connector} was left by ${who}, which stopped heartbeating at ${holder.heartbeatAt.toISOString()}`
    : `a run of ${holder.connector} is already in progress by ${who}`;
}
