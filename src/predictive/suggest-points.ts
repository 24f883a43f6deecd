import type { Design } from './design-matrix.js';
import { fitLogistic } from './logistic-regression.js';
import type { Candidate } from './suggest-candidates.js';
import { fitLabel } from './suggest-labels.js';
import { waldStatistics } from './suggest-significance.js';

/** A candidate with its points. */
export interface PointedRule {
  candidate: Candidate;
  /** Log-odds of one unit of the rule (a match, an occurrence), from the refit on the rules. */
  coefficient: number;
  /** Points per unit, rounded to read well. */
  points: number;
  /** Activity rules counted more than once: the most points the rule gives. */
  cap?: number;
  /** The most points the rule moves a score by, for ordering. */
  effect: number;
}

export interface PointedRules {
  rules: PointedRule[];
  /** Points per unit of log-odds (before rounding). */
  scale: number;
}

/** The strongest rule is worth about this many points. */
export const TOP_POINTS = 30;
/** At most this many rules: a model people read (the linter warns above 25 criteria). */
export const MAX_RULES = 18;
/** A rule that moves a score by fewer points is left out. */
export const MIN_POINTS = 3;
/** A rule whose effect is less than this many standard errors from 0 is left out: it may be noise. */
export const MIN_WALD = 3;

function unitMax(candidate: Candidate): number {
  return candidate.kind === 'activity' ? candidate.maxCount : 1;
}

/** 23.4 → 25, 7.6 → 8: multiples of 5 from 10 points up, whole points below. */
export function readablePoints(value: number): number {
  const size = Math.abs(value);
  const rounded = size >= 10 ? Math.round(size / 5) * 5 : Math.round(size);
  return Math.sign(value) * rounded || 0;
}

function columns(design: Design, keep: readonly number[]): Design {
  const p = keep.length;
  const x = new Float64Array(design.rows * p);
  for (let r = 0; r < design.rows; r++)
    keep.forEach((j, k) => {
      x[r * p + k] = design.x[r * design.features + j]!;
    });
  return { x, rows: design.rows, features: p };
}

/**
 * Points for the candidates: a logistic regression refitted on the rules themselves (a match, an occurrence
 * up to the cap, as the engine counts them), so that each rule's points are its own log-odds, scaled to
 * make the strongest rule worth about TOP_POINTS. Rules that cannot be written (an inactivity rule that would
 * add points), whose effect is within MIN_WALD standard errors of none (the least certain first, one at a
 * time), worth fewer than MIN_POINTS or beyond the MAX_RULES strongest are left out and the rest refitted,
 * until every rule stays. Values of one field with equal points merge into one `in` rule.
 */
export function pointRules(
  candidates: readonly Candidate[],
  design: Design,
  outcomes: Uint8Array,
): PointedRules {
  let active = candidates.map((_, j) => j);
  while (active.length > 0) {
    const sub = columns(design, active);
    const fit = fitLogistic(sub, outcomes);
    const wald = waldStatistics(sub, fit);
    const measured = active.map((j, k) => {
      const candidate = candidates[j]!;
      const coefficient = fit.coefficients[k]!;
      return {
        j,
        candidate,
        coefficient,
        wald: wald[k]!,
        effect: Math.abs(coefficient) * unitMax(candidate),
      };
    });
    // An inactivity rule can only take points away.
    const writable = measured.filter(
      (entry) => entry.candidate.kind !== 'inactivity' || entry.coefficient < 0,
    );
    // The least certain rule goes first, one at a time: without it, a rule it overlapped may become clear.
    const weakest = writable.reduce<(typeof writable)[number] | undefined>(
      (worst, entry) => (entry.wald < MIN_WALD && (!worst || entry.wald < worst.wald) ? entry : worst),
      undefined,
    );
    if (writable.length < measured.length || weakest) {
      const drop = new Set(measured.filter((entry) => !writable.includes(entry)).map((entry) => entry.j));
      if (weakest) drop.add(weakest.j);
      active = active.filter((j) => !drop.has(j));
      continue;
    }
    const scale = TOP_POINTS / Math.max(...measured.map((entry) => entry.effect));
    const kept = measured
      .filter((entry) => entry.effect * scale >= MIN_POINTS)
      .sort((a, b) => b.effect - a.effect || a.j - b.j)
      .slice(0, MAX_RULES);
    if (kept.length === active.length) {
      const rules = kept.map(({ candidate, coefficient }) => pointed(candidate, coefficient, scale));
      return { rules: mergeLevels(rules), scale };
    }
    active = kept.map((entry) => entry.j).sort((a, b) => a - b);
  }
  return { rules: [], scale: 0 };
}

function pointed(candidate: Candidate, coefficient: number, scale: number): PointedRule {
  const exact = coefficient * scale;
  if (candidate.kind !== 'activity' || candidate.maxCount === 1) {
    const points = readablePoints(exact);
    return { candidate, coefficient, points, effect: Math.abs(points) };
  }
  const cap = Math.abs(readablePoints(exact * candidate.maxCount));
  const each = Math.min(cap, Math.max(1, Math.abs(readablePoints(exact))));
  return { candidate, coefficient, points: Math.sign(exact) * each, cap, effect: cap };
}

/** Values of one text field with the same points read better as one rule: `industry in [Software, SaaS]`. */
function mergeLevels(rules: readonly PointedRule[]): PointedRule[] {
  const groups = new Map<string, PointedRule[]>();
  for (const rule of rules) {
    const level = rule.candidate.level;
    if (!level) continue;
    const key = `${level.field}\u0000${rule.points}`;
    groups.set(key, [...(groups.get(key) ?? []), rule]);
  }
  const merged: PointedRule[] = [];
  const done = new Set<string>();
  for (const rule of rules) {
    const level = rule.candidate.level;
    const key = level && `${level.field}\u0000${rule.points}`;
    const group = key === undefined ? undefined : groups.get(key);
    if (!level || !group || group.length < 2) {
      merged.push(rule);
      continue;
    }
    if (done.has(key!)) continue;
    done.add(key!);
    const values = group.map((member) => member.candidate.level!.value);
    const candidate: Candidate = {
      ...rule.candidate,
      label: fitLabel(`${level.fieldLabel}: ${values.join(', ')}`),
      when: { field: level.field, in: values },
    };
    delete candidate.level;
    const coefficient = group.reduce((sum, member) => sum + member.coefficient, 0) / group.length;
    merged.push({ ...rule, candidate, coefficient });
  }
  return merged;
}
