import { TrainingDataError } from './predictive-errors.js';
import { seededRandom, shuffle } from './random.js';

/**
 * Stratified K folds: each class is shuffled with the seed and dealt round the folds, so every fold holds
 * (within one) the same number of converted and not converted leads. Returns each row's fold.
 */
export function stratifiedFolds(
  outcomes: Uint8Array,
  k: number,
  seed: number,
  file = 'the data',
): Int32Array {
  const byClass: number[][] = [[], []];
  outcomes.forEach((outcome, row) => byClass[outcome]!.push(row));
  const smaller = Math.min(byClass[0]!.length, byClass[1]!.length);
  if (smaller < k) {
    throw new TrainingDataError(
      'DATA_TOO_FEW',
      `${file}: ${k} folds need at least ${k} leads of each outcome; there are ${byClass[1]!.length} converted and ${byClass[0]!.length} not`,
    );
  }
  const random = seededRandom(seed);
  const folds = new Int32Array(outcomes.length);
  // The deal continues across classes, so that folds differ in size by at most one row overall.
  let next = 0;
  for (const rows of [byClass[1]!, byClass[0]!]) {
    for (const row of shuffle(rows, random)) folds[row] = next++ % k;
  }
  return folds;
}

/** The rows of a fold and the rows of all other folds. */
export function splitFold(folds: Int32Array, fold: number): { train: Int32Array; test: Int32Array } {
  const train: number[] = [];
  const test: number[] = [];
  folds.forEach((f, row) => (f === fold ? test : train).push(row));
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}
