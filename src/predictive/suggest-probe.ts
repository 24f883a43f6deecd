import type { Lead } from '../model/lead.js';
import { compileModel } from '../scoring/compile-model.js';
import { scoringModelSchema } from '../scoring/model-schema.js';
import { scoreLead } from '../scoring/score-lead.js';
import type { Design } from './design-matrix.js';
import type { Candidate } from './suggest-candidates.js';
import { fitLabel } from './suggest-labels.js';

export type Section = 'fit' | 'engagement' | 'negative';

/** A rule as a model file writes it, before the model schema parses it. */
export type RawRule = Record<string, unknown>;

/**
 * The rule a candidate becomes with some points, in the section those points belong to: a profile
 * condition in fit (or negative, below 0), an activity in engagement (or negative), inactivity in negative.
 * `points` is per occurrence for activities, counted up to `maxCount` (a cap), or once.
 */
export function ruleOf(
  candidate: Candidate,
  id: string,
  points: number,
  cap?: number,
): { section: Section; rule: RawRule } {
  const base: RawRule = { id, label: fitLabel(candidate.label), points };
  if (candidate.kind === 'inactivity')
    return { section: 'negative', rule: { ...base, inactiveDays: candidate.inactiveDays } };
  if (candidate.kind === 'when')
    return { section: points < 0 ? 'negative' : 'fit', rule: { ...base, when: candidate.when } };
  const counted =
    candidate.maxCount === 1 ? { per: 'once' } : { cap: cap ?? Math.abs(points) * candidate.maxCount };
  return {
    section: points < 0 ? 'negative' : 'engagement',
    rule: {
      ...base,
      activity: candidate.activity,
      ...(candidate.where ? { where: candidate.where } : {}),
      ...counted,
    },
  };
}

/** A model of rules in their sections; the schema fills in every default. */
export function rawModel(
  id: string,
  rules: ReadonlyArray<{ section: Section; rule: RawRule }>,
  threshold: number,
): RawRule {
  const section = (name: Section) => rules.filter((r) => r.section === name).map((r) => r.rule);
  return {
    id,
    fit: section('fit'),
    engagement: section('engagement'),
    negative: section('negative'),
    mql: { threshold },
  };
}

/**
 * Each candidate's value for each lead, as the scoring engine computes it: 1 when a condition matches (or
 * the lead is inactive), the occurrences of an activity up to the candidate's cap. Scoring a model whose
 * every rule is worth one point, so that a rule means in the final model exactly what it meant here.
 */
export function probeDesign(candidates: readonly Candidate[], leads: readonly Lead[], asOf: Date): Design {
  const rules = candidates.map((candidate, j) => {
    const points = candidate.kind === 'inactivity' ? -1 : 1;
    return ruleOf(candidate, `c${j}`, points, candidate.maxCount);
  });
  const compiled = compileModel(scoringModelSchema.parse(rawModel('probe', rules, 0)));
  const index = new Map(candidates.map((_, j) => [`c${j}`, j]));
  const p = candidates.length;
  const x = new Float64Array(leads.length * p);
  leads.forEach((lead, row) => {
    for (const contribution of scoreLead(compiled, lead, asOf).contributions) {
      const j = index.get(contribution.rule);
      if (j !== undefined) x[row * p + j] = Math.abs(contribution.points);
    }
  });
  return { x, rows: leads.length, features: p };
}
