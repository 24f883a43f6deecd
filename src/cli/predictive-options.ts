import type { CliIo } from './cli-io.js';
import { lineWriter } from './cli-io.js';
import { wholeNumber } from './int-option.js';
import { parseNow } from './parse-now.js';
import { ProblemReporter } from './problem-reporter.js';
import { formatFromExtension } from '../input/lead-file.js';
import { readTrainingData } from '../predictive/read-training-data.js';
import type { TrainingData } from '../predictive/read-training-data.js';
import { UsageError } from '../util/errors.js';

/** Options `train` and `evaluate` share. */
export interface DataOptions {
  input: string;
  label: string;
  exclude?: string[];
  seed: string;
  folds: string;
  timeColumn?: string;
  inputFormat?: string;
  now?: string;
  quiet?: boolean;
}

/** `--exclude "Tags,Lead Quality" --exclude "Asymmetrique*"`: comma-separated, repeatable. */
export function collectColumns(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  ];
}

export function parseSeed(text: string): number {
  return wholeNumber('--seed', text, 0, 2 ** 32 - 1);
}

export function parseFolds(text: string): number {
  return wholeNumber('--folds', text, 2, 20);
}

export function inputFormatOf(options: Pick<DataOptions, 'input' | 'inputFormat'>): 'csv' | 'jsonl' {
  const format = options.inputFormat;
  if (format === undefined) return formatFromExtension(options.input);
  if (format !== 'csv' && format !== 'jsonl')
    throw new UsageError(`--input-format: expected jsonl or csv, got "${format}"`);
  return format;
}

export interface ReadInput {
  data: TrainingData;
  format: 'csv' | 'jsonl';
  seconds: number;
}

/** Reads the training file; problems of lead files are summarised on stderr as `score` does. */
export async function readInput(options: DataOptions, io: CliIo): Promise<ReadInput> {
  const format = inputFormatOf(options);
  const asOf = options.now === undefined ? undefined : parseNow(options.now);
  const started = performance.now();
  const log = lineWriter(io.stderr);
  const problems = new ProblemReporter(log, options.quiet ? 0 : 5);
  const data = await readTrainingData(options.input, {
    label: options.label,
    format,
    // Unknown keys are how a lead file carries its outcome and custom features: expected here.
    onProblem: (problem) => {
      if (problem.code !== 'unknown_field') problems.report(problem);
    },
    ...(asOf ? { asOf } : {}),
  });
  const summary = problems.summary();
  if (summary && !options.quiet) log(summary);
  return { data, format, seconds: (performance.now() - started) / 1000 };
}

export const count = (value: number): string => value.toLocaleString('en-US');
export const percent = (share: number | null, digits = 1): string =>
  share === null ? '–' : `${(share * 100).toFixed(digits)} %`;
