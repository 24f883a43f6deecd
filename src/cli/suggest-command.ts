import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { lineWriter } from './cli-io.js';
import { parseNow } from './parse-now.js';
import {
  collectColumns,
  count,
  inputFormatOf,
  parseFolds,
  parseSeed,
  percent,
} from './predictive-options.js';
import { ProblemReporter } from './problem-reporter.js';
import { parseTarget } from './suggest-options.js';
import { readLeadHistory } from '../predictive/backtest-history.js';
import { suggestModel } from '../predictive/suggest-model.js';
import type { Suggestion } from '../predictive/suggest-model.js';
import { DEFAULT_FOLDS, DEFAULT_SEED } from '../predictive/train-model.js';
import { asInputError } from '../input/lead-file.js';

interface SuggestCliOptions {
  input: string;
  label: string;
  exclude?: string[];
  targetMqls?: string;
  targetPrecision?: string;
  out?: string;
  seed: string;
  folds: string;
  now?: string;
  inputFormat?: string;
  quiet?: boolean;
}

export function registerSuggestCommand(program: Command, io: CliIo): void {
  program
    .command('suggest')
    .description(
      'Suggest a rule model (YAML) from past leads and their outcome: rules, points and an MQL threshold',
    )
    .requiredOption(
      '-i, --input <file>',
      'past leads with their outcome: .jsonl or .csv (leadscore lead format)',
    )
    .requiredOption('-l, --label <column>', 'the outcome field or column: 1/0, yes/no or true/false')
    .option(
      '-x, --exclude <columns>',
      'fields to leave out, comma-separated, * as a wildcard (repeatable)',
      collectColumns,
    )
    .option('--target-mqls <n>', 'choose the threshold for this many MQLs (200) or this share of leads (15%)')
    .option(
      '--target-precision <p>',
      'choose the threshold for the most MQLs of which this share converts (0.4 or 40%)',
    )
    .option('-o, --out <file>', 'write the model here (default: print it on stdout)')
    .option('--seed <n>', 'seed of the cross-validation folds', String(DEFAULT_SEED))
    .option('--folds <k>', 'cross-validation folds', String(DEFAULT_FOLDS))
    .option(
      '--now <iso-8601>',
      'count activities up to this moment (default: the latest activity in the file)',
    )
    .option('--input-format <format>', 'jsonl | csv (default: from the file extension)')
    .option('-q, --quiet', 'no summary on stderr when printing the model')
    .addHelpText(
      'after',
      `
A logistic regression on the leads' profile fields, activities and recency finds what moves conversion;
its strongest signals become fit, engagement and negative rules with rounded points, and the threshold is
chosen on the leads' new scores (default: the best F1). lifecycleStage, leadStatus and ownerId are left out:
the sales process sets them. Review the model before using it; \`leadscore backtest\` compares it with yours.

Examples:
  leadscore suggest --input history.jsonl --label converted --out suggested.yaml
  leadscore suggest --input history.jsonl --label converted --target-mqls 15% --exclude "Tags,Lead Quality"
  leadscore suggest --input history.csv --label Converted --target-precision 0.4 > suggested.yaml`,
    )
    .action(async (options: SuggestCliOptions) => {
      await runSuggest(options, io);
    });
}

async function runSuggest(options: SuggestCliOptions, io: CliIo): Promise<void> {
  const target = parseTarget(options.targetMqls, options.targetPrecision);
  const seed = parseSeed(options.seed);
  const folds = parseFolds(options.folds);
  const format = inputFormatOf(options);
  const asOf = options.now === undefined ? undefined : parseNow(options.now);
  const log = lineWriter(io.stderr);
  const problems = new ProblemReporter(log, options.quiet ? 0 : 5);
  const history = await readLeadHistory({
    file: options.input,
    format,
    label: options.label,
    // Unknown keys are how a lead file carries its outcome and custom features: expected here.
    onProblem: (problem) => {
      if (problem.code !== 'unknown_field') problems.report(problem);
    },
  });
  const reading = problems.summary();
  if (reading && !options.quiet) log(reading);
  const suggestion = suggestModel(history, {
    format,
    exclude: options.exclude ?? [],
    seed,
    folds,
    target,
    ...(asOf ? { asOf } : {}),
  });
  // With --out the summary is the output; without it stdout is the model, so the summary goes to stderr.
  if (options.out !== undefined) {
    try {
      await writeFile(options.out, suggestion.yaml);
    } catch (error) {
      throw asInputError(options.out, error);
    }
    const out = lineWriter(io.stdout);
    for (const line of summaryLines(suggestion, options.input)) out(line);
    out(`Wrote ${options.out}`);
  } else {
    io.stdout.write(suggestion.yaml);
    if (!options.quiet) for (const line of summaryLines(suggestion, options.input)) log(line);
  }
  for (const warning of suggestion.warnings) log(`warning: ${warning}`);
}

function summaryLines(s: Suggestion, input: string): string[] {
  const { model } = s.loaded;
  const t = s.threshold.metrics;
  const r = s.regression;
  return [
    `Suggested rule model ${s.loaded.compiled.ref} from ${count(s.leads)} leads of ${input} ` +
      `(${count(s.positives)} converted, ${percent(s.positives / s.leads)})` +
      (s.asOf ? `, activities up to ${s.asOf.toISOString()}` : ''),
    `  logistic regression: ROC AUC ${r.cvAuc.toFixed(3)} ± ${r.cvAucStd.toFixed(3)} (${r.folds}-fold cross-validated), ` +
      `${r.auc.toFixed(3)} on all leads`,
    `  rule model: ${model.fit.length} fit, ${model.engagement.length} engagement and ${model.negative.length} negative rules, ` +
      `ROC AUC ${s.auc.toFixed(3)} on the same leads (${percent(s.auc / r.cvAuc, 0)} of the cross-validated regression)`,
    `  MQL threshold ${model.mql.threshold} (${thresholdRule(s)}): ${count(t.mql)} MQLs (${percent(t.mql / s.leads)}), ` +
      `precision ${percent(t.precision)}, recall ${percent(t.recall)}`,
    ...s.notes.map((note) => `  note: ${note}`),
  ];
}

function thresholdRule(s: Suggestion): string {
  const target = s.threshold.target;
  switch (target.kind) {
    case 'mqls':
      return `target ${count(target.count)} MQLs`;
    case 'share':
      return `target ${percent(target.share)} of leads`;
    case 'precision':
      return `target precision ${percent(target.precision)}${s.threshold.reached ? '' : ', not reached'}`;
    case 'f1':
      return 'best F1; set --target-mqls or --target-precision to choose';
  }
}
