import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStateStore } from '../../../src/state/sqlite/sqlite-state-store.js';
import type { SqliteStateStoreOptions } from '../../../src/state/sqlite/sqlite-state-store.js';

/** A clock the test moves by hand. */
export interface ManualClock {
  now: () => number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function manualClock(start = Date.parse('2026-11-21T09:00:00Z')): ManualClock {
  let t = start;
  return {
    now: () => t,
    set: (ms) => {
      t = ms;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export function memoryStore(options: Partial<SqliteStateStoreOptions> = {}): SqliteStateStore {
  return SqliteStateStore.open({ file: ':memory:', ...options });
}

/** A fresh directory under the OS temp dir; `remove()` deletes it with every state file in it. */
export function tempDir(): { path: (name?: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-state-'));
  return {
    path: (name = 'state.sqlite') => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
