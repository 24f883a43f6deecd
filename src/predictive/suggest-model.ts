import { basename } from 'node:path';
import { modelHash } from '../scoring/compile-model.js';
import { lintModel } from '../scoring/lint-model.js';
import { loadModelFromText } from '../scoring/load-model.js';
import type { LoadedModel } from '../scoring/load-model.js';
import { scoringModelSchema } from '../scoring/model-schema.js';
import { scoreLead } from '../scoring/score-lead.js';
import type { ScoreResult } from '../scoring/score-result.js';
import { formatLocation } from '../util/errors.js';
import { rocAuc } from './auc.js';
import type { LeadHistory } from './backtest-history.js';
import { allRows } from './design-matrix.js';
import { columnMap, predictRows } from './fit-model.js';
import { latestActivity } from './lead-rows.js';
import { candidateRules } from './suggest-candidates.js';
import { gradesComment, headerLines, ruleComment, thresholdLines } from './suggest-comments.js';
import type { RuleStats } from './suggest-comments.js';
import { SuggestError } from './suggest-errors.js';
import { suggestGrades } from './suggest-grades.js';
import { uniqueIds } from './suggest-labels.js';
import { pointRules } from './suggest-points.js';
import { probeDesign, ruleOf } from './suggest-probe.js';
import { suggestTable } from './suggest-table.js';
import { chooseThreshold } from './suggest-threshold.js';
import type { ThresholdChoice, ThresholdTarget } from './suggest-threshold.js';
import { draftObject, renderModel } from './suggest-yaml.js';
import type { Draft, DraftRule } from './suggest-yaml.js';
import { trainPredictive } from './train-model.js';
import type { Training } from './train-model.js';

export interface SuggestOptions {
  /** The lead file's format, recorded with the regression. */
  format: 'csv' | 'jsonl';
  /** Columns (or `*` patterns) to leave out, as for `train`. */
  exclude?: readonly string[];
  seed?: number;
  folds?: number;
  /** What the MQL threshold is chosen for. Default: the best F1. */
  target?: ThresholdTarget;
  /** Activities after it are not counted. Default: the latest activity in the file. */
  asOf?: Date;
  /** The model id. Default `suggested`. */
  id?: string;
}

export interface Suggestion {
  /** The model file. */
  yaml: string;
  loaded: LoadedModel;
  training: Training;
  leads: number;
  positives: number;
  asOf?: Date;
  /** ROC AUC of the suggested model's scores on the leads it was derived from. */
  auc: number;
  /** The logistic regression's ROC AUC: cross-validated (mean over folds) and on every lead. */
  regression: { cvAuc: number; cvAucStd: number; folds: number; auc: number };
  threshold: ThresholdChoice;
  /** Points per unit of log-odds. */
  scale: number;
  warnings: string[];
  notes: string[];
}

/**
 * A rule model suggested by the leads' outcomes: a logistic regression on the leads' profiles and activities
 * (trainPredictive) finds what moves conversion; its strongest features become rules (suggest-candidates),
 * the rules are refitted as the engine counts them and given rounded points (suggest-points), and the MQL
 * threshold is chosen on the leads' scores under the new model (suggest-threshold). The YAML is loaded back
 * and linted before it is returned: what it says is what was measured.
 */
