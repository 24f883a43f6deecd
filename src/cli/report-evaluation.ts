import type { CliIo } from './cli-io.js';
import { lineWriter } from './cli-io.js';
import { parseNow } from './parse-now.js';
import { inputFormatOf, readInput } from './predictive-options.js';
import type { DataOptions } from './predictive-options.js';
import { ProblemReporter } from './problem-reporter.js';
import { columnKey } from '../predictive/data-table.js';
import { evaluateSavedModel, evaluateTraining } from '../predictive/evaluate-predictive.js';
import { evaluateRules } from '../predictive/evaluate-rules.js';
import type { Evaluation } from '../predictive/evaluation.js';
import { ruleFactors } from '../predictive/evaluation-to-report.js';
import { loadPredictiveModel } from '../predictive/model-artifact.js';
import type { ReportFactor } from '../predictive/report/index.js';
import { trainPredictive } from '../predictive/train-model.js';
import { loadModel } from '../scoring/load-model.js';

export interface ReportInputOptions extends DataOptions {
  model?: string;
  rules?: string;
}

export interface EvaluationSettings {
  seed: number;
  folds: number;
  threshold?: number;
}

export interface ReportEvaluation {
  evaluation: Evaluation;
  /** Rule models: the points of each rule, for the report's factor chart. */
  ruleFactors?: ReportFactor[];
}

/**
 * The evaluation behind both `leadscore evaluate` and `leadscore report`: a rule model on a lead file, a saved
 * predictive model on the input as it is, or else a predictive model cross-validated on the input.
 */
export async function evaluateForReport(
  options: ReportInputOptions,
  settings: EvaluationSettings,
  io: CliIo,
): Promise<ReportEvaluation> {
  if (options.rules !== undefined) return evaluateRuleModel(options.rules, options, settings, io);
  // Read the model first: a wrong --model path should fail before a large input is read.
  const model = options.model === undefined ? undefined : await loadPredictiveModel(options.model);
  const { data, format } = await readInput(options, io);
  if (model && options.model) return { evaluation: evaluateSavedModel(model, options.model, data, settings) };
  const training = trainPredictive(data, {
    exclude: options.exclude ?? [],
    seed: settings.seed,
    folds: settings.folds,
    format,
    ...(options.timeColumn ? { timeColumn: options.timeColumn } : {}),
  });
  return { evaluation: evaluateTraining(training, data, settings.threshold) };
}

async function evaluateRuleModel(
  rules: string,
  options: ReportInputOptions,
  settings: EvaluationSettings,
  io: CliIo,
): Promise<ReportEvaluation> {
  const log = lineWriter(io.stderr);
  const problems = new ProblemReporter(log, options.quiet ? 0 : 5);
  const { model } = await loadModel(rules);
  const evaluation = await evaluateRules({
    ...settings,
    input: options.input,
    format: inputFormatOf(options),
    label: options.label,
    rules,
    now: parseNow(options.now),
    // The outcome is not a lead field: that it is kept in custom is expected.
    onProblem: (problem) => {
      if (problem.code !== 'unknown_field' || columnKey(problem.field) !== columnKey(options.label))
        problems.report(problem);
    },
  });
  const summary = problems.summary();
  if (summary && !options.quiet) log(summary);
  return { evaluation, ruleFactors: ruleFactors(model) };
}
