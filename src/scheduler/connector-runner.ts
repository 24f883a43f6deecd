import type { SyncMetrics } from '../ops/metrics.js';
import type { Logger } from '../ops/logger.js';
import type { DeploymentRuntime } from '../runtime/deployment-runtime.js';
import { SyncLockedError } from '../sync/run-lock.js';
import type { SyncReport } from '../sync/sync-types.js';
import { LeadscoreError } from '../util/errors.js';

export type ScheduledKind = 'incremental' | 'full';

export interface ConnectorRunState {
  running?: { kind: ScheduledKind; since: Date };
  lastReport?: SyncReport;
  lastSuccessAt?: Date;
  lastError?: string;
}

/**
 * Runs the scheduled syncs of one deployment: at most one run per connector in this process (a full
 * rescore and an incremental run of the same connector never overlap), the state store's lock against
 * other processes, and metrics for every run. A run that fails is logged and reported; serving goes on.
 */
export class ConnectorRunner {
  private readonly states = new Map<string, ConnectorRunState>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly abort = new AbortController();

  constructor(
    private readonly runtime: DeploymentRuntime,
    private readonly metrics: SyncMetrics,
    private readonly logger: Logger,
  ) {}

  state(connector: string): ConnectorRunState {
    let state = this.states.get(connector);
    if (!state) {
      state = {};
      this.states.set(connector, state);
    }
    return state;
  }

  /** Starts a run unless one of the connector is under way here; resolves when it has ended. */
  async run(connector: string, kind: ScheduledKind): Promise<SyncReport | undefined> {
    const state = this.state(connector);
    if (this.abort.signal.aborted) return undefined;
    if (state.running) {
      this.logger.info('scheduled run skipped: a run of this connector is still under way', {
        connector,
        kind,
        running: state.running.kind,
      });
      return undefined;
    }
    state.running = { kind, since: new Date() };
    this.metrics.runStarted(connector);
    const work = this.execute(connector, kind, state);
    this.inFlight.add(work);
    try {
      return await work;
    } finally {
      this.inFlight.delete(work);
      state.running = undefined;
    }
  }

  /** Lets every run finish its current page and keep its checkpoint, then resolves. */
  async drain(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  private async execute(
    connector: string,
    kind: ScheduledKind,
    state: ConnectorRunState,
  ): Promise<SyncReport | undefined> {
    const started = Date.now();
    let finished: SyncReport | undefined;
    try {
      const report = await this.runtime.sync(
        connector,
        { kind },
        { signal: this.abort.signal, lockWaitMs: 0, onFinished: (r) => (finished = r) },
      );
      await this.runtime.pruneHistory();
      state.lastReport = report;
      if (report.status === 'ok') {
        state.lastSuccessAt = new Date();
        state.lastError = undefined;
      }
      this.record(
        connector,
        kind,
        report,
        report.status === 'ok' || report.status === 'interrupted',
        started,
      );
      return report;
    } catch (error) {
      if (error instanceof SyncLockedError) {
        this.logger.info('scheduled run skipped: another process is syncing this connector', {
          connector,
          kind,
        });
        return undefined;
      }
      state.lastError = error instanceof Error ? error.message : String(error);
      const code = error instanceof LeadscoreError ? error.code : undefined;
      this.logger.error('scheduled run failed; the next one resumes from the checkpoint', {
        connector,
        kind,
        code,
        error: state.lastError,
      });
      state.lastReport = finished;
      this.record(connector, kind, finished, false, started);
      return undefined;
    }
  }

  private record(
    connector: string,
    kind: ScheduledKind,
    report: SyncReport | undefined,
    ok: boolean,
    started: number,
  ): void {
    const c = report?.counts;
    this.metrics.recordRun(connector, kind, {
      read: c?.read ?? 0,
      scored: c?.scored ?? 0,
      written: c?.written ?? 0,
      failed: c?.failed ?? 0,
      handedOff: c?.handedOff ?? 0,
      apiCalls: report?.apiCalls ?? 0,
      rateLimited: report?.rateLimited ?? 0,
      durationMs: report?.durationMs ?? Date.now() - started,
      ok,
      finishedAt: new Date(),
    });
  }
}
