import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { wholeNumber } from './int-option.js';
import { collectColumns, parseFolds, parseSeed } from './predictive-options.js';
import { evaluateForReport } from './report-evaluation.js';
import type { ReportEvaluation, ReportInputOptions } from './report-evaluation.js';
import { DEFAULT_FOLDS, DEFAULT_SEED } from '../predictive/train-model.js';
import { UsageError } from '../util/errors.js';

export interface EvaluationOptions extends ReportInputOptions {
  threshold?: string;
}

/** The options `evaluate` and `report` share: what is evaluated, on which data, and how. */
export function withEvaluationOptions(command: Command): Command {
  return command
    .requiredOption('-i, --input <file>', 'leads with their outcome: .csv or .jsonl')
    .requiredOption('-l, --label <column>', 'the outcome column: 1/0, yes/no or true/false')
    .option('--model <file>', 'a trained predictive model (default: cross-validate a new one on the input)')
    .option('--rules <file>', 'a rule model (YAML), scored on the input read as leads')
    .option(
      '--folds <k>',
      "stratified folds (the cross-validation, or the spread of a given model's AUC)",
      String(DEFAULT_FOLDS),
    )
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
    .option('-q, --quiet', 'no timing or input problem summary on stderr');
}

/** Checks the shared options and computes the evaluation; `verb` names the command in messages. */
export async function evaluateFromOptions(
  options: EvaluationOptions,
  io: CliIo,
  verb: { command: string; goal: string },
): Promise<ReportEvaluation & { seconds: number }> {
  if (options.model !== undefined && options.rules !== undefined)
    throw new UsageError(`--model and --rules: give one model to ${verb.goal}, not both`);
  if ((options.model ?? options.rules) !== undefined && options.exclude?.length)
    throw new UsageError(
      `--exclude applies when ${verb.command} trains a model (without --model or --rules)`,
    );
  const seed = parseSeed(options.seed);
  const folds = parseFolds(options.folds);
  const threshold =
    options.threshold === undefined ? undefined : wholeNumber('--threshold', options.threshold, 0, 100);
  const started = performance.now();
  const result = await evaluateForReport(
    options,
    { seed, folds, ...(threshold === undefined ? {} : { threshold }) },
    io,
  );
  return { ...result, seconds: (performance.now() - started) / 1000 };
}
