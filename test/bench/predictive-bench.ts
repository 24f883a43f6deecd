/**
 * `npm run bench:predictive [-- --rows N --chunk N --train-rows N --seed N]`
 *
 * 1. X Education (LEADSCORE_XEDU_CSV, else ../shared/data/x_education_leads.csv; skipped when absent): the
 *    time to read the file, to train on it without the leaky columns (5-fold cross-validation, the final
 *    fit, the leakage checks; target < 2 s) and the cross-validated ROC AUC.
 * 2. That model scoring N resampled leads (default 1,000,000) with the file's columns, generated in memory
 *    from a seed: the vectorised path (tableDesign + scoreDesign over a column-major table of text) and
 *    `predict` from row objects of text, end to end; target 1,000,000 rows/s each.
 * 3. Training on a generated set of M leads (default 1,000,000): 10 numeric and 3 categorical columns.
 * Then the peak RSS. Run from source with tsx, like bench:sync.
 */
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { withOutcomes, readTrainingData } from '../../src/predictive/read-training-data.js';
import type { TrainingData } from '../../src/predictive/read-training-data.js';
import { trainPredictive } from '../../src/predictive/train-model.js';
import type { Training } from '../../src/predictive/train-model.js';
import { fmt, seconds, wholeNumber } from './bench-format.js';
import { ResampledLeads, syntheticTrainingTable } from './predictive-bench-data.js';
import { timeScoring } from './predictive-bench-scoring.js';

const TARGET_TRAIN_SECONDS = 2;
const TARGET_ROWS_PER_SECOND = 1_000_000;
/** Filled in by sales after contacting the lead: they leak the outcome (src/predictive/README.md). */
const LEAKY = [
  'Tags',
  'Lead Quality',
  'Lead Profile',
  'Asymmetrique*',
  'Last Activity',
  'Last Notable Activity',
];

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    chunk: { type: 'string', default: '10000' },
    'train-rows': { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '42' },
  },
});
const ROWS = wholeNumber('rows', args.rows);
const CHUNK = wholeNumber('chunk', args.chunk);
const TRAIN_ROWS = wholeNumber('train-rows', args['train-rows'], 0);
const SEED = wholeNumber('seed', args.seed, 0);

/** From source (tsx) the repository is two levels up; from dist, three. */
const ROOT = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? '../../' : '../../../', import.meta.url),
);
const XEDU = process.env.LEADSCORE_XEDU_CSV ?? `${ROOT}../shared/data/x_education_leads.csv`;

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
const peakRssMb = () => fmt(process.resourceUsage().maxRSS / 1024, 0);
const perSecond = (rows: number, ns: bigint) => rows / seconds(ns);
const out = (line = '') => console.log(line);

function trainingLine(training: Training): string {
  const { cv, model } = training;
  return (
    `ROC AUC ${cv.auc.toFixed(3)} ± ${cv.aucStd.toFixed(3)} (${cv.folds.length}-fold, seed ${model.seed}); ` +
    `${fmt(model.features.length)} features from ${fmt(training.plan.features.length)} columns`
  );
}

async function benchXEducation(): Promise<{ data: TrainingData; training: Training }> {
  out(`X Education: ${basename(XEDU)}, without ${LEAKY.join(', ')}`);
  let started = process.hrtime.bigint();
  const data = await readTrainingData(XEDU, { label: 'Converted', format: 'csv' });
  const readSeconds = seconds(process.hrtime.bigint() - started);
  out(
    `  read:      ${fmt(data.outcomes.length)} rows × ${fmt(data.table.columns.length + 1)} columns in ${readSeconds.toFixed(3)} s`,
  );
  started = process.hrtime.bigint();
  const training = trainPredictive(data, { exclude: LEAKY, format: 'csv' });
  const trainSeconds = seconds(process.hrtime.bigint() - started);
  out(
    `  training:  ${trainSeconds.toFixed(3)} s for 5-fold cross-validation + the final fit + the leakage checks ` +
      `(target < ${TARGET_TRAIN_SECONDS} s: ${verdict(trainSeconds < TARGET_TRAIN_SECONDS)})`,
  );
  started = process.hrtime.bigint();
  trainPredictive(data, { exclude: LEAKY, format: 'csv' });
  out(`             ${seconds(process.hrtime.bigint() - started).toFixed(3)} s trained again (warm)`);
  out(`  model:     ${trainingLine(training)}`);
  return { data, training };
}

