export { cursorSchema, type CursorStore, type StoredCursor } from './cursor-store.js';
export type { DeadLetter, DeadLetterFilter, DeadLetterStatus, DeadLetterStore } from './dead-letter-store.js';
export type { HandoffLedger, LedgerEntry, LedgerState } from './handoff-ledger.js';
export type { LeadMark, LeadMarkStore, LeadMarkUpdate } from './lead-mark-store.js';
export { describeLockHolder, processLockOwner } from './lock-owner.js';
export type { LockHolder, LockOwner, LockStore } from './lock-store.js';
export {
  RUN_KINDS,
  type FinishedRunStatus,
  type RunCounts,
  type RunKind,
  type RunOutcome,
  type RunRecord,
  type RunStatus,
  type RunStore,
} from './run-store.js';
export type { ScoreHistoryStore, ScoreSnapshot } from './score-history-store.js';
export {
  HandoffLedgerError,
  StateMigrationError,
  StateOpenError,
  StateRowInvalidError,
  StateRunError,
  StateSchemaNewerError,
  StateValueInvalidError,
} from './state-errors.js';
export type { StateStore } from './state-store.js';
export { SqliteStateStore, type SqliteStateStoreOptions } from './sqlite/sqlite-state-store.js';
