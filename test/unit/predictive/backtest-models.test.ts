import { beforeAll, describe, expect, it } from '@jest/globals';
import { readLeadHistory } from '../../../src/predictive/backtest-history.js';
import { backtestModels } from '../../../src/predictive/backtest-models.js';
import type { Backtest } from '../../../src/predictive/backtest-models.js';
import { loadModel } from '../../../src/scoring/load-model.js';

const LEADS = 'test/fixtures/predictive/backtest-leads.jsonl';
const NEW = 'config/examples/role-industry-demo.yaml';
const OLD = 'config/examples/points-table.yaml';
const AS_OF = new Date('2026-06-15T12:00:00Z');

async function backtest(top = 20, asOf = AS_OF): Promise<Backtest> {
  const history = await readLeadHistory({
    file: LEADS,
    format: 'jsonl',
    label: 'converted',
    onProblem: () => {},
  });
  return backtestModels({
    history,
    newModel: await loadModel(NEW),
    oldModel: await loadModel(OLD),
    asOf,
    top,
  });
}

/**
 * By hand, as of 2026-06-15T12:00Z. points-table (old, MQL at 60): pricing page +30 each, webinar +40,
 * email click +10, newsletter +10, whitepaper +20, −20 after 30 days without activity. role-industry-demo
 * (new, MQL at 50): decision-maker +15, target industry +10, demo request +10 once, pricing page +15 once.
 *   B-1  VP, Software, pricing, demo            old 30   new 50  converted   → flipped in
 *   B-2  Buyer, Retail, pricing ×2, webinar     old 100  new 15  not         → flipped out
 *   B-3  Director, SaaS, demo, pricing, 2 clicks old 50  new 50  converted   → flipped in
 *   B-4  VP, Software, pricing ×2, webinar      old 100  new 40  converted   → flipped out
 *   B-5  CEO, Internet, demo, pricing, 2 newsletters, whitepaper: old 70, new 50, converted → MQL under both
 *   B-6  one click 60 days ago                  old −10  new 0               → neither
 *   B-7  Software, pricing + whitepaper 100 days ago: old 30, new 25        → neither
 *   B-8  VP, Healthcare, pricing ×3, demo       old 90   new 40  not         → flipped out
 *   B-9  Director, Software, demo, pricing; a webinar after the as-of date: old 30 (not 70), new 50, not → in
 *   B-10 no outcome                                                          → left out
 *   B-11 Head of IT, Information Technology, pricing, demo: old 30, new 50, converted → flipped in
 */
describe('backtestModels on the hand-checked fixture', () => {
  let result: Backtest;
  beforeAll(async () => {
    result = await backtest();
  });

  it('counts the MQLs of each model and the change between them', () => {
    expect(result.new).toMatchObject({
      mqls: 5,
      converted: 4,
      conversionRate: 0.8,
      recall: 0.8,
      threshold: 50,
    });
    expect(result.old).toMatchObject({
      mqls: 4,
      converted: 2,
      conversionRate: 0.5,
      recall: 0.4,
      threshold: 60,
    });
    expect(result.change).toBe(1);
  });

  it('lists the leads that flip in with both scores and their outcome, highest new score first', () => {
    expect(result.flippedIn).toMatchObject({ count: 4, converted: 3, conversionRate: 0.75 });
    expect(
      result.flippedIn.leads.map((flip) => [flip.id, flip.old.score, flip.new.score, flip.converted]),
    ).toEqual([
      ['B-1', 30, 50, true],
      ['B-3', 50, 50, true],
      ['B-9', 30, 50, false],
      ['B-11', 30, 50, true],
    ]);
  });

  it('lists the leads that flip out, highest old score first', () => {
    expect(result.flippedOut).toMatchObject({ count: 3, converted: 1 });
    expect(
      result.flippedOut.leads.map((flip) => [flip.id, flip.old.score, flip.new.score, flip.converted]),
    ).toEqual([
      ['B-2', 100, 15, false],
      ['B-4', 100, 40, true],
      ['B-8', 90, 40, false],
    ]);
  });

  it('counts the leads whose status does not change', () => {
    expect(result.unchanged).toEqual({ both: 1, neither: 2 });
  });

  it('leaves out leads without an outcome, with a note', () => {
    expect(result.leads).toBe(10);
    expect(result.converted).toBe(5);
    expect(result.notes).toEqual(['1 lead without a converted value was left out']);
  });

  it('carries the email, status and line of a flipped lead', () => {
    expect(result.flippedIn.leads[0]).toEqual({
      id: 'B-1',
      email: 'ana@acme-soft.io',
      line: 1,
      converted: true,
      old: { score: 30, status: 'nurture' },
      new: { score: 50, status: 'mql' },
    });
  });
});

describe('backtestModels', () => {
  it('ignores activities after the as-of date', async () => {
    // B-9's webinar on July 1st (+40 under the old model) has not happened on June 15th.
    const flipsOn = async (asOf: string) =>
      (await backtest(20, new Date(asOf))).flippedIn.leads.map((f) => f.id);
    expect(await flipsOn('2026-06-15T12:00:00Z')).toContain('B-9');
    expect(await flipsOn('2026-07-02T00:00:00Z')).not.toContain('B-9');
  });

  it('lists at most --top flips per direction but counts them all', async () => {
    const result = await backtest(2);
    expect(result.flippedIn.leads.map((flip) => flip.id)).toEqual(['B-1', 'B-3']);
    expect(result.flippedIn.count).toBe(4);
    expect(result.flippedOut.leads).toHaveLength(2);
  });
});
