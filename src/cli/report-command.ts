import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { lineWriter } from './cli-io.js';
import { wholeNumber } from './int-option.js';
import { collectColumns, count, parseFolds, parseSeed, percent } from './predictive-options.js';
import { evaluateForReport } from './report-evaluation.js';
import type { ReportInputOptions } from './report-evaluation.js';
import type { Evaluation } from '../predictive/evaluation.js';
import { evaluationToReport } from '../predictive/evaluation-to-report.js';
import { writeReport } from '../predictive/report/index.js';
import { DEFAULT_FOLDS, DEFAULT_SEED } from '../predictive/train-model.js';
import { UsageError } from '../util/errors.js';

interface ReportOptions extends ReportInputOptions {
  out: string;
  title?: string;
  threshold?: string;
}

export const DEFAULT_REPORT_FILE = 'report.html';

export function registerReportCommand(program: Command, io: CliIo): void {
  program
    .command('report')
    .description(
      'Write the evaluation of a score as one self-contained HTML page: distribution, bands, ROC, calibration, factors',
    )
    .requiredOption('-i, --input <file>', 'leads with their outcome: .csv or .jsonl')
    .requiredOption('-l, --label <column>', 'the outcome column: 1/0, yes/no or true/false')
    .option('--model <file>', 'a trained predictive model (default: cross-validate a new one on the input)')
    .option('--rules <file>', 'a rule model (YAML), scored on the input read as leads')
    .option('-o, --out <file>', 'where to write the report (HTML)', DEFAULT_REPORT_FILE)
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
    .option('--title <text>', 'the page title (default: "<kind> model evaluation: <label>")')
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
The figures are those of \`leadscore evaluate\` (the same options, the same computation); the page loads
nothing from the network and can be mailed or archived as it is.

Examples:
  leadscore report --input history.csv --label Converted --out report.html
  leadscore report --input leads.csv --label Converted --exclude "Tags,Lead Quality,Asymmetrique*"
  leadscore report --input new-leads.csv --label Converted --model model.predictive.json --out new-leads.html
  leadscore report --input leads.jsonl --label converted --rules config/scoring.yaml --now 2026-11-01`,
    )
    .action(async (options: ReportOptions) => {
      await runReport(options, io);
    });
}

async function runReport(options: ReportOptions, io: CliIo): Promise<void> {
  if (options.model !== undefined && options.rules !== undefined)
    throw new UsageError('--model and --rules: give one model to report on, not both');
  if ((options.model ?? options.rules) !== undefined && options.exclude?.length)
    throw new UsageError('--exclude applies when report trains a model (without --model or --rules)');
  if (options.title !== undefined && options.title.trim() === '')
    throw new UsageError('--title: expected some text');
  const seed = parseSeed(options.seed);
  const folds = parseFolds(options.folds);
  const threshold =
    options.threshold === undefined ? undefined : wholeNumber('--threshold', options.threshold, 0, 100);
  const started = performance.now();
  const { evaluation, ruleFactors } = await evaluateForReport(
    options,
    { seed, folds, ...(threshold === undefined ? {} : { threshold }) },
    io,
  );
  const data = evaluationToReport(evaluation, {
    generatedAt: generatedAt(new Date()),
    ...(options.title === undefined ? {} : { title: options.title.trim() }),
    ...(ruleFactors ? { ruleFactors } : {}),
  });
  await writeReport(options.out, data);
  const seconds = (performance.now() - started) / 1000;

  const out = lineWriter(io.stdout);
  out(`Wrote ${options.out}`);
  out(summaryLine(evaluation));
  const warn = lineWriter(io.stderr);
  for (const warning of evaluation.warnings) warn(`warning: ${warning}`);
  if (!options.quiet)
    warn(`Evaluated ${count(evaluation.rows)} leads of ${options.input} in ${seconds.toFixed(2)} s`);
}

/** `2026-11-21 09:30 UTC`: minutes are precise enough for a page header. */
export function generatedAt(now: Date): string {
  return `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `ROC AUC 0.866 ± 0.005 (mean of 5 stratified folds) on 9,240 leads, 3,561 converted (38.5 %)`. */
export function summaryLine(evaluation: Evaluation): string {
  const e = evaluation;
  const auc = Number.isFinite(e.auc) ? e.auc.toFixed(3) : 'n/a';
  const std = Number.isFinite(e.auc_std) ? ` ± ${e.auc_std.toFixed(3)}` : '';
  const how =
    'trained' in e.model
      ? `mean of ${e.folds} stratified folds`
      : `over every lead, ± its spread over ${e.folds} folds`;
  return (
    `ROC AUC ${auc}${std} (${how}) on ${count(e.rows)} leads, ` +
    `${count(e.positives)} converted (${percent(e.conversionRate)})`
  );
}
