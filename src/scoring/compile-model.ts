import { createHash } from 'node:crypto';
import { ACTIVITY_TYPES } from '../model/activity.js';
import type { Activity, ActivityType } from '../model/activity.js';
import { compileCondition } from './compile-condition.js';
import type { FieldReader, ListLookup, Predicate } from './compile-condition.js';
import { compileDecay, DAY_MS } from './decay.js';
import type { DecayFunction } from './decay.js';
import { activityFieldReader, leadFieldReader } from './lead-fields.js';
import type { LeadFacts } from './lead-fields.js';
import { FREE_MAIL_DOMAINS } from './lists/free-mail-domains.js';
import type { EngagementRule, NegativeRule, ScoringModel } from './model-schema.js';
import type { Dimension, Section } from './score-result.js';

export interface CompiledRuleBase {
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
/** What scoring needs to know about an activity type, found with one lookup per activity. */
export interface CompiledActivityType {
  /** False for types that happen to a lead rather than by it: they do not count against inactivity rules. */
  active: boolean;
  rules: readonly CompiledActivityRule[];
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
  /** Every type of the vocabulary, with or without rules. */
  readonly activityTypes: ReadonlyMap<string, CompiledActivityType>;
  readonly inactivityRules: CompiledInactivityRule[];
  readonly accept: CompiledCriterion[];
  readonly exclude: CompiledCriterion[];
  /** Per-activity-rule accumulators, reset for each lead (scoring is synchronous, so one set suffices). */
  readonly scratch: { count: Float64Array; sum: Float64Array; best: Float64Array };
}

/** Email bounces happen to a lead, not by it: they do not count as activity against inactivity rules. */
export const PASSIVE_TYPES: ReadonlySet<string> = new Set<ActivityType>(['email_bounce']);

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

/**
 * `leadFieldReader`, except that the derived `emailDomain` is computed once per email address
 * rather than once per condition that reads it (the default model has four). It depends on the
 * address alone, and scoring is synchronous, so remembering the last address is enough.
 */
function sharedLeadFieldReader(): (field: string) => FieldReader<LeadFacts> {
  const derive = leadFieldReader('emailDomain');
  let lastEmail: unknown;
  let lastDomain: unknown;
  let known = false;
  const emailDomain: FieldReader<LeadFacts> = (facts) => {
    const email = facts.lead.email;
    if (!known || email !== lastEmail) {
      lastDomain = derive(facts);
      lastEmail = email;
      known = true;
    }
    return lastDomain;
  };
  return (field) => (field === 'emailDomain' ? emailDomain : leadFieldReader(field));
}

export function compileModel(model: ScoringModel): CompiledModel {
  const lists: ListLookup = (name) => model.lists[name] ?? BUILTIN_LISTS[name];
  const leadReader = sharedLeadFieldReader();
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
      test: compileCondition(rule.when, leadReader, lists),
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
        test: compileCondition(rule.when, leadReader, lists),
      });
    }
  }

  const criteria = (list: ScoringModel['mql']['accept']): CompiledCriterion[] =>
    list.map((c) => ({ label: c.label, test: compileCondition(c.when, leadReader, lists) }));

  const hash = modelHash(model);
  const slots = activityRules.length;
  return {
    source: model,
    hash,
    ref: `${model.id}@${hash.slice(0, 8)}`,
    profileRules,
    activityRules,
    activityTypes: new Map(
      ACTIVITY_TYPES.map((type) => [
        type,
        { active: !PASSIVE_TYPES.has(type), rules: byType.get(type) ?? [] },
      ]),
    ),
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
