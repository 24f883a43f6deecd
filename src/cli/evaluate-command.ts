import type { Command } from 'commander';
import { evaluateFromOptions, withEvaluationOptions } from './evaluation-options.js';
import type { EvaluationOptions } from './evaluation-options.js';
import type { CliIo } from './cli-io.js';
import { lineWriter } from './cli-io.js';
import { formatEvaluation } from './predictive-table.js';
import { UsageError } from '../util/errors.js';

interface EvaluateOptions extends EvaluationOptions {
  format: string;
}

const FORMATS = ['table', 'json'] as const;

export function registerEvaluateCommand(program: Command, io: CliIo): void {
  withEvaluationOptions(
    program
      .command('evaluate')
      .description(
        'Measure how well a score predicts conversion: ROC AUC, conversion by band, lift, calibration',
      ),
  )
    .option('-f, --format <format>', `output: ${FORMATS.join(' | ')}`, 'table')
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
  const { evaluation, seconds } = await evaluateFromOptions(options, io, {
    command: 'evaluate',
    goal: 'evaluate',
  });

  if (options.format === 'json') io.stdout.write(`${JSON.stringify(evaluation)}\n`);
  else io.stdout.write(formatEvaluation(evaluation));
  const warn = lineWriter(io.stderr);
  for (const warning of evaluation.warnings) warn(`warning: ${warning}`);
  if (!options.quiet)
    warn(
      `Evaluated ${evaluation.rows.toLocaleString('en-US')} leads of ${options.input} in ${seconds.toFixed(2)} s`,
    );
}
