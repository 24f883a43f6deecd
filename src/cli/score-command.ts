import type { Command } from 'commander';
import { parseNow } from './parse-now.js';
import type { CliIo } from './cli-io.js';
import { lineWriter } from './cli-io.js';
import { readLeads } from '../input/read-leads.js';
import { loadModel } from '../scoring/load-model.js';
import { scoreLead } from '../scoring/score-lead.js';
import { UsageError } from '../util/errors.js';
import { defaultModelPath } from '../util/package-root.js';
import { OutputWriter } from './output-writer.js';
import { ProblemReporter } from './problem-reporter.js';
import { createSink, FORMATS } from './result-formats.js';
import type { Format } from './result-formats.js';

interface ScoreOptions {
  input: string;
  model?: string;
  now?: string;
  format: string;
  inputFormat?: string;
  explain?: boolean;
  top: string;
  problems?: string;
  quiet?: boolean;
}

export function registerScoreCommand(program: Command, io: CliIo): void {
  program
    .command('score')
    .description('Score every lead of an exported file (JSONL or CSV) and print the results')
    .requiredOption('-i, --input <file>', 'leads to score: .jsonl (canonical leads) or .csv (CRM export)')
    .option('-m, --model <file>', 'scoring model (YAML)', defaultModelPath())
    .option('--now <iso-8601>', 'score as of this moment (decay, windows, inactivity); default: now')
    .option('-f, --format <format>', `output: ${FORMATS.join(' | ')}`, 'json')
    .option('--input-format <format>', 'jsonl | csv (default: from the file extension)')
    .option('--explain', 'add every rule contribution and adjustment to the output')
    .option('--top <n>', 'leads listed by --format table', '20')
    .option('--problems <file>', 'write every input problem to this file as JSONL')
    .option('-q, --quiet', 'no progress summary on stderr')
    .addHelpText(
      'after',
      `
Examples:
  leadscore score --input leads.jsonl
  leadscore score --input export.csv --format table --explain
  leadscore score --input leads.jsonl --model config/examples/points-table.yaml --now 2026-11-01 --format csv`,
    )
    .action(async (options: ScoreOptions) => {
      await runScore(options, io);
    });
}

async function runScore(options: ScoreOptions, io: CliIo): Promise<void> {
  if (!(FORMATS as readonly string[]).includes(options.format))
    throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, got "${options.format}"`);
  if (options.inputFormat !== undefined && options.inputFormat !== 'jsonl' && options.inputFormat !== 'csv')
    throw new UsageError(`--input-format: expected jsonl or csv, got "${options.inputFormat}"`);
  const top = Number(options.top);
  if (!Number.isInteger(top) || top < 1)
    throw new UsageError(`--top: expected a whole number ≥ 1, got "${options.top}"`);
  const now = parseNow(options.now);
  const { compiled } = await loadModel(options.model ?? defaultModelPath());

  const log = lineWriter(io.stderr);
  const problems = new ProblemReporter(log, 20, options.problems);
  const out = new OutputWriter(io.stdout);
  const sink = createSink(options.format as Format, out, options.explain === true, top);
  const started = process.hrtime.bigint();
  let count = 0;
  try {
    const leads = readLeads(options.input, {
      format: options.inputFormat as 'jsonl' | 'csv' | undefined,
      onProblem: problems.report,
    });
    for await (const lead of leads) {
      await sink.add(scoreLead(compiled, lead, now));
      count += 1;
    }
    await sink.finish();
  } finally {
    problems.close();
  }
  if (!options.quiet) {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    log(
      `Scored ${count.toLocaleString('en-US')} leads from ${options.input} with ${compiled.ref} as of ${now.toISOString()} in ${seconds.toFixed(2)} s`,
    );
    const summary = problems.summary();
    if (summary) log(summary);
  }
}
