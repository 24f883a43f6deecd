import type { RecordFailure } from '../connector/crm-adapter.js';

export const DEAD_LETTER_STATUSES = ['due', 'given_up'] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];

export interface DeadLetter {
  connector: string;
  recordId: string;
  /** due: retried on the next run. given_up: failed the configured number of times; left alone. */
  status: DeadLetterStatus;
  attempts: number;
  /** The last failure's reason and code, in the CRM's words. */
  reason: string;
  code?: string;
  firstAt: Date;
  lastAt: Date;
}

export interface DeadLetterFilter {
  connector?: string;
  status?: DeadLetterStatus;
}

/** Records that failed to write. A record gives up on its Nth failure (N = maxAttempts, default 5). */
export interface DeadLetterStore {
  add(connector: string, recordId: string, reason: string, code?: string): Promise<DeadLetter>;
  /** A page's per-record write failures, in one transaction. */
  addFailures(connector: string, failures: readonly RecordFailure[]): Promise<DeadLetter[]>;
  /** Records to retry on the next run (not given up), oldest failure first. */
  due(connector: string): Promise<DeadLetter[]>;
  /** Forgets a record that has since been written, given up or not; false when it was not there. */
  resolve(connector: string, recordId: string): Promise<boolean>;
  /** A page's written records, in one transaction; returns how many were dead letters. */
  resolveMany(connector: string, recordIds: readonly string[]): Promise<number>;
  list(filter?: DeadLetterFilter): Promise<DeadLetter[]>;
}
