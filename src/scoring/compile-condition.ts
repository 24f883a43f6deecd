import type { Condition, Operator } from './condition-schema.js';
import { ISO_DATE, toComparable } from './condition-schema.js';

export type Predicate<S> = (subject: S) => boolean;
export type FieldReader<S> = (subject: S) => unknown;
export type ListLookup = (name: string) => readonly string[] | undefined;

/** Text comparisons ignore case and surrounding spaces: CRMs disagree on "VP" vs "vp ". */
export function normalizeText(value: string): string {
  return value.trim().toLowerCase();
}

export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return !Number.isNaN(value);
  return true;
}

function keyOf(value: unknown): string | undefined {
  if (typeof value === 'string') return normalizeText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * Multi-valued fields (techStack) match when any element matches.
 * Element tests are created once per compiled condition, never per evaluation (this is the hot path).
 */
function some(value: unknown, test: (element: unknown) => boolean): boolean {
  if (!Array.isArray(value)) return test(value);
  for (let i = 0; i < value.length; i++) if (test(value[i])) return true;
  return false;
}

const NUMERIC_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/;

/**
 * Numbers and dates compare as numbers. Text counts only when it is plainly a number ("50") or an
 * ISO-8601 date: Date.parse would read "50" as the year 1950 and "Plan 2" as a day in 2001.
 */
function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') {
    if (NUMERIC_TEXT.test(value)) return Number(value);
    if (ISO_DATE.test(value)) return Date.parse(value);
  }
  return Number.NaN;
}

/**
 * Compiles a condition into a closure once, at model load, so that scoring a lead is a few
 * function calls with no parsing, no regex construction and no string building.
 * Every comparison is false on a missing value; `missing` (or `not`) asks for absence explicitly.
 */
export function compileCondition<S>(
  condition: Condition,
  reader: (field: string) => FieldReader<S>,
  lists: ListLookup,
): Predicate<S> {
  switch (condition.kind) {
    // Plain loops: `parts.every((p) => p(s))` would allocate a closure on every evaluation.
    case 'all': {
      const parts = condition.of.map((c) => compileCondition(c, reader, lists));
      return (s) => {
        for (let i = 0; i < parts.length; i++) if (!parts[i]!(s)) return false;
        return true;
      };
    }
    case 'any': {
      const parts = condition.of.map((c) => compileCondition(c, reader, lists));
      return (s) => {
        for (let i = 0; i < parts.length; i++) if (parts[i]!(s)) return true;
        return false;
      };
    }
    case 'not': {
      const inner = compileCondition(condition.of, reader, lists);
      return (s) => !inner(s);
    }
    case 'leaf': {
      const get = reader(condition.field);
      const test = compileOperator(condition.op, condition.value, lists);
      return (s) => test(get(s));
    }
  }
}

export function resolveList(value: unknown, lists: ListLookup): readonly unknown[] {
  if (Array.isArray(value)) return value;
  const name = (value as { list: string }).list;
  const list = lists(name);
  if (!list) throw new Error(`unknown list '${name}'`);
  return list;
}

function compileOperator(op: Operator, operand: unknown, lists: ListLookup): (value: unknown) => boolean {
  switch (op) {
    case 'exists':
      return isPresent;
    case 'missing':
      return (v) => !isPresent(v);
    case 'equals': {
      if (typeof operand === 'string') {
        const expected = normalizeText(operand);
        const equalText = (x: unknown) => typeof x === 'string' && normalizeText(x) === expected;
        return (v) => some(v, equalText);
      }
      const equal = (x: unknown) => x === operand;
      return (v) => some(v, equal);
    }
    case 'in':
    case 'not_in': {
      const keys = new Set(resolveList(operand, lists).map(keyOf));
      const listed = (x: unknown) => keys.has(keyOf(x));
      const hit = (v: unknown) => some(v, listed);
      return op === 'in' ? hit : (v) => isPresent(v) && !hit(v);
    }
    case 'contains': {
      const needle = normalizeText(operand as string);
      const isNeedle = (x: unknown) => typeof x === 'string' && normalizeText(x) === needle;
      return (v) =>
        Array.isArray(v) ? some(v, isNeedle) : typeof v === 'string' && normalizeText(v).includes(needle);
    }
    case 'matches': {
      const pattern = new RegExp(operand as string, 'i');
      const matching = (x: unknown) => typeof x === 'string' && pattern.test(x.trim());
      return (v) => some(v, matching);
    }
    case 'gte': {
      const bound = toComparable(operand as number | string);
      return (v) => toNumber(v) >= bound;
    }
    case 'lte': {
      const bound = toComparable(operand as number | string);
      return (v) => toNumber(v) <= bound;
    }
    case 'between': {
      const [low, high] = (operand as [number | string, number | string]).map(toComparable) as [
        number,
        number,
      ];
      return (v) => {
        const n = toNumber(v);
        return n >= low && n <= high;
      };
    }
  }
}
