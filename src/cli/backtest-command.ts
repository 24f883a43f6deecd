import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { lineWriter } from './cli-io.js';
import { formatBacktest } from './backtest-format.js';
import { wholeNumber } from './int-option.js';
import { parseNow } from './parse-now.js';
import { inputFormatOf } from './predictive-options.js';
import { ProblemReporter } from './problem-reporter.js';
import { readLeadHistory } from '../predictive/backtest-history.js';
import { backtestModels } from '../predictive/backtest-models.js';
import { columnKey } from '../predictive/data-table.js';
import { loadModel } from '../scoring/load-model.js';
import { UsageError } from '../util/errors.js';
import { defaultModelPath } from '../util/package-root.js';

interface BacktestCliOptions {
  input: string;
  label: string;
  model: string;
  against?: string;
  asOf?: string;
  top: string;
  format: string;
  inputFormat?: string;
  quiet?: boolean;
}

const FORMATS = ['table', 'json'] as const;

export function registerBacktestCommand(program: Command, io: CliIo): void {
  program
    .command('backtest')
    .description(
      'Score past leads with a new and an old rule model: MQL counts, the leads that flip, and how many converted',
    )
    .requiredOption('-i, --input <file>', 'leads with their outcome: .jsonl or .csv (leadscore lead format)')
    .requiredOption('-l, --label <column>', 'the outcome field or column: 1/0, yes/no or true/false')
    .requiredOption('-m, --model <file>', 'the new rule model (YAML)')
    .option('--against <file>', 'the model it replaces (default: the built-in config/scoring.yaml)')
    .option('--as-of <iso-8601>', 'score as of this moment; later activities are ignored (default: now)')
    .option('--top <n>', 'flipped leads listed per direction', '20')
    .option('-f, --format <format>', `output: ${FORMATS.join(' | ')}`, 'table')
    .option('--input-format <format>', 'jsonl | csv (default: from the file extension)')
    .option('-q, --quiet', 'no input problem summary on stderr')
    .addHelpText(
      'after',
      `
A lead is an MQL when the engine gives it the status mql: its score reaches the model's threshold and it
meets the model's acceptance criteria. Flipped in: MQL under --model only; flipped out: under --against only.

Examples:
  leadscore backtest --input history.jsonl --label converted --model new.yaml
  leadscore backtest --input history.jsonl --label converted --model new.yaml --against old.yaml --as-of 2026-10-01
  leadscore backtest -i history.csv -l Converted -m new.yaml --format json --top 100`,
    )
    .action(async (options: BacktestCliOptions) => {
      await runBacktest(options, io);
    });
}

async function runBacktest(options: BacktestCliOptions, io: CliIo): Promise<void> {
  if (!(FORMATS as readonly string[]).includes(options.format))
    throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, got "${options.format}"`);
  const top = wholeNumber('--top', options.top, 1, 100_000);
  const asOf = parseNow(options.asOf, '--as-of');
  const format = inputFormatOf(options);
  // Models first: a mistyped model path should fail before a large history is read.
  const newModel = await loadModel(options.model);
  const oldModel = await loadModel(options.against ?? defaultModelPath());
  const log = lineWriter(io.stderr);
  const problems = new ProblemReporter(log, options.quiet ? 0 : 5);
  const history = await readLeadHistory({
    file: options.input,
    format,
    label: options.label,
    requireBothOutcomes: false,
    // The outcome is not a lead field: that it is kept in custom is expected.
    onProblem: (problem) => {
      if (problem.code !== 'unknown_field' || columnKey(problem.field) !== columnKey(options.label))
        problems.report(problem);
    },
  });
  const summary = problems.summary();
  if (summary && !options.quiet) log(summary);
  const backtest = backtestModels({ history, newModel, oldModel, asOf, top });
  if (options.format === 'json') io.stdout.write(`${JSON.stringify(backtest)}\n`);
  else io.stdout.write(formatBacktest(backtest));
  for (const warning of backtest.warnings) log(`warning: ${warning}`);
}
