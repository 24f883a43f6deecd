/**
 * The default model's fit rules (plus the profile-based negative rules) as json-rules-engine rules:
 * the two operators they need that json-rules-engine lacks, the translation of our conditions, the
 * engine, the same rules compiled by us, and the outcomes of both in one comparable form.
 */
import { Engine } from 'json-rules-engine';
import type { Almanac, Event, RuleProperties, TopLevelCondition } from 'json-rules-engine';
import type { Condition } from '../../src/scoring/condition-schema.js';
import { BUILTIN_LISTS, compileModel } from '../../src/scoring/compile-model.js';
import type { CompiledModel } from '../../src/scoring/compile-model.js';
import { emailDomainOf } from '../../src/scoring/lead-fields.js';
import type { ScoringModel } from '../../src/scoring/model-schema.js';
import type { ScoreResult } from '../../src/scoring/score-result.js';

type JreCondition = Extract<TopLevelCondition, { all: unknown }>['all'][number];

/** Multi-valued facts (techStack) match when any element does, as in our engine. */
function anyElement(value: unknown, test: (element: unknown) => boolean): boolean {
  return Array.isArray(value) ? value.some(test) : test(value);
}

const lowerSets = new WeakMap<readonly string[], Set<string>>();
const regexes = new Map<string, RegExp>();

/**
 * Case-insensitive `in` and a regex `matches`: the two operators the fit rules need that
 * json-rules-engine does not have. Sets and regexes are built once per rule value, not per lead,
 * so that json-rules-engine is measured at its best.
 */
function addTextOperators(engine: Engine): void {
  engine.addOperator('inText', (fact: unknown, list: readonly string[]) => {
    let set = lowerSets.get(list);
    if (!set) lowerSets.set(list, (set = new Set(list.map((v) => v.trim().toLowerCase()))));
    const keys = set;
    return anyElement(fact, (x) => typeof x === 'string' && keys.has(x.trim().toLowerCase()));
  });
  engine.addOperator('matches', (fact: unknown, source: string) => {
    let pattern = regexes.get(source);
    if (!pattern) regexes.set(source, (pattern = new RegExp(source, 'i')));
    const re = pattern;
    return anyElement(fact, (x) => typeof x === 'string' && re.test(x.trim()));
  });
}

/** Translates one of our conditions; throws on an operator the fit rules do not use. */
function toJre(condition: Condition, lists: (name: string) => readonly string[]): JreCondition {
  switch (condition.kind) {
    case 'all':
      return { all: condition.of.map((c) => toJre(c, lists)) };
    case 'any':
      return { any: condition.of.map((c) => toJre(c, lists)) };
    case 'not':
      return { not: toJre(condition.of, lists) };
    case 'leaf': {
      const { field: fact, op, value } = condition;
      switch (op) {
        case 'in': {
          const list = Array.isArray(value) ? (value as string[]) : lists((value as { list: string }).list);
          return { fact, operator: 'inText', value: list.map((v) => String(v).toLowerCase()) };
        }
        case 'matches':
          return { fact, operator: 'matches', value };
        case 'equals':
          if (typeof value !== 'boolean') break;
          return { fact, operator: 'equal', value };
        case 'between': {
          const [low, high] = value as [number, number];
          return {
            all: [
              { fact, operator: 'greaterThanInclusive', value: low },
              { fact, operator: 'lessThanInclusive', value: high },
            ],
          };
        }
      }
      throw new Error(`bench: no json-rules-engine translation for '${op}' on '${fact}'`);
    }
  }
}

function topLevel(condition: JreCondition): TopLevelCondition {
  return 'all' in condition || 'any' in condition || 'not' in condition
    ? (condition as TopLevelCondition)
    : { all: [condition] };
}

/** The model's fit rules and its `when` negative rules: everything decided by the profile alone. */
export function profileRules(model: ScoringModel) {
  return [...model.fit, ...model.negative.filter((r) => r.when !== undefined)] as {
    id: string;
    points: number;
    when: Condition;
  }[];
}

/** A json-rules-engine with the model's profile rules; each fires an event carrying its points. */
export function jreEngine(model: ScoringModel): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  addTextOperators(engine);
  // The derived field, as a dynamic fact computed from the `email` fact.
  engine.addFact('emailDomain', async (_params: Record<string, unknown>, almanac: Almanac) =>
    emailDomainOf(await almanac.factValue<string | undefined>('email')),
  );
  const lists = (name: string) => {
    const list = model.lists[name] ?? BUILTIN_LISTS[name];
    if (!list) throw new Error(`bench: unknown list '${name}'`);
    return list;
  };
  for (const rule of profileRules(model)) {
    const jreRule: RuleProperties = {
      name: rule.id,
      conditions: topLevel(toJre(rule.when, lists)),
      event: { type: rule.id, params: { points: rule.points } },
    };
    engine.addRule(jreRule);
  }
  return engine;
}

/** A model with only the profile rules: what json-rules-engine is asked to do, compiled by us. */
export function fitOnlyModel(model: ScoringModel): CompiledModel {
  return compileModel({
    ...model,
    id: `${model.id}-fit-only`,
    engagement: [],
    negative: model.negative.filter((r) => r.when !== undefined),
    mql: { threshold: model.mql.threshold, accept: [], exclude: [] },
  });
}

/** `rule:points` of the fired profile rules, sorted, and their sum (before any cap). */
export interface FitOutcome {
  points: number;
  fired: string;
}
export function ourOutcome(result: ScoreResult, ids: ReadonlySet<string>): FitOutcome {
  let points = 0;
  const fired: string[] = [];
  for (const c of result.contributions) {
    if (!ids.has(c.rule)) continue;
    points += c.points;
    fired.push(`${c.rule}:${c.points}`);
  }
  return { points, fired: fired.sort().join(' ') };
}
export function jreOutcome(events: Event[]): FitOutcome {
  let points = 0;
  const fired: string[] = [];
  for (const e of events) {
    const p = e.params?.points as number;
    points += p;
    fired.push(`${e.type}:${p}`);
  }
  return { points, fired: fired.sort().join(' ') };
}
