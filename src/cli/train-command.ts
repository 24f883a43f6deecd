import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { lineWriter } from './cli-io.js';
import { collectColumns, count, parseFolds, parseSeed, percent, readInput } from './predictive-options.js';
import type { DataOptions, ReadInput } from './predictive-options.js';
import type { ConnectorRegistry } from '../connector/connector-registry.js';
import { UsageError } from '../util/errors.js';
import type { DeploymentOptions } from './deployment-options.js';
import { DEFAULT_CONVERTED_STAGES, crmOutcomeColumns, withCrmHistory } from './train-from-crm.js';
import { DEFAULT_MODEL_FILE, savePredictiveModel } from '../predictive/model-artifact.js';
import { topFactors } from '../predictive/top-factors.js';
import { DEFAULT_FOLDS, DEFAULT_SEED, trainPredictive } from '../predictive/train-model.js';
import type { Training } from '../predictive/train-model.js';

interface TrainOptions extends DataOptions, DeploymentOptions {
  out: string;
  connector?: string;
  convertedStages?: string;
  outcome?: string;
}

export function registerTrainCommand(
  program: Command,
  io: CliIo,
  connectors: ConnectorRegistry = new Map(),
): void {
  program
    .command('train')
    .description(
      'Train a predictive model (regularised logistic regression) on historical leads with their outcome',
    )
    .option('-i, --input <file>', 'historical leads: .csv (any columns) or .jsonl (leadscore leads)')
    .option('-l, --label <column>', 'the outcome column: 1/0, yes/no or true/false')
    .option(
      '-c, --connector <name>',
      'train on the CRM history instead of a file (HubSpot contacts and their stages, Salesforce Leads and Contacts)',
    )
    .option(
      '--converted-stages <stages>',
      `with --connector hubspot: lifecycle stages that count as converted (default ${DEFAULT_CONVERTED_STAGES.join(',')})`,
    )
    .option(
      '--outcome <outcome>',
      'with --connector salesforce: converted (a converted Lead) or won (its opportunity won); default: the settings',
    )
    .option('--config <file>', 'with --connector: the deployment file (default: ./config/leadscore.yaml)')
    .option(
      '-x, --exclude <columns>',
      'columns to leave out, comma-separated, * as a wildcard (repeatable)',
      collectColumns,
    )
    .option('-o, --out <file>', 'where to write the model (JSON)', DEFAULT_MODEL_FILE)
    .option('--seed <n>', 'seed of the cross-validation folds', String(DEFAULT_SEED))
    .option('--folds <k>', 'cross-validation folds', String(DEFAULT_FOLDS))
    .option(
      '--time-column <column>',
      'date column for the time-based holdout (default: one found in the data)',
    )
    .option('--input-format <format>', 'csv | jsonl (default: from the file extension)')
    .option(
      '--now <iso-8601>',
      'lead files: measure recency from here (default: the latest activity in the file)',
    )
    .option('-q, --quiet', 'no summary of input problems on stderr')
    .addHelpText(
      'after',
      `
Columns filled in after the outcome is known (a status set by sales, a call result) leak it: leave them
out with --exclude. Any column that predicts the outcome almost perfectly on its own is warned about.

Examples:
  leadscore train --input history.csv --label Converted
  leadscore train --input leads.csv --label Converted --exclude "Tags,Lead Quality,Asymmetrique*" --out model.json
  leadscore train --input leads.jsonl --label converted --now 2026-11-01 --seed 7
  leadscore train --connector hubspot --out config/converted.predictive.json
  leadscore train --connector salesforce --outcome won --out config/won.predictive.json

With --connector the CRM's records are the history. HubSpot: every contact, converted = a lifecycle stage
of --converted-stages. Salesforce: every Lead, converted ones included, converted = IsConverted (--outcome
won: and its opportunity won), measured as of its ConvertedDate; and Contacts no Lead was converted into,
converted = a contact role on a won opportunity. The lifecycle stage, lead status and owner (set by sales)
are never features. The model then scores the same canonical fields in every sync: set predictive.model in
the deployment file.`,
    )
    .action(async (options: TrainOptions) => {
      if (options.connector !== undefined) {
        if (options.input !== undefined || options.label !== undefined)
          throw new UsageError('train: give either --connector or --input with --label, not both');
        const started = performance.now();
        await withCrmHistory({ ...options, connector: options.connector }, io, connectors, async (data) =>
          runTrain(
            options,
            io,
            { data, format: 'jsonl', seconds: (performance.now() - started) / 1000 },
            crmOutcomeColumns(data),
          ),
        );
        return;
      }
      if (options.input === undefined || options.label === undefined)
        throw new UsageError('train: give --input FILE and --label COLUMN (or --connector NAME)');
      await runTrain(options, io, await readInput(options as DataOptions, io), []);
    });
}

async function runTrain(
  options: TrainOptions,
  io: CliIo,
  input: Pick<ReadInput, 'data' | 'format' | 'seconds'>,
  alwaysExcluded: readonly string[],
): Promise<void> {
  const seed = parseSeed(options.seed);
  const folds = parseFolds(options.folds);
  const { data, format, seconds: readSeconds } = input;
  const training = trainPredictive(data, {
    exclude: [...alwaysExcluded, ...(options.exclude ?? [])],
    seed,
    folds,
    format,
    ...(options.timeColumn ? { timeColumn: options.timeColumn } : {}),
  });
  await savePredictiveModel(options.out, training.model);
  const out = lineWriter(io.stdout);
  for (const line of trainingSummary(training, readSeconds)) out(line);
  out(`Wrote ${options.out}`);
  const warn = lineWriter(io.stderr);
  for (const warning of training.warnings) warn(`warning: ${warning}`);
}

function trainingSummary(training: Training, readSeconds: number): string[] {
  const { model, cv, plan } = training;
  const lines = [
    `Trained a predictive model of ${model.label} on ${count(model.rows)} leads of ${model.source.file} ` +
      `(${count(model.positives)} converted, ${percent(model.positives / model.rows)})`,
    `  read in ${readSeconds.toFixed(2)} s, trained in ${training.seconds.toFixed(2)} s ` +
      `(${cv.folds.length}-fold cross-validation, the final fit, the leakage checks)`,
    `  ${model.features.length} features from ${plan.features.length} columns; ` +
      `L2-regularised logistic regression (C = ${model.regularisation.C}), seed ${model.seed}`,
    `  cross-validated ROC AUC ${cv.auc.toFixed(3)} ± ${cv.aucStd.toFixed(3)} (${cv.folds.length} stratified folds)`,
  ];
  const holdout = training.timeHoldout;
  if (holdout) {
    const auc =
      holdout.auc === null ? 'not measurable (one outcome only)' : `ROC AUC ${holdout.auc.toFixed(3)}`;
    lines.push(`  time-based holdout by ${holdout.column} (latest ${count(holdout.testRows)} leads): ${auc}`);
  }
  const excluded = plan.skipped.filter((s) => s.reason === 'excluded').map((s) => s.column);
  if (excluded.length) lines.push(`  left out (--exclude): ${excluded.join(', ')}`);
  for (const note of training.notes) lines.push(`  note: ${note}`);
  const factors = topFactors(training.final, 5)
    .map(
      (factor) => `${factor.impact >= 0 ? '+' : '−'}${Math.abs(factor.impact).toFixed(2)} ${factor.feature}`,
    )
    .join(', ');
  lines.push(`  strongest factors (log-odds per standard deviation): ${factors}`);
  return lines;
}
