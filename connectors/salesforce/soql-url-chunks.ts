import { SOQL_MAX_LENGTH } from './soql.js';
import { SoqlError } from './soql-error.js';

/**
 * The REST API takes a query as `GET /query?q=<SOQL>`, and Salesforce accepts at most 16,384 bytes of URI
 * and headers together (414 URI Too Long, 431 Request Header Fields Too Large; help article 000386264).
 * That is hit long before SOQL's own 100,000 characters: an 18-character id costs 27 bytes on the wire
 * (`%2700Q…%27%2C`), so an IN list of 2,000 ids (54 KB) must be cut. This budget for the encoded statement leaves about 4 KB for
 * the path, the session header and the others.
 */
export const QUERY_URL_BUDGET = 12_000;

// jsforce sends encodeURIComponent(soql); the URL parser of fetch then also escapes `'` in a query string.
const encodedLength = (text: string): number => encodeURIComponent(text).replace(/'/g, '%27').length;

/**
 * Statements `prefix(v1,v2,…)suffix` over every literal, in order, each small enough for a GET: at most
 * `budget` bytes once URL-encoded (and so within SOQL's statement length). Literals must already be
 * quoted (soqlString, soqlId). No literals, no statements.
 */
export function soqlInUrlChunks(
  prefix: string,
  literals: readonly string[],
  suffix = '',
  budget = QUERY_URL_BUDGET,
): string[] {
  // Encoding never shortens text: a statement within the encoded limit is within SOQL's limit too.
  const limit = Math.min(budget, SOQL_MAX_LENGTH);
  const fixed = encodedLength(`${prefix}()${suffix}`);
  const comma = encodedLength(',');
  const statements: string[] = [];
  let chunk: string[] = [];
  let length = fixed;
  for (const literal of literals) {
    const size = encodedLength(literal);
    if (fixed + size > limit) {
      throw new SoqlError(`a value of ${literal.length} characters does not fit a query of ${limit} bytes`);
    }
    const added = size + (chunk.length > 0 ? comma : 0);
    if (length + added > limit) {
      statements.push(`${prefix}(${chunk.join(',')})${suffix}`);
      chunk = [];
      length = fixed;
    }
    length += size + (chunk.length > 0 ? comma : 0);
    chunk.push(literal);
  }
  if (chunk.length > 0) statements.push(`${prefix}(${chunk.join(',')})${suffix}`);
  return statements;
}
