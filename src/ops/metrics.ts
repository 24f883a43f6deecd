import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RunKind } from '../state/run-store.js';

/** What one finished run adds to the metrics. */
export interface RunTotals {
  read: number;
  scored: number;
  written: number;
  failed: number;
  handedOff: number;
  apiCalls: number;
  /** Responses the CRM refused with 429. */
  rateLimited: number;
  durationMs: number;
  ok: boolean;
  finishedAt: Date | number;
}

export interface SyncMetricsOptions {
  /** Adds `process_resident_memory_bytes`; default true. */
  processMetrics?: boolean;
}

/** Runs last from seconds (an incremental with nothing new) to hours (a full resync of a large portal). */
const DURATION_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1_800, 3_600, 7_200, 14_400];

/**
 * The sync's Prometheus metrics, on a registry of their own: the process-wide default registry would
 * mix in whatever else registers there and make instances (and tests) share state.
 */
export class SyncMetrics {
  readonly registry = new Registry();
  readonly #read = this.#counter('leadscore_records_read_total', 'Records read from the CRM.');
  readonly #scored = this.#counter('leadscore_records_scored_total', 'Records scored.');
  readonly #written = this.#counter('leadscore_records_written_total', 'Score updates written to the CRM.');
  readonly #failed = this.#counter('leadscore_records_failed_total', 'Records that could not be processed.');
  readonly #handoffs = this.#counter('leadscore_handoffs_total', 'Leads handed off to sales.');
  readonly #apiCalls = this.#counter('leadscore_api_calls_total', 'Requests sent to the CRM API.');
  readonly #rateLimited = this.#counter('leadscore_rate_limited_total', 'CRM responses refused with 429.');
  readonly #runs = new Counter({
    name: 'leadscore_runs_total',
    help: 'Finished sync runs, by result (ok or failed).',
    labelNames: ['connector', 'kind', 'result'] as const,
    registers: [this.registry],
  });
  readonly #duration = new Histogram({
    name: 'leadscore_run_duration_seconds',
    help: 'Duration of finished sync runs.',
    labelNames: ['connector', 'kind'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  readonly #lastSuccess = new Gauge({
    name: 'leadscore_last_success_timestamp_seconds',
    help: 'When the last successful run finished, in seconds since the epoch.',
    labelNames: ['connector'] as const,
    registers: [this.registry],
  });
  readonly #inProgress = new Gauge({
    name: 'leadscore_run_in_progress',
    help: '1 while a run of the connector is in progress.',
    labelNames: ['connector'] as const,
    registers: [this.registry],
  });

  constructor(options: SyncMetricsOptions = {}) {
    if (options.processMetrics ?? true) {
      new Gauge({
        name: 'process_resident_memory_bytes',
        help: 'Resident memory size in bytes.',
        registers: [this.registry],
        collect() {
          this.set(process.memoryUsage.rss());
        },
      });
    }
  }

  runStarted(connector: string): void {
    this.#inProgress.set({ connector }, 1);
  }

  /** Adds a finished run. Zero counts still create their series, so rate() and alerts see them from the start. */
  recordRun(connector: string, kind: RunKind, totals: RunTotals): void {
    const labels = { connector };
    this.#read.inc(labels, totals.read);
    this.#scored.inc(labels, totals.scored);
    this.#written.inc(labels, totals.written);
    this.#failed.inc(labels, totals.failed);
    this.#handoffs.inc(labels, totals.handedOff);
    this.#apiCalls.inc(labels, totals.apiCalls);
    this.#rateLimited.inc(labels, totals.rateLimited);
    this.#runs.inc({ connector, kind, result: totals.ok ? 'ok' : 'failed' });
    this.#duration.observe({ connector, kind }, totals.durationMs / 1000);
    if (totals.ok) this.#lastSuccess.set(labels, toEpochSeconds(totals.finishedAt));
    this.#inProgress.set(labels, 0);
  }

  /** The `Content-Type` of {@link text}: Prometheus text format 0.0.4. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Everything in the Prometheus text exposition format. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  #counter(name: string, help: string): Counter<'connector'> {
    return new Counter({ name, help, labelNames: ['connector'] as const, registers: [this.registry] });
  }
}

function toEpochSeconds(at: Date | number): number {
  return (typeof at === 'number' ? at : at.getTime()) / 1000;
}
