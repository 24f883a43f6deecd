import { describe, expect, it } from '@jest/globals';
import { QUERY_URL_BUDGET, soqlInUrlChunks } from '../../../connectors/salesforce/soql-url-chunks.js';
import { soqlId, soqlString } from '../../../connectors/salesforce/soql.js';

/** What the statement costs in a GET's query string, as fetch sends it. */
const wire = (soql: string) => encodeURIComponent(soql).replace(/'/g, '%27').length;
const PREFIX = 'SELECT Id, WhoId FROM Task WHERE WhoId IN ';
const ids = (n: number) =>
  Array.from({ length: n }, (_, i) => soqlId(`00Q5g0${i.toString(36).toUpperCase().padStart(9, '0')}`));

describe('soqlInUrlChunks: IN lists cut to fit the URL of a GET', () => {
  it('one statement when everything fits', () => {
    expect(soqlInUrlChunks(PREFIX, ["'a'", "'b'"], ' ORDER BY Id')).toEqual([
      `${PREFIX}('a','b') ORDER BY Id`,
    ]);
  });

  it('no literals, no statements', () => {
    expect(soqlInUrlChunks(PREFIX, [])).toEqual([]);
  });

  it('every literal once, in order, each statement within the budget and as full as it can be', () => {
    const literals = ids(2000);
    const statements = soqlInUrlChunks(PREFIX, literals);
    expect(statements).toHaveLength(5);
    for (const soql of statements) expect(wire(soql)).toBeLessThanOrEqual(QUERY_URL_BUDGET);
    // One more id would not have fitted in any statement but the last.
    for (const soql of statements.slice(0, -1)) expect(wire(soql) + 27).toBeGreaterThan(QUERY_URL_BUDGET);
    const back = statements.flatMap((soql) => soql.slice(PREFIX.length + 1, -1).split(','));
    expect(back).toEqual(literals);
  });

  it('counts the bytes escaping adds: quotes, spaces and non-ASCII text cost more than one', () => {
    const literals = Array.from({ length: 300 }, (_, i) => soqlString(`zoë o'brien ${i}@example.com`));
    for (const soql of soqlInUrlChunks(PREFIX, literals, '', 2_000))
      expect(wire(soql)).toBeLessThanOrEqual(2_000);
  });

  it('refuses a value that cannot fit any statement', () => {
    expect(() => soqlInUrlChunks(PREFIX, [soqlString('x'.repeat(3_000))], '', 1_000)).toThrow(
      /does not fit a query of 1000 bytes/,
    );
  });
});
