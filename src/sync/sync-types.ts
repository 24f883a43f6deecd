import type { CrmAdapter, ReadQuery } from '../connector/crm-adapter.js';
import type { Grade, Status } from '../model/lead.js';
import type { Logger } from '../ops/logger.js';
import type { CompiledModel } from '../scoring/compile-model.js';
import type { PredictiveModel } from '../predictive/model-artifact.js';
import type { FinishedRunStatus, RunCounts, RunKind, StateStore } from '../state/index.js';
import type { SalesFeedbackRules } from './status-lifecycle.js';

/** What one sync run is asked to do. */
export type SyncScope =
  /** Every record: applies decay and model changes. Resumes an interrupted full run. */
  | { kind: 'full' }
  /** Records changed since the last run's cursor (or since the last full run started). */
  | { kind: 'incremental' }
  /** A manual resync of some records (resync --ids / --emails / --since / --all); no cursor is kept. */
  | { kind: 'resync'; query: ReadQuery };

export interface SyncOptions {
  /** The connector's name in the deployment (the state store's key). */
  connector: string;
  adapter: CrmAdapter;
  model: CompiledModel;
  /** A trained predictive model (leadscore train on a lead file): its score is written beside the rule score. */
  predictive?: PredictiveModel;
  state: StateStore;
  scope: SyncScope;
  lifecycle: { hysteresis: number; salesFeedback: SalesFeedbackRules };
  /** Shows what would be written and handed off; writes nothing to the CRM or the state store. */
  dryRun?: boolean;
  /** How many planned writes a dry run keeps for its report. */
  dryRunSample?: number;
  /** Pages read ahead while the current page is written and handed off. */
  pagesInFlight?: number;
  /** Lock lease; the lock is renewed every third of it while the run lives. */
  lockTtlMs?: number;
  /** How long to wait for another process's run of the same connector; 0 = refuse at once. */
  lockWaitMs?: number;
  /** Scores are computed as of this moment (one per run). */
  now?: () => Date;
  logger: Logger;
  /** Called after every committed page. */
  onProgress?: (progress: SyncProgress) => void;
  /** Called with the report however the run ends, also when it then throws (a daily limit, a failure). */
  onFinished?: (report: SyncReport) => void;
  /** Aborting finishes the current page, keeps its checkpoint and ends the run as interrupted. */
  signal?: AbortSignal;
}

export interface SyncProgress extends RunCounts {
  pages: number;
}

export interface PlannedWrite {
  recordId: string;
  email?: string;
  before: { score?: number; grade?: Grade; status?: Status };
  after: { score: number; grade: Grade; status: Status };
}

export interface PlannedHandoff {
  recordId: string;
  email?: string;
  key: string;
  actions: string[];
}

export interface SyncReport {
  runId?: number;
  connector: string;
  kind: RunKind;
  status: FinishedRunStatus;
  counts: RunCounts;
  pages: number;
  apiCalls: number;
  rateLimited: number;
  apiCallsByEndpoint: Record<string, number>;
  /** Dead letters retried at the start of the run. */
  retriedDeadLetters: number;
  grades: Record<Grade, number>;
  statuses: Record<Status, number>;
  durationMs: number;
  error?: string;
  /** Dry runs: a sample of the writes and every handoff that would have happened. */
  plannedWrites: PlannedWrite[];
  plannedHandoffs: PlannedHandoff[];
}
