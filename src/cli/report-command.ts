import type { Command } from 'commander';
import { evaluateFromOptions, withEvaluationOptions } from './evaluation-options.js';
import type { EvaluationOptions } from './evaluation-options.js';
import type { CliIo } from './cli-io.js';
import { lineWriter } from './cli-io.js';
import { count, percent } from './predictive-options.js';
import type { Evaluation } from '../predictive/evaluation.js';
import { evaluationToReport } from '../predictive/evaluation-to-report.js';
import { writeReport } from '../predictive/report/index.js';
import { UsageError } from '../util/errors.js';

interface ReportOptions extends EvaluationOptions {
  out: string;
  title?: string;
}

export const DEFAULT_REPORT_FILE = 'report.html';

export function registerReportCommand(program: Command, io: CliIo): void {
  withEvaluationOptions(
    program
      .command('report')
      .description(
        'Write the evaluation of a score as one self-contained HTML page: distribution, bands, ROC, calibration, factors',
      ),
  )
    .option('-o, --out <file>', 'where to write the report (HTML)', DEFAULT_REPORT_FILE)
    .option('--title <text>', 'the page title (default: "<kind> model evaluation: <label>")')
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
  if (options.title !== undefined && options.title.trim() === '')
    throw new UsageError('--title: expected some text');
  const { evaluation, ruleFactors, seconds } = await evaluateFromOptions(options, io, {
    command: 'report',
    goal: 'report on',
  });
  const data = evaluationToReport(evaluation, {
    generatedAt: generatedAt(new Date()),
    ...(options.title === undefined ? {} : { title: options.title.trim() }),
    ...(ruleFactors ? { ruleFactors } : {}),
  });
  await writeReport(options.out, data);

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