export function suggestModel(history: LeadHistory, options: SuggestOptions): Suggestion {
  const leads = history.records.map((record) => record.lead);
  const n = leads.length;
  const target = options.target ?? { kind: 'f1' };
  if (target.kind === 'mqls' && target.count > n)
    throw new SuggestError(
      'SUGGEST_BAD_TARGET',
      `--target-mqls ${target.count}: ${history.file} has ${n} leads with an outcome; ask for at most ${n} MQLs`,
    );
  const asOf = options.asOf ?? latestActivity(leads);
  const { table, sources, processColumns } = suggestTable(history.file, history.records, history.label, asOf);
  const training = trainPredictive(
    { table, label: history.label, outcomes: history.outcomes, unlabelled: history.unlabelled },
    {
      exclude: [...processColumns, ...(options.exclude ?? [])],
      format: options.format,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.folds === undefined ? {} : { folds: options.folds }),
    },
  );
  const { outcomes } = history;
  const candidates = candidateRules(training.final, sources, table, outcomes);
  const scoredAt = asOf ?? new Date();
  const { rules, scale } = pointRules(candidates, probeDesign(candidates, leads, scoredAt), outcomes);
  if (rules.length === 0)
    throw new SuggestError(
      'SUGGEST_NO_RULES',
      `${history.file}: no field or activity moves ${history.label} enough to be worth a rule`,
    );
  const ids = uniqueIds(rules.map((rule) => rule.candidate.label));
  const drafted: DraftRule[] = rules.map((rule, i) => ruleOf(rule.candidate, ids[i]!, rule.points, rule.cap));
  const id = options.id ?? 'suggested';
  const draft: Draft = {
    header: [],
    id,
    name: `Suggested from ${basename(history.file)}`,
    description: `Rules and points derived from the outcome ${history.label} of ${n.toLocaleString('en-US')} past leads; review before use.`,
    rules: drafted,
    threshold: 0,
    thresholdComment: [],
  };

  // Scores do not depend on the threshold or the grades: score once, then choose them.
  const first = loadModelFromText(renderModel(draft), `${id}.yaml`);
  const results = leads.map((lead) => scoreLead(first.compiled, lead, scoredAt));
  const scores = results.map((result) => result.score);
  const auc = rocAuc(scores, outcomes);
  const threshold = chooseThreshold(scores, outcomes, target);
  const grades = suggestGrades(results.map((result) => result.fit));
  const positives = outcomes.reduce((sum, v) => sum + v, 0);
  drafted.forEach((rule, i) => {
    const stats = ruleStats(results, ids[i]!, outcomes);
    rule.comment = ruleComment(stats, rules[i]!.candidate.kind === 'activity', rules[i]!.points);
  });
  const regressionAuc = rocAuc(
    predictRows(training.final, columnMap(training.plan.features), allRows(n)),
    outcomes,
  );
  const regression = {
    cvAuc: training.cv.auc,
    cvAucStd: training.cv.aucStd,
    folds: training.cv.folds.length,
  };
  const header = { file: history.file, label: history.label, leads: n, positives, ...regression, auc, scale };
  const final: Draft = {
    ...draft,
    header: headerLines(asOf ? { ...header, asOf } : header),
    threshold: threshold.threshold,
    thresholdComment: thresholdLines(threshold, n),
    ...(grades ? { grades: grades.grades, gradesComment: gradesComment(grades) } : {}),
  };

  const yaml = renderModel(final);
  const loaded = loadModelFromText(yaml, `${id}.yaml`);
  if (modelHash(loaded.model) !== modelHash(scoringModelSchema.parse(draftObject(final))))
    throw new Error('leadscore suggest: the YAML written does not read back as the model meant (a bug)');
  const warnings = [...training.warnings];
  if (!threshold.reached)
    warnings.push(
      `no threshold reaches the --target-precision; the most precise, ${threshold.threshold}, converts ` +
        `${threshold.metrics.truePositives} of ${threshold.metrics.mql} MQLs`,
    );
  for (const problem of lintModel(loaded)) warnings.push(`${formatLocation(problem)}: ${problem.message}`);
  const notes = training.notes.filter((note) => !note.includes('(empty:'));
  if (processColumns.length)
    notes.unshift(
      `left out ${processColumns.join(', ')}: set by the sales process, they follow the outcome rather than foretell it`,
    );
  return {
    yaml,
    loaded,
    training,
    leads: n,
    positives,
    ...(asOf ? { asOf } : {}),
    auc,
    regression: { ...regression, auc: regressionAuc },
    threshold,
    scale,
    warnings,
    notes,
  };
}

/** How many leads a rule matched, and how many of them converted. */
function ruleStats(results: readonly ScoreResult[], rule: string, outcomes: Uint8Array): RuleStats {
  let matched = 0;
  let converted = 0;
  let positives = 0;
  results.forEach((result, row) => {
    positives += outcomes[row]!;
    if (!result.contributions.some((c) => c.rule === rule)) return;
    matched++;
    converted += outcomes[row]!;
  });
  return { matched, converted, leads: results.length, positives };
}
