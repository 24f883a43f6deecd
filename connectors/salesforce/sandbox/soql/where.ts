import type { WhereClause } from 'soql-parser-js';
import { parseTemporal, type FieldValue, type SObjectRecord } from '../data/field-types.js';
import type { OrgStore } from '../data/org-store.js';
import type { SObjectDef } from '../data/sobject-schema.js';
import { readPath, resolvePath, type FieldPath } from './field-path.js';
import { toLiteral, type Literal } from './literals.js';
import { malformedQuery, unsupported } from './query-error.js';

export type Predicate = (record: SObjectRecord) => boolean;
type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | Predicate;

interface RawCondition {
  field?: string;
  fn?: unknown;
  valueQuery?: unknown;
  operator: string;
  value?: string | string[];
  literalType?: string | string[];
  openParen?: number;
  closeParen?: number;
}

/**
 * soql-parser-js gives WHERE as a right-leaning list whose conditions carry open/close parenthesis counts;
 * this flattens it back to tokens and parses them with NOT > AND > OR precedence.
 */
export function compileWhere(
  where: WhereClause,
  root: SObjectDef,
  store: OrgStore,
  nowMs: number,
): Predicate {
  const tokens: Token[] = [];
  let node: WhereClause | undefined = where;
  while (node) {
    const n = node as {
      left: RawCondition | { openParen?: number } | null;
      operator?: string;
      right?: WhereClause;
    };
    if (n.operator === 'NOT') {
      for (let i = 0; i < (n.left?.openParen ?? 0); i++) tokens.push('(');
      tokens.push('NOT');
    } else if (n.left) {
      const cond = n.left as RawCondition;
      for (let i = 0; i < (cond.openParen ?? 0); i++) tokens.push('(');
      tokens.push(compileCondition(cond, root, store, nowMs));
      for (let i = 0; i < (cond.closeParen ?? 0); i++) tokens.push(')');
      if (n.operator === 'AND' || n.operator === 'OR') tokens.push(n.operator);
    }
    node = n.right;
  }
  return new TokenParser(tokens).parse();
}

class TokenParser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Predicate {
    const result = this.or();
    if (this.pos !== this.tokens.length) throw malformedQuery('unexpected token in WHERE clause');
    return result;
  }

  private or(): Predicate {
    const parts = [this.and()];
    while (this.tokens[this.pos] === 'OR') {
      this.pos++;
      parts.push(this.and());
    }
    return parts.length === 1 ? (parts[0] as Predicate) : (r) => parts.some((p) => p(r));
  }

  private and(): Predicate {
    const parts = [this.unary()];
    while (this.tokens[this.pos] === 'AND') {
      this.pos++;
      parts.push(this.unary());
    }
    return parts.length === 1 ? (parts[0] as Predicate) : (r) => parts.every((p) => p(r));
  }

  private unary(): Predicate {
    const token = this.tokens[this.pos++];
    if (token === 'NOT') {
      const inner = this.unary();
      return (r) => !inner(r);
    }
    if (token === '(') {
      const inner = this.or();
      if (this.tokens[this.pos++] !== ')') throw malformedQuery('unbalanced parentheses in WHERE clause');
      return inner;
    }
    if (typeof token === 'function') return token;
    throw malformedQuery('unexpected token in WHERE clause');
  }
}

function compileCondition(cond: RawCondition, root: SObjectDef, store: OrgStore, nowMs: number): Predicate {
  if (cond.fn || !cond.field) throw unsupported('A function in WHERE');
  if (cond.valueQuery) throw unsupported('A semi-join subquery');
  const path = resolvePath(store.schema, root, cond.field);
  const op = cond.operator.toUpperCase();
  const rawValues = Array.isArray(cond.value) ? cond.value : [cond.value ?? ''];
  const types = Array.isArray(cond.literalType) ? cond.literalType : rawValues.map(() => cond.literalType);
  const literals = rawValues.map((raw, i) => toLiteral(raw, String(types[i] ?? 'STRING'), path.field, nowMs));
  // A set for IN lists of plain values: a page's activity query names some 440 ids against every Task.
  if ((op === 'IN' || op === 'NOT IN') && literals.every((l) => l.kind === 'value')) {
    const values = new Set(literals.map((l) => norm(l.kind === 'value' ? l.value : null)));
    const inside = op === 'IN';
    return (record) => values.has(readValue(store, record, path)) === inside;
  }
  return (record) => matches(readValue(store, record, path), op, literals);
}

/** Values as compared: dates and datetimes as milliseconds, text lower-cased (SOQL compares text case-insensitively). */
function readValue(store: OrgStore, record: SObjectRecord, path: FieldPath): FieldValue {
  const value = readPath(store, record, path);
  if (value === null) return null;
  if (path.field.type === 'date' || path.field.type === 'datetime') return parseTemporal(value) ?? null;
  return typeof value === 'string' ? value.toLowerCase() : value;
}

const norm = (v: FieldValue): FieldValue => (typeof v === 'string' ? v.toLowerCase() : v);

function matches(value: FieldValue, op: string, literals: Literal[]): boolean {
  if (op === 'IN') return literals.some((l) => equals(value, l));
  if (op === 'NOT IN') return !literals.some((l) => equals(value, l));
  const literal = literals[0];
  if (!literal) return false;
  if (op === '=') return equals(value, literal);
  if (op === '!=') return !equals(value, literal);
  if (op === 'LIKE') return like(value, literal);
  if (value === null || typeof value === 'boolean') return false;
  if (literal.kind === 'range') {
    const v = Number(value);
    if (op === '<') return v < literal.start;
    if (op === '<=') return v < literal.end;
    if (op === '>') return v >= literal.end;
    if (op === '>=') return v >= literal.start;
    throw unsupported(`Operator ${op}`);
  }
  const other = norm(literal.value);
  if (other === null || typeof other === 'boolean') return false;
  if (op === '<') return value < other;
  if (op === '<=') return value <= other;
  if (op === '>') return value > other;
  if (op === '>=') return value >= other;
  throw unsupported(`Operator ${op}`);
}

function equals(value: FieldValue, literal: Literal): boolean {
  if (literal.kind === 'range')
    return value !== null && Number(value) >= literal.start && Number(value) < literal.end;
  return value === norm(literal.value);
}

/** LIKE: `%` any run, `_` one character, case-insensitive. */
function like(value: FieldValue, literal: Literal): boolean {
  if (typeof value !== 'string' || literal.kind !== 'value' || typeof literal.value !== 'string')
    return false;
  const pattern = literal.value
    .toLowerCase()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.');
  return new RegExp(`^${pattern}$`, 's').test(value);
}
