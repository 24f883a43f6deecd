import { GRADES } from '../model/lead.js';
import type { FieldKind } from '../model/lead.js';
import { lineOf } from '../config/yaml-document.js';
import { formatPath } from '../util/errors.js';
import type { ModelProblem } from '../util/errors.js';
import type { Condition } from './condition-schema.js';
import { fieldKind, RESULT_FIELD_KINDS } from './lead-fields.js';
import { forEachCondition } from './load-model.js';
import type { LoadedModel } from './load-model.js';
import { reachableScore } from './reachable-score.js';

/** Above this many criteria a model stops being readable by the people it scores for. */
export const MAX_CRITERIA = 25;

const NUMERIC_OPS = new Set(['gte', 'lte', 'between']);
const TEXT_OPS = new Set(['contains', 'matches']);

/** Warnings about a valid model: it loads and scores, but something in it is probably not what was meant. */
export function lintModel(loaded: LoadedModel): ModelProblem[] {
  const { model, located } = loaded;
  const warnings: ModelProblem[] = [];
  const warn = (path: PropertyKey[], message: string) =>
    warnings.push({ file: located.file, line: lineOf(located, path), path: formatPath(path), message });

  const criteria =
    model.fit.length +
    model.engagement.length +
    model.negative.length +
    model.mql.accept.length +
    model.mql.exclude.length;
  if (criteria > MAX_CRITERIA)
    warn(
      [],
      `${criteria} criteria (rules plus MQL criteria); keep a model under ${MAX_CRITERIA + 1} so people can read it`,
    );

  forEachCondition(model, (condition, path) => {
    const inActivity = path.includes('where');
    const inCriteria = path[0] === 'mql';
    if (condition.kind === 'all') contradictions(condition.of, path, warn);
    if (condition.kind !== 'leaf' || inActivity) return;
    const kind = fieldKind(condition.field);
    if (kind === undefined) {
      warn(
        [...path, 'field'],
        `'${condition.field}' is not a field of the canonical lead (use custom.${condition.field} for a mapped custom field)`,
      );
      return;
    }
    if (!inCriteria && condition.field in RESULT_FIELD_KINDS) {
      warn(
        [...path, 'field'],
        `'${condition.field}' is only known in mql.accept / mql.exclude; this condition never matches`,
      );
      return;
    }
    const mismatch = operatorMismatch(condition, kind);
    if (mismatch) warn([...path, condition.op], mismatch);
  });

  for (const section of ['fit', 'engagement', 'negative'] as const) {
    model[section].forEach((rule, index) => {
      if (rule.points === 0)
        warn([section, index, 'points'], `rule '${rule.id}' gives 0 points and has no effect`);
    });
  }

  const reach = reachableScore(model);
  if (model.mql.threshold > reach.score)
    warn(
      ['mql', 'threshold'],
      `MQL threshold ${model.mql.threshold} is above the highest reachable score ${reach.score}; no lead can become an MQL`,
    );
  // Default grades on a model without fit rules (a pure points table) are not the author's mistake.
  const gradesSet = located.doc.has('grades');
  for (const grade of ['A', 'B', 'C'] as const) {
    if (gradesSet && model.grades[grade] > reach.fit)
      warn(
        ['grades', grade],
        `grade ${grade} needs ${model.grades[grade]} fit points but at most ${reach.fit} are reachable`,
      );
  }
  return warnings;
}

function operatorMismatch(
  condition: Extract<Condition, { kind: 'leaf' }>,
  kind: FieldKind,
): string | undefined {
  const { field, op, value } = condition;
  if (kind === 'unknown') return undefined;
  if (op === 'in' || op === 'not_in') {
    if (Array.isArray(value) && value.length === 0) return `an empty list never matches`;
    if (field === 'grade' && Array.isArray(value)) {
      const bad = value.filter((v) => !(GRADES as readonly unknown[]).includes(String(v).toUpperCase()));
      if (bad.length) return `grade is one of ${GRADES.join(', ')}; ${bad.join(', ')} never matches`;
    }
  }
  const isDateOperand = (v: unknown) => typeof v === 'string';
  if (NUMERIC_OPS.has(op)) {
    const operands = op === 'between' ? (value as unknown[]) : [value];
    if (kind !== 'number' && kind !== 'date')
      return `${field} is a ${kind}; '${op}' compares numbers or dates and never matches`;
    if (kind === 'number' && operands.some(isDateOperand))
      return `${field} is a number; a date bound never matches`;
    if (kind === 'date' && !operands.every(isDateOperand))
      return `${field} is a date; give ISO-8601 dates as bounds`;
  }
  if (TEXT_OPS.has(op) && kind !== 'string' && kind !== 'string[]')
    return `${field} is a ${kind}; '${op}' works on text and never matches`;
  if (op === 'equals') {
    if (kind === 'boolean' && typeof value !== 'boolean')
      return `${field} is true or false; ${JSON.stringify(value)} never matches`;
    if (kind !== 'boolean' && typeof value === 'boolean')
      return `${field} is a ${kind}; ${value} never matches`;
    if (kind === 'number' && typeof value !== 'number')
      return `${field} is a number; ${JSON.stringify(value)} never matches`;
  }
  return undefined;
}

/** `all` of two facts that cannot both hold: exists and missing, or two different equals on one field. */
function contradictions(
  parts: Condition[],
  path: PropertyKey[],
  warn: (path: PropertyKey[], message: string) => void,
): void {
  const byField = new Map<string, Extract<Condition, { kind: 'leaf' }>[]>();
  for (const part of parts)
    if (part.kind === 'leaf') byField.set(part.field, [...(byField.get(part.field) ?? []), part]);
  for (const [field, leaves] of byField) {
    const ops = new Set(leaves.map((l) => l.op));
    const equals = new Set(leaves.filter((l) => l.op === 'equals').map((l) => String(l.value).toLowerCase()));
    const singleValued = fieldKind(field) !== 'string[]';
    if ((ops.has('missing') && ops.size > 1) || (singleValued && equals.size > 1))
      warn([...path, 'all'], `the conditions on '${field}' contradict each other; this never matches`);
  }
}
