import type { AdapterUsage, Page, ReadQuery } from '../connector/crm-adapter.js';
import { DailyLimitError } from '../http/daily-limit-error.js';
import type { FinishedRunStatus, RunKind, StateStore } from '../state/index.js';
import type { CommitContext } from './commit-page.js';
import { unconfirmedByKey } from './handoff-step.js';
import { PageCommitter } from './page-committer.js';
import { readAhead } from './read-ahead.js';
import { acquireRunLock } from './run-lock.js';
import type { HeldLock } from './run-lock.js';
import { SyncTally } from './sync-tally.js';
import type { SyncOptions, SyncReport } from './sync-types.js';

const DEFAULTS = { pagesInFlight: 2, lockTtlMs: 120_000, lockWaitMs: 0, dryRunSample: 20 };

/**
 * One sync run of one connector: lock, run record, retry of dead letters and unconfirmed handoffs, then
 * the pages of the scope, each committed (written, handed off, checkpointed) in order while the next pages
 * are read. Never throws for a record; throws for what stops the run (the CRM's daily limit, a lost lock,
 * a failure of the whole call), after recording how the run ended.
 */
export async function runSync(options: SyncOptions): Promise<SyncReport> {
  const o = { ...DEFAULTS, ...options, dryRun: options.dryRun ?? false };
  const started = Date.now();
  const now = (o.now ?? (() => new Date()))();
  const kind: RunKind = o.dryRun ? 'dry-run' : o.scope.kind;
  const logger = o.logger.child({ connector: o.connector });
  const lock: HeldLock | undefined = o.dryRun
    ? undefined
    : await acquireRunLock(o.state, o.connector, { ttlMs: o.lockTtlMs, waitMs: o.lockWaitMs });
  const tally = new SyncTally(o.dryRunSample);
  o.adapter.beginRun?.();
  const usageBefore = o.adapter.usage();
  let runId: number | undefined;
  let report: SyncReport | undefined;
  let retried = 0;
  let status: FinishedRunStatus = 'ok';
  let error: string | undefined;
  try {
    if (lock) {
      const interrupted = await o.state.runs.interruptRunning(o.connector);
      if (interrupted.length)
        logger.warn('earlier runs did not finish; resuming from their checkpoints', { runs: interrupted });
    }
    runId = await o.state.runs.start(o.connector, kind);
    await o.adapter.check();
    const log = logger.child({ runId });
    log.info('run started', { kind, scope: o.scope.kind, dryRun: o.dryRun });
    const ctx: CommitContext = {
      connector: o.connector,
      model: o.model,
      ...(o.predictive ? { predictive: o.predictive } : {}),
      hysteresis: o.lifecycle.hysteresis,
      salesFeedback: o.lifecycle.salesFeedback,
      now,
      adapter: o.adapter,
      state: o.state,
      logger: log,
      dryRun: o.dryRun,
      unconfirmed: o.dryRun ? new Map() : await unconfirmedByKey(o.state.handoffs, o.connector),
      tally,
    };
    const commit = async (pages: AsyncIterable<Page>): Promise<boolean> => {
      const committer = new PageCommitter(ctx, o.adapter.writeGrouping);
      for await (const page of readAhead(pages, o.pagesInFlight - 1)) {
        if (lock && !lock.held())
          throw new Error(`${o.connector}: the run lost its lock; stopping before the next write`);
        await committer.add(page);
        o.onProgress?.(tally.progress());
        if (o.signal?.aborted) break;
      }
      if (await committer.flush()) o.onProgress?.(tally.progress());
      return !o.signal?.aborted;
    };

    if (o.scope.kind !== 'resync') {
      const ids = await retryIds(o.state, o.connector, ctx.unconfirmed);
      retried = ids.length;
      if (ids.length) {
        log.info('retrying dead letters and unconfirmed handoffs first', { records: ids.length });
        const seen = new Set<string>();
        await commit(tap(o.adapter.read({ kind: 'ids', ids }), seen));
        if (!o.dryRun && !o.signal?.aborted) await markMissing(o.state, o.connector, ids, seen);
      }
    }
    const { query, stream } = await queryFor(o, o.state, now);
    ctx.stream = stream;
    const complete = !o.signal?.aborted && (await commit(o.adapter.read(query)));
    if (!complete) {
      status = 'interrupted';
      error = 'stopped on request after a committed page; the next run resumes from its checkpoint';
    }
  } catch (caught) {
    status = caught instanceof DailyLimitError ? 'stopped_daily_limit' : 'failed';
    error = caught instanceof Error ? caught.message : String(caught);
    throw caught;
  } finally {
    const usage = difference(o.adapter.usage(), usageBefore);
    if (runId !== undefined) {
      await o.state.runs.finish(runId, { status, counts: tally.counts, apiCalls: usage.apiCalls, error });
    }
    await lock?.release();
    report = buildReport(usage);
    o.onFinished?.(report);
    (logger[status === 'ok' ? 'info' : 'warn'] as typeof logger.info)('run finished', {
      runId,
      status,
      ...tally.counts,
      apiCalls: usage.apiCalls,
      rateLimited: usage.rateLimited,
      durationMs: report.durationMs,
      ...(error ? { error } : {}),
    });
  }
  return report;

  function buildReport(usage: AdapterUsage): SyncReport {
    return {
      runId,
      connector: o.connector,
      kind,
      status,
      counts: { ...tally.counts },
      pages: tally.pages,
      apiCalls: usage.apiCalls,
      rateLimited: usage.rateLimited,
      apiCallsByEndpoint: usage.byEndpoint,
      retriedDeadLetters: retried,
      grades: { ...tally.grades },
      statuses: { ...tally.statuses },
      durationMs: Date.now() - started,
      error,
      plannedWrites: tally.plannedWrites,
      plannedHandoffs: tally.plannedHandoffs,
    };
  }
}

