/**
 * Part 2 of score-bench, apart from timing our engine: json-rules-engine timed on a sample of the
 * leads, and the check that it and our engine give every lead of the sample the same fit outcome.
 */
import type { Engine, Event } from 'json-rules-engine';
import type { CompiledModel } from '../../src/scoring/compile-model.js';
import { scoreLead } from '../../src/scoring/score-lead.js';
import { jreOutcome, ourOutcome } from './json-rules-engine-fit.js';
import type { FitOutcome } from './json-rules-engine-fit.js';
import { chunks } from './score-timing.js';
import type { LeadSet } from './score-timing.js';

/** Runs `engine` on the first `count` leads; returns the nanoseconds of the runs and each lead's outcome. */
export async function timeJre(
  engine: Engine,
  leads: LeadSet,
  count: number,
  size: number,
): Promise<{ ns: bigint; outcomes: FitOutcome[] }> {
  let ns = 0n;
  const outcomes: FitOutcome[] = [];
  for (const chunk of chunks(leads, count, size)) {
    const events: Event[][] = new Array(chunk.length);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < chunk.length; i++) {
      // The lead itself is the facts object: each of its fields becomes a fact.
      events[i] = (await engine.run(chunk[i] as unknown as Record<string, unknown>)).events;
    }
    ns += process.hrtime.bigint() - t0;
    for (const e of events) outcomes.push(jreOutcome(e));
  }
  return { ns, outcomes };
}

export interface Agreement {
  /** Leads on which the fit-only model gives json-rules-engine's fired rules and points. */
  fitOnly: number;
  /** The same for the full model. */
  full: number;
  /** Rules fired by json-rules-engine, over all leads. */
  firedTotal: number;
  /** The first 5 leads on which either model differs, described. */
  disagreements: string[];
}

/**
 * Untimed: the fired rules (of `ids`) and fit points of each of the first `count` leads, ours with
 * both models against json-rules-engine's `theirOutcomes` (in lead order).
 */
export function checkAgreement(
  models: { fitOnly: CompiledModel; full: CompiledModel },
  ids: ReadonlySet<string>,
  theirOutcomes: readonly FitOutcome[],
  leads: LeadSet,
  count: number,
  size: number,
): Agreement {
  const { now } = leads;
  const agreement: Agreement = { fitOnly: 0, full: 0, firedTotal: 0, disagreements: [] };
  const { disagreements } = agreement;
  let index = 0;
  for (const chunk of chunks(leads, count, size)) {
    for (const lead of chunk) {
      const theirs = theirOutcomes[index++]!;
      const ours = ourOutcome(scoreLead(models.fitOnly, lead, now), ids);
      const oursFull = ourOutcome(scoreLead(models.full, lead, now), ids);
      agreement.firedTotal += theirs.fired === '' ? 0 : theirs.fired.split(' ').length;
      if (ours.points === theirs.points && ours.fired === theirs.fired) agreement.fitOnly++;
      if (oursFull.points === theirs.points && oursFull.fired === theirs.fired) agreement.full++;
      if ((ours.fired !== theirs.fired || oursFull.fired !== theirs.fired) && disagreements.length < 5) {
        disagreements.push(
          `   ${lead.ref.id}: json-rules-engine [${theirs.fired}] = ${theirs.points}; ` +
            `ours fit-only [${ours.fired}] = ${ours.points}; ours full [${oursFull.fired}] = ${oursFull.points}\n` +
            `     ${JSON.stringify({ ...lead, activities: undefined })}`,
        );
      }
    }
  }
  return agreement;
}
