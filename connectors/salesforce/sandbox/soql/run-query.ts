import soqlParser, { type FieldType, type OrderByClause, type Query } from 'soql-parser-js';
import type { OrgStore } from '../data/org-store.js';
import type { SObjectDef } from '../data/sobject-schema.js';
import { unsupportedType } from '../http/error-bodies.js';
import { readPath, resolvePath, type FieldPath } from './field-path.js';
import { projectRecord, type QueryRecord } from './project.js';
import { invalidType, malformedQuery, unsupported } from './query-error.js';
import { compileWhere } from './where.js';

export interface QueryRun {
  /** All result rows, already projected (null for `SELECT COUNT()`, which returns only totalSize). */
  records: QueryRecord[];
  totalSize: number;
}

/**
 * Runs a SOQL query against the store: SELECT fields and parent paths (`Owner.Name`) or COUNT(), FROM one of the
 * seeded objects, WHERE (=, !=, <, <=, >, >=, IN, NOT IN, LIKE, AND, OR, NOT, parentheses, date and datetime
 * literals, a few date literals), ORDER BY several fields, LIMIT and OFFSET. Anything else is refused.
 */
export function runQuery(
  soql: string,
  store: OrgStore,
  apiVersion: string,
  nowMs: number,
  options: { tooling?: boolean } = {},
): QueryRun {
  const query = parse(soql);
  refuseUnsupported(query);
  const root = store.schema.find(query.sObject ?? '');
  const tooling = options.tooling === true;
  if (!root || root.name === 'User' || (root.tooling === true) !== tooling) {
    throw invalidType(unsupportedType(query.sObject ?? ''));
  }
  const fields = query.fields ?? [];
  const isCount = fields.length === 1 && isCountCall(fields[0]);
  const selected = isCount ? [] : fields.map((field) => selectPath(store, root, field));
  const predicate = query.where ? compileWhere(query.where, root, store, nowMs) : () => true;
  const order = orderBy(query.orderBy, root, store);

  let rows = store.rows(root.name).filter(predicate);
  if (order) rows = [...rows].sort(order);
  rows = rows.slice(
    query.offset ?? 0,
    query.limit === undefined ? undefined : (query.offset ?? 0) + query.limit,
  );
  if (isCount) return { records: [], totalSize: rows.length };
  const records = rows.map((row) => projectRecord(store, root, row, selected, apiVersion));
  return { records, totalSize: records.length };
}

function parse(soql: string): Query {
  try {
    return soqlParser.parseQuery(soql);
  } catch (error) {
    throw malformedQuery(error instanceof Error ? error.message : String(error));
  }
}

function refuseUnsupported(q: Query): void {
  if (q.groupBy) throw unsupported('GROUP BY');
  if (q.having) throw unsupported('HAVING');
  if (q.usingScope) throw unsupported('USING SCOPE');
  if (q.withDataCategory) throw unsupported('WITH DATA CATEGORY');
  if (q.for || q.update) throw unsupported('FOR / UPDATE clauses');
}

function isCountCall(field: FieldType | undefined): boolean {
  return (
    field?.type === 'FieldFunctionExpression' &&
    field.functionName.toUpperCase() === 'COUNT' &&
    field.parameters.length === 0
  );
}

function selectPath(store: OrgStore, root: SObjectDef, field: FieldType): FieldPath {
  if (field.type === 'Field') return resolvePath(store.schema, root, field.field);
  if (field.type === 'FieldRelationship') {
    const prefix = 'objectPrefix' in field ? 1 : 0;
    return resolvePath(store.schema, root, [...field.relationships.slice(prefix), field.field].join('.'));
  }
  if (field.type === 'FieldSubquery') throw unsupported('A relationship subquery');
  if (field.type === 'FieldTypeof') throw unsupported('TYPEOF');
  throw unsupported(`The function ${field.functionName}()`);
}

type Compare = (a: Parameters<typeof readPath>[1], b: Parameters<typeof readPath>[1]) => number;

function orderBy(clause: OrderByClause | OrderByClause[] | undefined, root: SObjectDef, store: OrgStore) {
  if (!clause) return undefined;
  const keys = (Array.isArray(clause) ? clause : [clause]).map((c) => {
    if (!('field' in c)) throw unsupported('ORDER BY a function');
    const desc = c.order === 'DESC';
    // Nulls sort first by default in ascending order and last in descending order.
    const nullsFirst = c.nulls ? c.nulls === 'FIRST' : !desc;
    return { path: resolvePath(store.schema, root, c.field), desc, nullsFirst };
  });
  const compare: Compare = (a, b) => {
    for (const key of keys) {
      const x = readPath(store, a, key.path);
      const y = readPath(store, b, key.path);
      if (x === y) continue;
      if (x === null) return key.nullsFirst ? -1 : 1;
      if (y === null) return key.nullsFirst ? 1 : -1;
      const xs = typeof x === 'string' ? x.toLowerCase() : x;
      const ys = typeof y === 'string' ? y.toLowerCase() : y;
      const diff = xs < ys ? -1 : xs > ys ? 1 : 0;
      if (diff !== 0) return key.desc ? -diff : diff;
    }
    return 0;
  };
  return compare;
}
