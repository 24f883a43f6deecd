import type { CursorStore } from './cursor-store.js';
import type { DeadLetterStore } from './dead-letter-store.js';
import type { HandoffLedger } from './handoff-ledger.js';
import type { LeadMarkStore } from './lead-mark-store.js';
import type { LockStore } from './lock-store.js';
import type { RunStore } from './run-store.js';
import type { ScoreHistoryStore } from './score-history-store.js';

/**
 * Everything a sync remembers between runs. Vendor-neutral and asynchronous so that a server database can
 * sit behind it; every method that writes several rows does so in one transaction.
 */
export interface StateStore {
  readonly cursors: CursorStore;
  readonly runs: RunStore;
  readonly handoffs: HandoffLedger;
  readonly deadLetters: DeadLetterStore;
  readonly scoreHistory: ScoreHistoryStore;
  readonly locks: LockStore;
  readonly leadMarks: LeadMarkStore;
  close(): Promise<void>;
}
