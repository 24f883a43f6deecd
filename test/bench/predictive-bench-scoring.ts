/** Times a trained predictive model over many resampled leads, chunk by chunk, by two paths. */
import type { PredictiveModel } from '../../src/predictive/model-artifact.js';
import { predict, tableDesign } from '../../src/predictive/predict.js';
import { scoreDesign } from '../../src/predictive/score-design.js';
import { tableRows } from './predictive-bench-data.js';
import type { ResampledLeads } from './predictive-bench-data.js';

export interface ScoringFigures {
  rows: number;
  /** tableDesign: text cells → typed columns → the Float64Array design. */
  designNs: bigint;
  /** scoreDesign: the dot products and the sigmoid. */
  kernelNs: bigint;
  /** predict(model, rows of column → text): the whole path from text rows to probabilities. */
  endToEndNs: bigint;
  /** Largest difference between the two paths' probabilities (they should agree exactly). */
  maxDifference: number;
  meanProbability: number;
}

/** Leads scored untimed first, so that both paths are compiled before the clock runs. */
const WARM_UP_ROWS = 20_000;

/**
 * Scores `rows` leads drawn from `leads`, `chunk` at a time (a chunk's design is chunk × features
 * Float64s): the kernel path from a column-major table of text, and `predict` from row objects of text.
 * Only the scoring calls are timed, not the drawing of the leads.
 */
export function timeScoring(
  model: PredictiveModel,
  leads: ResampledLeads,
  rows: number,
  chunk: number,
): ScoringFigures {
  const warm = leads.nextTable(Math.min(WARM_UP_ROWS, rows));
  scoreDesign(tableDesign(model, warm), model.coefficients, model.intercept);
  predict(model, tableRows(warm));

  const figures: ScoringFigures = {
    rows: 0,
    designNs: 0n,
    kernelNs: 0n,
    endToEndNs: 0n,
    maxDifference: 0,
    meanProbability: 0,
  };
  let sum = 0;
  while (figures.rows < rows) {
    const n = Math.min(chunk, rows - figures.rows);
    const table = leads.nextTable(n);
    const textRows = tableRows(table);

    const t0 = process.hrtime.bigint();
    const design = tableDesign(model, table);
    const t1 = process.hrtime.bigint();
    const kernel = scoreDesign(design, model.coefficients, model.intercept);
    const t2 = process.hrtime.bigint();
    const endToEnd = predict(model, textRows);
    const t3 = process.hrtime.bigint();

    figures.designNs += t1 - t0;
    figures.kernelNs += t2 - t1;
    figures.endToEndNs += t3 - t2;
    for (let i = 0; i < n; i++) {
      sum += kernel[i]!;
      const difference = Math.abs(kernel[i]! - endToEnd[i]!);
      if (difference > figures.maxDifference) figures.maxDifference = difference;
    }
    figures.rows += n;
  }
  figures.meanProbability = sum / figures.rows;
  return figures;
}
