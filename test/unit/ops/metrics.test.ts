import { describe, expect, it } from '@jest/globals';
import { register } from 'prom-client';
import { SyncMetrics } from '../../../src/ops/metrics.js';
import type { RunTotals } from '../../../src/ops/metrics.js';

const FINISHED = Date.UTC(2026, 10, 21, 9, 0, 0);
const run: RunTotals = {
  read: 4_200,
  scored: 4_100,
  written: 310,
  failed: 2,
  handedOff: 5,
  apiCalls: 57,
  rateLimited: 3,
  durationMs: 42_000,
  ok: true,
  finishedAt: new Date(FINISHED),
};

async function textAfter(record: (metrics: SyncMetrics) => void): Promise<string> {
  const metrics = new SyncMetrics();
  record(metrics);
  return metrics.text();
}

describe('SyncMetrics', () => {
  it('counts records, handoffs, API calls and 429s per connector', async () => {
    const text = await textAfter((m) => m.recordRun('hubspot', 'incremental', run));
    for (const line of [
      'leadscore_records_read_total{connector="hubspot"} 4200',
      'leadscore_records_scored_total{connector="hubspot"} 4100',
      'leadscore_records_written_total{connector="hubspot"} 310',
      'leadscore_records_failed_total{connector="hubspot"} 2',
      'leadscore_handoffs_total{connector="hubspot"} 5',
      'leadscore_api_calls_total{connector="hubspot"} 57',
      'leadscore_rate_limited_total{connector="hubspot"} 3',
    ]) {
      expect(text).toContain(line);
    }
  });
  it('adds up the runs of a connector', async () => {
    const text = await textAfter((m) => {
      m.recordRun('hubspot', 'incremental', run);
      m.recordRun('hubspot', 'full', run);
    });
    expect(text).toContain('leadscore_records_read_total{connector="hubspot"} 8400');
  });
  it('keeps connectors apart', async () => {
    const text = await textAfter((m) => {
      m.recordRun('hubspot', 'incremental', run);
      m.recordRun('salesforce', 'incremental', { ...run, read: 7 });
    });
    expect(text).toContain('leadscore_records_read_total{connector="salesforce"} 7');
  });
  it('shows zero counts after a run, so the series exist from the start', async () => {
    const text = await textAfter((m) => m.recordRun('hubspot', 'full', { ...run, failed: 0 }));
    expect(text).toContain('leadscore_records_failed_total{connector="hubspot"} 0');
  });
  it('observes the run duration in seconds by connector and kind', async () => {
    const text = await textAfter((m) => m.recordRun('hubspot', 'resync', run));
    expect(text).toContain('leadscore_run_duration_seconds_sum{connector="hubspot",kind="resync"} 42');
    expect(text).toContain('leadscore_run_duration_seconds_count{connector="hubspot",kind="resync"} 1');
  });
  it('counts runs by result', async () => {
    const text = await textAfter((m) => m.recordRun('hubspot', 'full', { ...run, ok: false }));
    expect(text).toContain('leadscore_runs_total{connector="hubspot",kind="full",result="failed"} 1');
  });
  it('sets the last success time in epoch seconds after a successful run', async () => {
    const text = await textAfter((m) => m.recordRun('hubspot', 'full', run));
    expect(text).toContain(
      `leadscore_last_success_timestamp_seconds{connector="hubspot"} ${FINISHED / 1000}`,
    );
  });
  it('leaves the last success time alone after a failed run', async () => {
    const text = await textAfter((m) => {
      m.recordRun('hubspot', 'full', run);
      m.recordRun('hubspot', 'full', { ...run, ok: false, finishedAt: FINISHED + 60_000 });
    });
    expect(text).toContain(
      `leadscore_last_success_timestamp_seconds{connector="hubspot"} ${FINISHED / 1000}`,
    );
  });
  it('shows a run in progress from its start until it is recorded', async () => {
    const metrics = new SyncMetrics();
    metrics.runStarted('hubspot');
    expect(await metrics.text()).toContain('leadscore_run_in_progress{connector="hubspot"} 1');
    metrics.recordRun('hubspot', 'full', run);
    expect(await metrics.text()).toContain('leadscore_run_in_progress{connector="hubspot"} 0');
  });
  it('reports resident memory', async () =>
    expect(await new SyncMetrics().text()).toMatch(/^process_resident_memory_bytes \d+$/m));
  it('leaves resident memory out when asked to', async () =>
    expect(await new SyncMetrics({ processMetrics: false }).text()).not.toContain('process_resident'));
  it('gives each instance its own registry', async () => {
    new SyncMetrics().recordRun('hubspot', 'full', run);
    expect(await new SyncMetrics().text()).not.toContain('connector="hubspot"');
  });
  it('registers nothing on the global default registry', async () => {
    new SyncMetrics().recordRun('hubspot', 'full', run);
    expect(await register.metrics()).not.toContain('leadscore_');
  });
  it('declares the Prometheus text format 0.0.4', () =>
    expect(new SyncMetrics().contentType).toBe('text/plain; version=0.0.4; charset=utf-8'));
});
