/**
 * Timing our engine: scoreLead over synthetic leads that are generated in chunks, so that memory
 * stays bounded; only the scoreLead calls are timed.
 */
import { performance } from 'node:perf_hooks';
import type { Lead } from '../../src/model/lead.js';
import type { CompiledModel } from '../../src/scoring/compile-model.js';
import { scoreLead } from '../../src/scoring/score-lead.js';
import { seconds } from './bench-format.js';
import { GcAccount } from './gc-account.js';
import { syntheticLeads } from './synthetic-leads.js';

/** `gc()` when Node runs with --expose-gc. */
export const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;

/** Which synthetic leads are scored (the seeded sequence), and the instant they are scored at. */
export interface LeadSet {
  activitiesPerLead: number;
  seed: number;
  now: Date;
}

/** Yields the same leads (the first `count` of the seeded sequence) in arrays of `size`. */
export function* chunks(leads: LeadSet, count: number, size: number): Generator<Lead[]> {
  const { activitiesPerLead, seed, now } = leads;
  const source = syntheticLeads(count, { activitiesPerLead, seed, now });
  let chunk: Lead[] = [];
  for (const lead of source) {
    chunk.push(lead);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

export interface Measurement {
  leads: number;
  scoringS: number;
  wallS: number;
  cpuS: number;
  gcS: number;
  statuses: Record<string, number>;
  grades: Record<string, number>;
  scoreSum: number;
  reasonsChars: number;
}

/**
 * Times scoreLead over `count` leads generated in chunks of `size`. With `collectFirst`, the
 * generation garbage is collected before each timed chunk (two minor GCs, which also move the chunk
 * to the old generation); without it, GC pauses inside the timed calls are reported instead.
 */
export async function measureScoring(
  model: CompiledModel,
  leads: LeadSet,
  count: number,
  size: number,
  collectFirst: boolean,
): Promise<Measurement> {
  const { now } = leads;
  const m: Measurement = {
    leads: count,
    scoringS: 0,
    wallS: 0,
    cpuS: 0,
    gcS: 0,
    statuses: { mql: 0, nurture: 0, disqualified: 0 },
    grades: { A: 0, B: 0, C: 0, D: 0 },
    scoreSum: 0,
    reasonsChars: 0,
  };
  const { statuses, grades } = m;
  const gcAccount = new GcAccount();
  let scoringNs = 0n;
  let cpuMicros = 0;
  const wallStart = process.hrtime.bigint();
  for (const chunk of chunks(leads, count, size)) {
    if (collectFirst) {
      gc?.({ type: 'minor' });
      gc?.({ type: 'minor' });
    }
    const windowStart = performance.now();
    const cpu = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    // Each result is used and dropped at once, as a streaming writer would: the tally is timed too.
    for (let i = 0; i < chunk.length; i++) {
      const r = scoreLead(model, chunk[i]!, now);
      statuses[r.status]!++;
      grades[r.grade]!++;
      m.scoreSum += r.score;
      m.reasonsChars += r.reasons.length;
    }
    scoringNs += process.hrtime.bigint() - t0;
    gcAccount.window(windowStart, performance.now());
    const used = process.cpuUsage(cpu);
    cpuMicros += used.user + used.system;
  }
  m.wallS = seconds(process.hrtime.bigint() - wallStart);
  m.scoringS = seconds(scoringNs);
  m.cpuS = cpuMicros / 1e6;
  m.gcS = (await gcAccount.total()) / 1000;
  return m;
}

/** Scores the first `count` leads with `model`, dropping the results; returns the nanoseconds of the calls. */
export function timeOurs(model: CompiledModel, leads: LeadSet, count: number, size: number): bigint {
  const { now } = leads;
  let ns = 0n;
  let sink = 0;
  for (const chunk of chunks(leads, count, size)) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < chunk.length; i++) sink += scoreLead(model, chunk[i]!, now).fit;
    ns += process.hrtime.bigint() - t0;
  }
  if (Number.isNaN(sink)) throw new Error('bench: NaN fit');
  return ns;
}
