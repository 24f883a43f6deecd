import type { Grade, Status } from '../model/lead.js';

export interface ScoreSnapshot {
  recordId: string;
  at: Date;
  score: number;
  grade: Grade;
  status: Status;
  model: string;
}

export interface ScoreHistoryStore {
  /** A page of snapshots, in one transaction. */
  append(connector: string, snapshots: readonly ScoreSnapshot[]): Promise<void>;
  /** Newest first; snapshots with the same `at` in reverse order of appending. */
  history(connector: string, recordId: string, limit?: number): Promise<ScoreSnapshot[]>;
  /** Deletes snapshots strictly older than `cutoff` (one taken exactly at it is kept); returns how many. */
  deleteBefore(cutoff: Date): Promise<number>;
}
