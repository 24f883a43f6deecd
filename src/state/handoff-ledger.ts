import type { HandoffAction, HandoffRequest, HandoffResult } from '../connector/crm-adapter.js';

/**
 * started: the intent was recorded, the outcome was not (in flight, or the process died in between).
 * succeeded: done; never pending again. failed: the CRM refused; pending again on the next run.
 */
export const LEDGER_STATES = ['started', 'succeeded', 'failed'] as const;
export type LedgerState = (typeof LEDGER_STATES)[number];

export interface LedgerEntry {
  /** Transition.key: record + transition + model. */
  key: string;
  action: HandoffAction;
  state: LedgerState;
  /** Times the action was begun (or recorded without a begin). */
  attempts: number;
  /** The last outcome's detail. */
  detail?: string;
  /** When the last attempt was begun. */
  startedAt?: Date;
  updatedAt: Date;
}

/**
 * Exactly-once handoffs, per (transition key × action). The protocol: pendingActions → begin → send →
 * recordOutcome. A crash between send and record leaves 'started', which only the caller can settle
 * (verify with the CRM, then recordOutcome), so such an action is neither pending nor begun again until then.
 */
export interface HandoffLedger {
  /** The configured actions, in their order, that have neither succeeded nor been left unconfirmed. */
  pendingActions(key: string, configured: readonly HandoffAction[]): Promise<HandoffAction[]>;
  /** Throws STATE_HANDOFF_SUCCEEDED or STATE_HANDOFF_UNCONFIRMED rather than allow a second send. */
  begin(key: string, action: HandoffAction): Promise<void>;
  /** Begins every action of every request, in one transaction (all or none). */
  beginMany(requests: readonly HandoffRequest[]): Promise<void>;
  /** Failing an action that already succeeded throws STATE_HANDOFF_SUCCEEDED; succeeding again is a no-op. */
  recordOutcome(key: string, action: HandoffAction, ok: boolean, detail: string): Promise<void>;
  /** Records every outcome of every result, in one transaction. */
  recordResults(results: readonly HandoffResult[]): Promise<void>;
  /**
   * Actions begun whose outcome was never recorded: verify each with the CRM, then record its outcome.
   * `keyPrefix` narrows them to one connector's keys when several share the store; call it holding the
   * connector's lock, or a live run's in-flight actions are among them.
   */
  startedButUnconfirmed(keyPrefix?: string): Promise<LedgerEntry[]>;
  entries(key: string): Promise<LedgerEntry[]>;
}
