import { createHash } from 'node:crypto';
import type { ActivityType } from '../model/activity.js';
import type { Activity } from '../model/activity.js';
import { compileCondition } from './compile-condition.js';
import type { ListLookup, Predicate } from './compile-condition.js';
import { compileDecay, DAY_MS } from './decay.js';
import type { DecayFunction } from './decay.js';
import { activityFieldReader, leadFieldReader } from './lead-fields.js';
import type { LeadFacts } from './lead-fields.js';
import { FREE_MAIL_DOMAINS } from './lists/free-mail-domains.js';
import type { EngagementRule, NegativeRule, ScoringModel } from './model-schema.js';
import type { Dimension, Section } from './score-result.js';

interface CompiledRuleBase {
  /** Position in the model, for stable ordering of equal contributions. */
  order: number;
  id: string;
  label: string;
  section: Section;
  dimension: Dimension;
  points: number;
}
export interface CompiledProfileRule extends CompiledRuleBase {
  test: Predicate<LeadFacts>;
}
export interface CompiledActivityRule extends CompiledRuleBase {
  slot: number;
  where?: Predicate<Activity>;
  once: boolean;
  windowMs: number;
  cap?: number;
  decay: DecayFunction;
}
export interface CompiledInactivityRule extends CompiledRuleBase {
  inactiveMs: number;
  inactiveDays: number;
}
export interface CompiledCriterion {
  label: string;
  test: Predicate<LeadFacts>;
}

export interface CompiledModel {
  readonly source: ScoringModel;
  /** `id@hash8`: travels with every result so a CRM value can be traced to its model. */
  readonly ref: string;
  readonly hash: string;
  readonly profileRules: CompiledProfileRule[];
  readonly activityRules: CompiledActivityRule[];
  readonly activityRulesByType: ReadonlyMap<ActivityType, CompiledActivityRule[]>;
  readonly inactivityRules: CompiledInactivityRule[];
  readonly accept: CompiledCriterion[];
  readonly exclude: CompiledCriterion[];
  /** Per-activity-rule accumulators, reset for each lead (scoring is synchronous, so one set suffices). */
  readonly scratch: { count: Float64Array; sum: Float64Array; best: Float64Array };
}

export const BUILTIN_LISTS: Readonly<Record<string, readonly string[]>> = { free_mail: FREE_MAIL_DOMAINS };

/** A stable hash of the model's meaning: comments, key order and formatting do not change it. */
export function modelHash(model: ScoringModel): string {
  return createHash('sha256').update(canonicalJson(model)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function compileModel(model: ScoringModel): CompiledModel {
  const lists: ListLookup = (name) => model.lists[name] ?? BUILTIN_LISTS[name];
  const profileRules: CompiledProfileRule[] = [];
  const activityRules: CompiledActivityRule[] = [];
  const inactivityRules: CompiledInactivityRule[] = [];
  let order = 0;

  const byType = new Map<ActivityType, CompiledActivityRule[]>();
  const addActivityRule = (rule: EngagementRule | NegativeRule, section: Section, dimension: Dimension) => {
    const compiled: CompiledActivityRule = {
      order: order++,
      id: rule.id,
      label: rule.label,
      section,
      dimension,
      points: rule.points,
      slot: activityRules.length,
      where: rule.where ? compileCondition(rule.where, activityFieldReader, lists) : undefined,
      once: rule.per === 'once',
      windowMs: rule.withinDays === undefined ? Number.POSITIVE_INFINITY : rule.withinDays * DAY_MS,
      cap: rule.cap,
      decay: compileDecay(rule.decay ?? model.decay),
    };
    activityRules.push(compiled);
    for (const type of new Set(([] as ActivityType[]).concat(rule.activity ?? []))) {
      byType.set(type, [...(byType.get(type) ?? []), compiled]);
    }
  };

  for (const rule of model.fit) {
    profileRules.push({
      ...ruleBase(rule, order++, 'fit', 'fit'),
      test: compileCondition(rule.when, leadFieldReader, lists),
    });
  }
  for (const rule of model.engagement) addActivityRule(rule, 'engagement', 'engagement');
  for (const rule of model.negative) {
    if (rule.activity !== undefined) {
      addActivityRule(rule, 'negative', rule.countsToward ?? 'engagement');
    } else if (rule.inactiveDays !== undefined) {
      inactivityRules.push({
        ...ruleBase(rule, order++, 'negative', rule.countsToward ?? 'engagement'),
        inactiveDays: rule.inactiveDays,
        inactiveMs: rule.inactiveDays * DAY_MS,
      });
    } else if (rule.when !== undefined) {
      profileRules.push({
        ...ruleBase(rule, order++, 'negative', rule.countsToward ?? 'fit'),
        test: compileCondition(rule.when, leadFieldReader, lists),
      });
    }
  }

  const criteria = (list: ScoringModel['mql']['accept']): CompiledCriterion[] =>
    list.map((c) => ({ label: c.label, test: compileCondition(c.when, leadFieldReader, lists) }));

  const hash = modelHash(model);
  const slots = activityRules.length;
  return {
    source: model,
    hash,
    ref: `${model.id}@${hash.slice(0, 8)}`,
    profileRules,
    activityRules,
    activityRulesByType: byType,
    inactivityRules,
    accept: criteria(model.mql.accept),
    exclude: criteria(model.mql.exclude),
    scratch: { count: new Float64Array(slots), sum: new Float64Array(slots), best: new Float64Array(slots) },
  };
}

function ruleBase(
  rule: { id: string; label: string; points: number },
  order: number,
  section: Section,
  dimension: Dimension,
): CompiledRuleBase {
  return { order, id: rule.id, label: rule.label, section, dimension, points: rule.points };
}
