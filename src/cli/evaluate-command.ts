import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { evaluateForReport } from './report-evaluation.js';
import { lineWriter } from './cli-io.js';
import { wholeNumber } from './int-option.js';
import { collectColumns, parseFolds, parseSeed } from './predictive-options.js';
import type { DataOptions } from './predictive-options.js';
import { formatEvaluation } from './predictive-table.js';
import { DEFAULT_FOLDS, DEFAULT_SEED } from '../predictive/train-model.js';
import { UsageError } from '../util/errors.js';

interface EvaluateOptions extends DataOptions {
  model?: string;
  rules?: string;
  format: string;
  threshold?: string;
}

const FORMATS = ['table', 'json'] as const;

export function registerEvaluateCommand(program: Command, io: CliIo): void {
  program
    .command('evaluate')
    .description(
      'Measure how well a score predicts conversion: ROC AUC, conversion by band, lift, calibration',
    )
    .requiredOption('-i, --input <file>', 'leads with their outcome: .csv or .jsonl')
    .requiredOption('-l, --label <column>', 'the outcome column: 1/0, yes/no or true/false')
    .option('--model <file>', 'a trained predictive model (default: cross-validate a new one on the input)')
    .option('--rules <file>', 'a rule model (YAML), scored on the input read as leads')
    .option(
      '--folds <k>',
      "stratified folds (the cross-validation, or the spread of a given model's AUC)",
      String(DEFAULT_FOLDS),
    )
    .option('-f, --format <format>', `output: ${FORMATS.join(' | ')}`, 'table')
    .option(
      '-x, --exclude <columns>',
      'columns to leave out when training, comma-separated, * as a wildcard',
      collectColumns,
    )
    .option('--seed <n>', 'seed of the folds', String(DEFAULT_SEED))
    .option(
      '--threshold <score>',
      "MQL threshold for precision and recall (default: the rule model's, else 50)",
    )
    .option(
      '--time-column <column>',
      'date column for the time-based holdout (default: one found in the data)',
    )
    .option('--input-format <format>', 'csv | jsonl (default: from the file extension)')
    .option(
      '--now <iso-8601>',
      'rule models: score as of this moment (default: now); lead files: recency reference',
    )
    .option('-q, --quiet', 'no timing or input problem summary on stderr')
    .addHelpText(
      'after',
      `
Without --model or --rules, a predictive model is trained and cross-validated on the input: the headline
ROC AUC is the mean over the folds, every other figure comes from out-of-fold predictions.

Examples:
  leadscore evaluate --input history.csv --label Converted
  leadscore evaluate --input leads.csv --label Converted --exclude "Tags,Lead Quality,Asymmetrique*" --format json
  leadscore evaluate --input new-leads.csv --label Converted --model model.predictive.json
  leadscore evaluate --input leads.jsonl --label converted --rules config/scoring.yaml --now 2026-11-01`,
    )
    .action(async (options: EvaluateOptions) => {
      await runEvaluate(options, io);
    });
}

async function runEvaluate(options: EvaluateOptions, io: CliIo): Promise<void> {
  if (!(FORMATS as readonly string[]).includes(options.format))
    throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, got "${options.format}"`);
  if (options.model !== undefined && options.rules !== undefined)
    throw new UsageError('--model and --rules: give one model to evaluate, not both');
  if ((options.model ?? options.rules) !== undefined && options.exclude?.length)
    throw new UsageError('--exclude applies when evaluate trains a model (without --model or --rules)');
  const seed = parseSeed(options.seed);
  const folds = parseFolds(options.folds);
  const threshold =
    options.threshold === undefined ? undefined : wholeNumber('--threshold', options.threshold, 0, 100);
  const started = performance.now();
  const { evaluation } = await evaluateForReport(
    options,
    { seed, folds, ...(threshold === undefined ? {} : { threshold }) },
    io,
  );
  const seconds = (performance.now() - started) / 1000;

  if (options.format === 'json') io.stdout.write(`${JSON.stringify(evaluation)}\n`);
  else io.stdout.write(formatEvaluation(evaluation));
  const warn = lineWriter(io.stderr);
  for (const warning of evaluation.warnings) warn(`warning: ${warning}`);
  if (!options.quiet)
    warn(
      `Evaluated ${evaluation.rows.toLocaleString('en-US')} leads of ${options.input} in ${seconds.toFixed(2)} s`,
    );
}
