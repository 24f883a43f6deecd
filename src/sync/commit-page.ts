import type { CrmAdapter, Cursor, HandoffAction, Page, ScoreUpdate } from '../connector/crm-adapter.js';
import type { LedgerEntry, StateStore } from '../state/index.js';
import type { Logger } from '../ops/logger.js';
import { handOff } from './handoff-step.js';
import { planPage, withheldUpdate } from './plan-page.js';
import type { LeadPlan, PlanContext } from './plan-page.js';
import { needsWrite } from './score-diff.js';
import type { SyncTally } from './sync-tally.js';

export interface CommitContext extends PlanContext {
  adapter: CrmAdapter;
  state: StateStore;
  logger: Logger;
  dryRun: boolean;
  /** Cursor stream to checkpoint after the page; none for a resync. */
  stream?: string;
  unconfirmed: Map<string, readonly LedgerEntry[]>;
  tally: SyncTally;
}

/** A page planned and handed off, its writes not sent yet. */
export interface PreparedPage {
  ids: string[];
  cursor: Cursor;
  updates: ScoreUpdate[];
  unchanged: number;
  /** Leads whose handoff is incomplete (their old status is written), with why. */
  incomplete: Map<string, string>;
}

/**
 * One page, committed in an order that survives a crash at any point: lead marks and handoffs (with their
 * ledger entries) before the write, the write before the checkpoint. A crash re-reads the page from the
 * previous checkpoint; the ledger and the diff make the repetition harmless.
 */
export async function commitPage(ctx: CommitContext, page: Page): Promise<void> {
  const prepared = await preparePage(ctx, page);
  if (prepared) await finishPages(ctx, [prepared]);
}

/**
 * The first half of a commit: the page planned, lead marks saved, handoffs run (ledger first), the updates
 * worked out. Undefined for a dry run, which only counts.
 */
export async function preparePage(ctx: CommitContext, page: Page): Promise<PreparedPage | undefined> {
  const { state, connector, tally } = ctx;
  const ids = page.leads.map((lead) => lead.ref.id);
  const marks = await state.leadMarks.get(connector, ids);
  const plan = planPage(ctx, page.leads, marks);
  tally.read(page.leads.length);

  if (ctx.dryRun) {
    const pending = new Map<string, HandoffAction[]>();
    for (const { transition } of plan.leads) {
      if (transition)
        pending.set(
          transition.key,
          await state.handoffs.pendingActions(transition.key, ctx.adapter.handoffActions),
        );
    }
    tally.dryRun(plan.leads, pending);
    return undefined;
  }

  if (plan.markUpdates.length) await state.leadMarks.apply(connector, plan.markUpdates);
  const transitions = plan.leads.flatMap((p) => (p.transition ? [p.transition] : []));
  const handoff = transitions.length
    ? await handOff(ctx.adapter, state.handoffs, transitions, ctx.unconfirmed, ctx.logger)
    : undefined;

  const updates: ScoreUpdate[] = [];
  let unchanged = 0;
  const incomplete = new Map<string, string>();
  for (const p of plan.leads) {
    const update = updateFor(p, handoff?.completed);
    if (update.values !== p.values && p.transition) {
      incomplete.set(p.lead.ref.id, handoff?.incomplete.get(p.transition.key) ?? 'handoff incomplete');
    }
    if (needsWrite(p.lead.current, update.values)) updates.push(update);
    else unchanged++;
    tally.scored(update.values);
  }
  tally.handedOff(transitions.filter((t) => handoff?.completed.has(t.key)).length);
  return { ids, cursor: page.cursor, updates, unchanged, incomplete };
}

/**
 * The second half, for one or more prepared pages in read order: their updates in one write, failures to
 * the dead-letter queue, settled records out of it, score history, then the checkpoint after the last page.
 */
export async function finishPages(ctx: CommitContext, pages: readonly PreparedPage[]): Promise<void> {
  const { state, connector, tally } = ctx;
  const last = pages.at(-1);
  if (!last) return;
  const updates = pages.length === 1 ? last.updates : pages.flatMap((p) => p.updates);
  const result = updates.length ? await ctx.adapter.write(updates) : { written: [], failed: [] };
  const failedIds = new Set(result.failed.map((f) => f.ref.id));
  if (result.failed.length) {
    await state.deadLetters.addFailures(connector, result.failed);
    for (const failure of result.failed)
      ctx.logger.warn('the CRM rejected a record; it is retried on the next run', {
        record: failure.ref.id,
        reason: failure.reason,
        code: failure.code,
      });
  }
  let handoffFailures = 0;
  for (const page of pages) {
    for (const [id, reason] of page.incomplete) {
      if (failedIds.has(id)) continue;
      handoffFailures++;
      await state.deadLetters.add(connector, id, `handoff incomplete: ${reason}`, 'HANDOFF_INCOMPLETE');
    }
    const settled = page.ids.filter((id) => !failedIds.has(id) && !page.incomplete.has(id));
    await state.deadLetters.resolveMany(connector, settled);
  }

  const writtenIds = new Set(result.written.map((ref) => ref.id));
  const snapshots = updates
    .filter((u) => writtenIds.has(u.ref.id))
    .map((u) => ({
      recordId: u.ref.id,
      at: u.values.scoredAt,
      score: u.values.score,
      grade: u.values.grade,
      status: u.values.status,
      model: u.values.model,
    }));
  if (snapshots.length) await state.scoreHistory.append(connector, snapshots);
  if (ctx.stream) await state.cursors.set(connector, ctx.stream, last.cursor);

  tally.committed({
    written: result.written.length,
    unchanged: pages.reduce((n, p) => n + p.unchanged, 0),
    failed: result.failed.length + handoffFailures,
  });
}

/** What is written for a lead: its planned values, or — while its handoff is incomplete — its old status. */
function updateFor(plan: LeadPlan, completed: ReadonlySet<string> | undefined): ScoreUpdate {
  if (!plan.transition || completed?.has(plan.transition.key))
    return { ref: plan.lead.ref, values: plan.values };
  return withheldUpdate(plan);
}
