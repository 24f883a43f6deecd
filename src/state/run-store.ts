export const RUN_KINDS = ['full', 'incremental', 'resync', 'dry-run'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

export const FINISHED_RUN_STATUSES = ['ok', 'failed', 'stopped_daily_limit', 'interrupted'] as const;
export type FinishedRunStatus = (typeof FINISHED_RUN_STATUSES)[number];
export const RUN_STATUSES = ['running', ...FINISHED_RUN_STATUSES] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RunCounts {
  read: number;
  scored: number;
  written: number;
  unchanged: number;
  failed: number;
  handedOff: number;
}

export interface RunOutcome {
  status: FinishedRunStatus;
  counts: RunCounts;
  apiCalls: number;
  /** Why the run failed or stopped; secret-free. */
  error?: string;
}

export interface RunRecord {
  id: number;
  connector: string;
  kind: RunKind;
  /** 'running' is also what a run left behind by a crashed process looks like, until it is interrupted. */
  status: RunStatus;
  startedAt: Date;
  finishedAt?: Date;
  /** Absent while running and for runs marked interrupted on someone else's behalf. */
  counts?: RunCounts;
  apiCalls?: number;
  error?: string;
}

export interface RunStore {
  start(connector: string, kind: RunKind): Promise<number>;
  /**
   * Records how a run ended. A run marked interrupted (presumed dead) may still finish: its own outcome is
   * better information. Throws STATE_RUN_UNKNOWN, or STATE_RUN_FINISHED for a run finished already.
   */
  finish(id: number, outcome: RunOutcome): Promise<void>;
  /**
   * Marks the connector's runs still 'running' as interrupted and returns their ids. Call it holding the
   * connector's lock, so that no live process's run is among them.
   */
  interruptRunning(connector: string): Promise<number[]>;
  get(id: number): Promise<RunRecord | undefined>;
  /** Newest first; every connector's when none is given. */
  lastRuns(connector?: string, limit?: number): Promise<RunRecord[]>;
}