/** Where the scope's pages come from, and the cursor stream checkpointed after each. */
async function queryFor(
  o: SyncOptions,
  state: StateStore,
  now: Date,
): Promise<{ query: ReadQuery; stream?: string }> {
  const stream = o.dryRun ? undefined : o.scope.kind === 'resync' ? undefined : o.scope.kind;
  switch (o.scope.kind) {
    case 'resync':
      return { query: o.scope.query };
    case 'full': {
      const stored = await state.cursors.get(o.connector, 'full');
      return { query: { kind: 'full', cursor: stored?.cursor }, stream };
    }
    case 'incremental': {
      const stored = await state.cursors.get(o.connector, 'incremental');
      if (stored) return { query: { kind: 'incremental', cursor: stored.cursor, asOf: now }, stream };
      const lastFull = (await state.runs.lastRuns(o.connector, 100)).find(
        (r) => r.kind === 'full' && r.status === 'ok',
      );
      return { query: { kind: 'incremental', since: lastFull?.startedAt, asOf: now }, stream };
    }
  }
}

/** Records to read again before the scope: due dead letters and transitions a crash left unconfirmed. */
async function retryIds(
  state: StateStore,
  connector: string,
  unconfirmed: ReadonlyMap<string, unknown>,
): Promise<string[]> {
  const ids = new Set((await state.deadLetters.due(connector)).map((d) => d.recordId));
  for (const key of unconfirmed.keys()) {
    const recordId = key.split(':')[2];
    if (recordId) ids.add(recordId);
  }
  return [...ids];
}

async function* tap(pages: AsyncIterable<Page>, seen: Set<string>): AsyncGenerator<Page> {
  for await (const page of pages) {
    for (const lead of page.leads) seen.add(lead.ref.id);
    yield page;
  }
}

/** A dead letter whose record the CRM no longer returns counts as a failed attempt, so it is given up in time. */
async function markMissing(
  state: StateStore,
  connector: string,
  ids: readonly string[],
  seen: ReadonlySet<string>,
): Promise<void> {
  const due = new Set((await state.deadLetters.due(connector)).map((d) => d.recordId));
  for (const id of ids) {
    if (!seen.has(id) && due.has(id))
      await state.deadLetters.add(
        connector,
        id,
        'the CRM returned no record with this id (deleted or merged?)',
        'NOT_FOUND',
      );
  }
}

function difference(after: AdapterUsage, before: AdapterUsage): AdapterUsage {
  const byEndpoint: Record<string, number> = {};
  for (const [endpoint, calls] of Object.entries(after.byEndpoint)) {
    const delta = calls - (before.byEndpoint[endpoint] ?? 0);
    if (delta > 0) byEndpoint[endpoint] = delta;
  }
  return {
    apiCalls: after.apiCalls - before.apiCalls,
    rateLimited: after.rateLimited - before.rateLimited,
    byEndpoint,
  };
}
