/**
 * Times a trained predictive model over many generated leads, chunk by chunk, by every scoring path. Only
 * the scoring calls are timed, not the making of the chunks (collected before the clock runs: the garbage the
 * scoring itself makes is collected while it is timed); each chunk is scored `passes` times by each path, so
 * that a path's figure can be the median pass.
 */
import type { Lead } from '../../src/model/lead.js';
import type { DataTable } from '../../src/predictive/data-table.js';
import { leadRow } from '../../src/predictive/lead-rows.js';
import type { PredictiveModel } from '../../src/predictive/model-artifact.js';
import { slotDesign } from '../../src/predictive/model-slots.js';
import { modelActivityTypes, predictLeads } from '../../src/predictive/predict-leads.js';
import { predict, predictiveScore, predictTable, tableValues } from '../../src/predictive/predict.js';
import { scoreDesign } from '../../src/predictive/score-design.js';
import { scoreSlots } from '../../src/predictive/score-slots.js';
import { garbageCollector } from './collect-garbage.js';
import { tableRows } from './predictive-bench-data.js';

export const PATHS = ['kernel', 'design', 'table', 'rows', 'leads'] as const;
export type ScoringPath = (typeof PATHS)[number];

/** What a chunk of leads comes as: a parsed table (then also its rows), Lead objects, or both. */
export interface ScoringChunk {
  table?: DataTable;
  leads?: Lead[];
}

export interface ScoringSet {
  /** Scores the tables and their rows. */
  model?: PredictiveModel;
  /** Scores the leads (trained on the same data read as leads). */
  leadModel?: PredictiveModel;
  asOf: Date;
  next(rows: number): ScoringChunk;
}

export interface ScoringFigures {
  rows: number;
  /** Per path, the nanoseconds of each pass over all the rows (0: the path was not timed). */
  passes: Record<ScoringPath, number[]>;
  /** The same in CPU time of the process (all its threads, the garbage collector's too). */
  cpuPasses: Record<ScoringPath, number[]>;
  /** Largest difference between the probabilities of predictTable, predict and scoreDesign. */
  maxDifference: number;
  /** Leads whose predictLeads score is not the score predict gives their rows (leadRow). */
  leadMismatches: number;
  meanProbability: number;
}

export function timeScoring(set: ScoringSet, rows: number, chunk: number, passes: number): ScoringFigures {
  const perPath = () =>
    Object.fromEntries(PATHS.map((path) => [path, new Array<number>(passes).fill(0)])) as Record<
      ScoringPath,
      number[]
    >;
  const figures: ScoringFigures = {
    rows: 0,
    passes: perPath(),
    cpuPasses: perPath(),
    maxDifference: 0,
    leadMismatches: 0,
    meanProbability: 0,
  };
  let sum = 0;
  let scored = 0;
  const collectGarbage = garbageCollector();
  while (figures.rows < rows) {
    const n = Math.min(chunk, rows - figures.rows);
    const { table, leads } = set.next(n);
    const { model, leadModel } = set;
    // Untimed: what the kernels start from, and the rows predict takes.
    const values = table && model ? tableValues(model, table) : undefined;
    const design = values ? slotDesign(values) : undefined;
    const textRows = table ? tableRows(table) : undefined;
    collectGarbage();
    // The first chunk is scored once untimed first, so that every path is compiled before the clock runs.
    for (let pass = figures.rows === 0 ? -1 : 0; pass < passes; pass++) {
      const last = pass === passes - 1;
      if (table && model && values && design && textRows) {
        time(figures, 'kernel', pass, () => scoreSlots(values, model.coefficients, model.intercept));
        const kernel = time(figures, 'design', pass, () =>
          scoreDesign(design, model.coefficients, model.intercept),
        );
        const probabilities = time(figures, 'table', pass, () => predictTable(model, table));
        const fromRows = time(figures, 'rows', pass, () => predict(model, textRows));
        if (last) {
          for (let i = 0; i < n; i++) {
            sum += probabilities[i]!;
            const difference = Math.max(
              Math.abs(probabilities[i]! - kernel[i]!),
              Math.abs(probabilities[i]! - fromRows[i]!),
            );
            figures.maxDifference = Math.max(figures.maxDifference, difference);
          }
          scored += n;
        }
      }
      if (leads && leadModel) {
        const predictions = time(figures, 'leads', pass, () => predictLeads(leadModel, leads, set.asOf));
        if (last) figures.leadMismatches += leadMismatches(leadModel, leads, set.asOf, predictions);
      }
    }
    figures.rows += n;
  }
  figures.meanProbability = scored ? sum / scored : Number.NaN;
  return figures;
}

/** Runs `score`, adding its time to the path's pass (pass −1: the warm-up, not counted). */
function time<T>(figures: ScoringFigures, path: ScoringPath, pass: number, score: () => T): T {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = score();
  const ns = Number(process.hrtime.bigint() - started);
  const { user, system } = process.cpuUsage(cpu);
  if (pass >= 0) {
    figures.passes[path][pass]! += ns;
    figures.cpuPasses[path][pass]! += (user + system) * 1000;
  }
  return result;
}

/** The reference: predict over the leads' rows as leadRow writes them. */
function leadMismatches(
  model: PredictiveModel,
  leads: readonly Lead[],
  asOf: Date,
  predictions: ReadonlyArray<{ score: number }>,
): number {
  const types = modelActivityTypes(model);
  const expected = predict(
    model,
    leads.map((lead) => leadRow(lead, asOf, types)),
  );
  let mismatches = 0;
  for (let i = 0; i < leads.length; i++)
    if (predictions[i]!.score !== predictiveScore(expected[i]!)) mismatches++;
  return mismatches;
}
