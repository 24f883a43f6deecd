import { z } from 'zod';
import { normalizeSalesforceId } from './salesforce-id.js';
import { SoqlError } from './soql-error.js';

/** Maximum length of a SOQL statement, by default (Salesforce limits quick reference). */
export const SOQL_MAX_LENGTH = 100_000;
/** Each string literal in a WHERE clause holds at most 4,000 characters. */
export const SOQL_MAX_STRING = 4_000;

/** The documented escape sequences; any other control character becomes `\uXXXX`. */
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};
// C0 and C1 controls, DEL, and lone surrogates (which cannot be sent as UTF-8).
const NEEDS_ESCAPE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\\'"\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeText(value: string): string {
  if (value.length > SOQL_MAX_STRING) {
    throw new SoqlError(`a SOQL string holds at most ${SOQL_MAX_STRING} characters, got ${value.length}`);
  }
  return value.replace(
    NEEDS_ESCAPE,
    (char) => ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A quoted SOQL string literal: whatever `value` holds, it stays one literal. */
export function soqlString(value: string): string {
  return `'${escapeText(value)}'`;
}

export type LikeMatch = 'exact' | 'prefix' | 'suffix' | 'contains';

/** A quoted LIKE pattern matching `value` literally (its % and _ escaped), with wildcards only where asked. */
export function soqlLikePattern(value: string, match: LikeMatch = 'exact'): string {
  const literal = escapeText(value).replace(/[%_]/g, (char) => `\\${char}`);
  const before = match === 'suffix' || match === 'contains' ? '%' : '';
  const after = match === 'prefix' || match === 'contains' ? '%' : '';
  return `'${before}${literal}${after}'`;
}

/** A quoted record id in its 18-character form; throws a SoqlError for anything that is not a valid id. */
export function soqlId(id: string): string {
  return `'${normalizeSalesforceId(id)}'`;
}

/** `('id1','id2')`, each id validated and normalised to 18 characters, duplicates dropped. */
export function soqlIdList(ids: readonly string[]): string {
  if (ids.length === 0) throw new SoqlError('an IN list needs at least one id');
  return `(${[...new Set(ids.map(soqlId))].join(',')})`;
}

/**
 * Statements `prefix(v1,v2,…)suffix` over every literal, in order, each at most `maxLength` characters.
 * Literals must already be quoted (soqlString, soqlId). No literals, no statements.
 */
export function soqlInChunks(
  prefix: string,
  literals: readonly string[],
  suffix = '',
  maxLength = SOQL_MAX_LENGTH,
): string[] {
  const fixed = prefix.length + suffix.length + 2;
  const statements: string[] = [];
  let chunk: string[] = [];
  let length = fixed;
  for (const literal of literals) {
    if (fixed + literal.length > maxLength) {
      throw new SoqlError(
        `a value of ${literal.length} characters does not fit a ${maxLength}-character statement`,
      );
    }
    const added = literal.length + (chunk.length > 0 ? 1 : 0);
    if (length + added > maxLength) {
      statements.push(`${prefix}(${chunk.join(',')})${suffix}`);
      chunk = [];
      length = fixed;
    }
    length += literal.length + (chunk.length > 0 ? 1 : 0);
    chunk.push(literal);
  }
  if (chunk.length > 0) statements.push(`${prefix}(${chunk.join(',')})${suffix}`);
  return statements;
}

const fieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*$/, {
  error: (issue) =>
    `expected a field API name like Email or Account.Industry, got ${JSON.stringify(issue.input)}`,
});
const objectName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, {
  error: (issue) => `expected an object API name like Lead, got ${JSON.stringify(issue.input)}`,
});
const orderSchema = z.strictObject({
  field: fieldName,
  direction: z.enum(['ASC', 'DESC']).default('ASC'),
  nulls: z.enum(['FIRST', 'LAST']).optional(),
});

const selectSchema = z.strictObject({
  fields: z.array(fieldName).min(1),
  object: objectName,
  /** Already SOQL: build its values with soqlString, soqlLikePattern and soqlIdList. */
  where: z.string().min(1).optional(),
  orderBy: z.array(z.union([fieldName, orderSchema])).optional(),
  limit: z.int().positive().optional(),
});
export type SelectSpec = z.input<typeof selectSchema>;

/** `SELECT … FROM … [WHERE …] [ORDER BY …] [LIMIT n]`; fields deduplicated ignoring case, as SOQL rejects repeats. */
export function selectStatement(spec: SelectSpec): string {
  const parsed = selectSchema.safeParse(spec);
  if (!parsed.success) {
    throw new SoqlError(`invalid SELECT: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  const { fields, object, where, orderBy, limit } = parsed.data;
  const seen = new Set<string>();
  const unique = fields.filter((f) => !seen.has(f.toLowerCase()) && seen.add(f.toLowerCase()));
  let soql = `SELECT ${unique.join(', ')} FROM ${object}`;
  if (where !== undefined) soql += ` WHERE ${where}`;
  if (orderBy !== undefined && orderBy.length > 0) {
    const terms = orderBy.map((o) =>
      typeof o === 'string'
        ? o
        : [o.field, o.direction, o.nulls && `NULLS ${o.nulls}`].filter(Boolean).join(' '),
    );
    soql += ` ORDER BY ${terms.join(', ')}`;
  }
  if (limit !== undefined) soql += ` LIMIT ${limit}`;
  return soql;
}