function benchScoring({ data, training }: { data: TrainingData; training: Training }): void {
  const { model } = training;
  const numeric = new Set(
    training.plan.features.filter((column) => column.kind === 'numeric').map((column) => column.name),
  );
  const leads = new ResampledLeads(data.table, numeric, SEED);
  out();
  out(
    `Scoring the X Education model over ${fmt(ROWS)} leads resampled from the file (seed ${SEED}; ` +
      `${fmt(data.table.columns.length)} columns, chunks of ${fmt(CHUNK)}; drawing the leads is not timed)`,
  );
  const figures = timeScoring(model, leads, ROWS, CHUNK);
  const kernel = perSecond(figures.rows, figures.designNs + figures.kernelNs);
  const endToEnd = perSecond(figures.rows, figures.endToEndNs);
  out(
    `  vectorised (tableDesign + scoreDesign): ${fmt(kernel)} rows/s ` +
      `(target ${fmt(TARGET_ROWS_PER_SECOND)} rows/s: ${verdict(kernel >= TARGET_ROWS_PER_SECOND)})`,
  );
  out(
    `    of which tableDesign ${fmt(perSecond(figures.rows, figures.designNs))} rows/s, ` +
      `scoreDesign ${fmt(perSecond(figures.rows, figures.kernelNs))} rows/s (${fmt(model.features.length)} features)`,
  );
  out(
    `  end to end from text rows (predict):    ${fmt(endToEnd)} rows/s ` +
      `(target ${fmt(TARGET_ROWS_PER_SECOND)} rows/s: ${verdict(endToEnd >= TARGET_ROWS_PER_SECOND)})`,
  );
  out(
    `  the two paths agree to ${figures.maxDifference.toExponential(1)}; mean probability ${figures.meanProbability.toFixed(4)}`,
  );
  out(`  peak RSS so far: ${peakRssMb()} MB`);
}

function benchLargeTraining(): void {
  out();
  out(`Training on ${fmt(TRAIN_ROWS)} generated leads (10 numeric + 3 categorical columns, seed ${SEED})`);
  let started = process.hrtime.bigint();
  const data = withOutcomes(syntheticTrainingTable(TRAIN_ROWS, SEED), 'converted');
  out(`  generated in ${seconds(process.hrtime.bigint() - started).toFixed(2)} s (not timed below)`);
  started = process.hrtime.bigint();
  const training = trainPredictive(data, { format: 'csv' });
  const trainSeconds = seconds(process.hrtime.bigint() - started);
  out(
    `  training:  ${trainSeconds.toFixed(2)} s for 5-fold cross-validation + the final fit + the leakage checks ` +
      `(${fmt(TRAIN_ROWS / trainSeconds)} rows/s)`,
  );
  out(`  model:     ${trainingLine(training)}`);
  out(`  peak RSS so far: ${peakRssMb()} MB`);
}

async function main(): Promise<void> {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  out(`Predictive benchmark: Node ${process.version}, ${cpu} × ${cpus().length}`);
  out();
  if (existsSync(XEDU)) benchScoring(await benchXEducation());
  else
    out(
      `X Education: skipped, ${XEDU} not found (set LEADSCORE_XEDU_CSV to its path); ` +
        'the scoring part, which scores its model, is skipped too',
    );
  if (TRAIN_ROWS > 0) benchLargeTraining();
  out();
  out(`Peak RSS: ${peakRssMb()} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
