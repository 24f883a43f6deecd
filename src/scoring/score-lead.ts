import type { Grade, Lead, ScoreStatus } from '../model/lead.js';
import type { CompiledModel, CompiledRuleBase } from './compile-model.js';
import type { LeadFacts } from './lead-fields.js';
import { formatReasons, sortContributions } from './reasons.js';
import type { Adjustment, Contribution, Dimension, ScoreResult } from './score-result.js';

/** Integer points; sums are first cut to 6 decimals so that the order of float additions cannot flip a .5. */
export function roundPoints(value: number): number {
  const settled = Math.round(value * 1e6) / 1e6;
  const rounded = Math.sign(settled) * Math.round(Math.abs(settled));
  return rounded === 0 ? 0 : rounded; // never −0
}

export function gradeFor(model: CompiledModel, fit: number): Grade {
  const { A, B, C } = model.source.grades;
  if (fit >= A) return 'A';
  if (fit >= B) return 'B';
  if (fit >= C) return 'C';
  return 'D';
}

/** The rules that fired for one lead, each with its position in the model (for ordering), and the dimension totals. */
class Tally {
  readonly contributions: Contribution[] = [];
  readonly orders: number[] = [];
  fit = 0;
  engagement = 0;

  add(contribution: Contribution, order: number): void {
    this.contributions.push(contribution);
    this.orders.push(order);
    if (contribution.dimension === 'fit') this.fit += contribution.points;
    else this.engagement += contribution.points;
  }
}

/** A rule that counts once, in full (profile and inactivity rules). */
function whole(rule: CompiledRuleBase): Contribution {
  return {
    rule: rule.id,
    label: rule.label,
    section: rule.section,
    dimension: rule.dimension,
    points: roundPoints(rule.points),
    count: 1,
    decay: 1,
    capped: false,
  };
}

/**
 * Scores one lead. Pure: the same lead, model and `now` always give the same result.
 * Activities after `now` have not happened yet (backtests) and are ignored; windows include
 * their boundary (an activity exactly 30 days old is "within 30 days").
 */
export function scoreLead(model: CompiledModel, lead: Lead, now: Date): ScoreResult {
  const nowMs = now.getTime();
  const { count, sum, best } = model.scratch;
  count.fill(0);
  sum.fill(0);
  best.fill(0);

  let lastActivityMs = Number.NEGATIVE_INFINITY;
  for (const activity of lead.activities) {
    const at = activity.at.getTime();
    const ageMs = nowMs - at;
    if (!(ageMs >= 0)) continue;
    // Passive types (PASSIVE_TYPES) do not show the lead was active; a type outside the vocabulary does.
    const type = model.activityTypes.get(activity.type);
    if (at > lastActivityMs && (type === undefined || type.active)) lastActivityMs = at;
    if (type === undefined) continue;
    for (const rule of type.rules) {
      if (ageMs > rule.windowMs) continue;
      if (rule.where !== undefined && !rule.where(activity)) continue;
      const factor = rule.decay(ageMs);
      const slot = rule.slot;
      count[slot]! += 1;
      sum[slot]! += factor;
      if (factor > best[slot]!) best[slot] = factor;
    }
  }

  const facts: LeadFacts = {
    lead,
    grade: undefined,
    fit: undefined,
    engagement: undefined,
    score: undefined,
  };
  const tally = new Tally();
  for (const rule of model.profileRules) {
    if (rule.test(facts)) tally.add(whole(rule), rule.order);
  }
  for (const rule of model.activityRules) {
    const n = count[rule.slot]!;
    if (n === 0) continue;
    let raw = rule.points * (rule.once ? best[rule.slot]! : sum[rule.slot]!);
    let capped = false;
    if (rule.cap !== undefined && Math.abs(raw) > rule.cap) {
      raw = Math.sign(raw) * rule.cap;
      capped = true;
    }
    const decay = rule.once ? best[rule.slot]! : sum[rule.slot]! / n;
    tally.add(
      {
        rule: rule.id,
        label: rule.label,
        section: rule.section,
        dimension: rule.dimension,
        points: roundPoints(raw),
        // A `once` rule counted one occurrence, however many matched: "×3" would read as triple points.
        count: rule.once ? 1 : n,
        decay: Math.round(decay * 1e4) / 1e4,
        capped,
      },
      rule.order,
    );
  }
  // Creating the record is the lead's first sign of life: history imported with a new lead that is
  // older than the record must not make it "inactive" (and adding activity can then never add a penalty).
  const lastSeenMs = Math.max(lastActivityMs, lead.createdAt?.getTime() ?? Number.NEGATIVE_INFINITY);
  for (const rule of model.inactivityRules) {
    // No activity and no creation date: nothing shows the lead was ever active.
    if (!(nowMs - lastSeenMs <= rule.inactiveMs)) tally.add(whole(rule), rule.order);
  }

  const adjustments: Adjustment[] = [];
  const { caps, score: scoring } = model.source;
  const fit = capDimension(adjustments, 'fit', tally.fit, caps.fit);
  const engagement = capDimension(adjustments, 'engagement', tally.engagement, caps.engagement);
  let score =
    weigh(adjustments, 'fit', fit, scoring.fitWeight) +
    weigh(adjustments, 'engagement', engagement, scoring.engagementWeight);
  if (scoring.max !== undefined && score > scoring.max) {
    adjustments.push({
      kind: 'clamp',
      points: scoring.max - score,
      label: `Score limited to ${scoring.max}`,
    });
    score = scoring.max;
  } else if (scoring.min !== undefined && score < scoring.min) {
    adjustments.push({
      kind: 'clamp',
      points: scoring.min - score,
      label: `Score limited to ${scoring.min}`,
    });
    score = scoring.min;
  }

  const grade = gradeFor(model, fit);
  facts.grade = grade;
  facts.fit = fit;
  facts.engagement = engagement;
  facts.score = score;
  const { status, statusReason } = decideStatus(model, facts, score);

  const contributions = tally.contributions;
  sortContributions(contributions, tally.orders);
  return {
    ref: lead.ref,
    score,
    fit,
    engagement,
    grade,
    status,
    statusReason,
    reasons: formatReasons(statusReason, contributions, adjustments),
    model: model.ref,
    scoredAt: now,
    contributions,
    adjustments,
  };
}

function capDimension(
  adjustments: Adjustment[],
  dimension: Dimension,
  total: number,
  cap: number | undefined,
): number {
  if (cap === undefined || total <= cap) return total;
  adjustments.push({
    kind: 'cap',
    dimension,
    points: cap - total,
    label: `${capitalize(dimension)} capped at ${cap}`,
  });
  return cap;
}

function weigh(adjustments: Adjustment[], dimension: Dimension, value: number, weight: number): number {
  const weighted = roundPoints(value * weight);
  if (weighted !== value)
    adjustments.push({
      kind: 'weight',
      dimension,
      points: weighted - value,
      label: `${capitalize(dimension)} weight ×${weight}`,
    });
  return weighted;
}

function decideStatus(
  model: CompiledModel,
  facts: LeadFacts,
  score: number,
): { status: ScoreStatus; statusReason?: string } {
  for (const criterion of model.exclude) {
    if (criterion.test(facts))
      return { status: 'disqualified', statusReason: `Excluded: ${criterion.label}` };
  }
  if (score < model.source.mql.threshold) return { status: 'nurture' };
  for (const criterion of model.accept) {
    if (!criterion.test(facts))
      return { status: 'disqualified', statusReason: `Not accepted: ${criterion.label}` };
  }
  return { status: 'mql' };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
