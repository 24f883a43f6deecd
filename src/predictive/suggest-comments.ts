import { basename } from 'node:path';
import type { SuggestedGrades } from './suggest-grades.js';
import type { ThresholdChoice } from './suggest-threshold.js';

const pct = (share: number | null): string => (share === null ? '–' : `${(share * 100).toFixed(1)} %`);
const count = (value: number): string => value.toLocaleString('en-US');

export interface HeaderFacts {
  file: string;
  label: string;
  leads: number;
  positives: number;
  asOf?: Date;
  cvAuc: number;
  cvAucStd: number;
  folds: number;
  auc: number;
  scale: number;
}

/** The comment at the top of a suggested model: where it comes from, how good it is, and what to check. */
export function headerLines(facts: HeaderFacts): string[] {
  const tenPoints = Math.exp(10 / facts.scale);
  return [
    `Suggested by \`leadscore suggest\` from ${count(facts.leads)} leads of ${basename(facts.file)} ` +
      `(${count(facts.positives)} converted, ${pct(facts.positives / facts.leads)}; outcome ${facts.label})` +
      (facts.asOf ? `,` : '.'),
    ...(facts.asOf ? [`counting their activities up to ${facts.asOf.toISOString()}.`] : []),
    `A logistic regression on their profiles and activities reaches ROC AUC ${facts.cvAuc.toFixed(3)} ± ` +
      `${facts.cvAucStd.toFixed(3)} (${facts.folds}-fold cross-validated);`,
    `these rules, refitted on the same leads and rounded, reach ROC AUC ${facts.auc.toFixed(3)} on them.`,
    `Points are log-odds × ${facts.scale.toFixed(1)}: every 10 points multiply the odds of converting by about ` +
      `${tenPoints.toFixed(1)}.`,
    'Review before use: an admin should check that every rule makes sense to sales and marketing. The rules',
    'describe who converted in the past, not why; leave out fields filled in after the outcome (--exclude).',
  ];
}

export interface RuleStats {
  matched: number;
  converted: number;
  leads: number;
  positives: number;
}

/**
 * "34.0 % of leads; 52.1 % of them converted, 18.3 % of the others." When the points go against those
 * rates, the rule's effect is net of the rules it overlaps (the regression weighs them together): said so.
 */
export function ruleComment(stats: RuleStats, activity: boolean, points: number): string {
  const others = stats.leads - stats.matched;
  const who = activity ? 'of leads did this' : 'of leads';
  const inside = stats.matched ? stats.converted / stats.matched : null;
  const outside = others ? (stats.positives - stats.converted) / others : null;
  const against = inside !== null && outside !== null && Math.sign(points) * (inside - outside) < 0;
  return (
    `${pct(stats.matched / stats.leads)} ${who}; ${pct(inside)} of them converted, ${pct(outside)} of the others` +
    (against ? '; points net of the rules it overlaps' : '')
  );
}

function targetText(choice: ThresholdChoice): string {
  const { target } = choice;
  switch (target.kind) {
    case 'mqls':
      return `for about ${count(target.count)} MQLs (--target-mqls)`;
    case 'share':
      return `for about ${pct(target.share)} of leads as MQLs (--target-mqls)`;
    case 'precision':
      return choice.reached
        ? `for a precision of at least ${pct(target.precision)} with the most MQLs (--target-precision)`
        : `for the highest precision reached (the --target-precision of ${pct(target.precision)} is not reached)`;
    case 'f1':
      return 'to maximise F1, the balance of precision and recall (set --target-mqls or --target-precision to choose)';
  }
}

/** What the threshold was chosen for, and what it gives on the leads. */
export function thresholdLines(choice: ThresholdChoice, leads: number): string[] {
  const m = choice.metrics;
  return [
    `Chosen ${targetText(choice)}.`,
    `On these leads: ${count(m.mql)} MQLs (${pct(m.mql / leads)}), ${count(m.truePositives)} of them converted ` +
      `(precision ${pct(m.precision)}, recall ${pct(m.recall)}).`,
  ];
}

export function gradesComment({ grades, shares }: SuggestedGrades): string {
  return (
    `Grades from fit alone: A from ${grades.A} fit points (${pct(shares.A)} of these leads), ` +
    `B from ${grades.B} (${pct(shares.B)}), C from ${grades.C} (${pct(shares.C)}), D below (${pct(shares.D)}).`
  );
}
