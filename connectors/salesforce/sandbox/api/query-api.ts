import { ApiError } from '../http/api-error.js';
import { restError } from '../http/error-bodies.js';
import { batchSizeFrom } from '../soql/query-cursors.js';
import { runQuery } from '../soql/run-query.js';
import type { Handler } from './handler-types.js';

/** GET /services/data/vXX.X/query?q=SOQL (batch size from `Sforce-Query-Options`). */
export const query: Handler = ({ query: params, headers, store, cursors, apiVersion, now }) => {
  const soql = params.get('q');
  if (!soql) throw new ApiError(400, restError('MALFORMED_QUERY', 'A query string has to be specified'));
  store.recordQuery(soql);
  const run = runQuery(soql, store, apiVersion, now().getTime());
  const header = headers['sforce-query-options'];
  const batchSize = batchSizeFrom(Array.isArray(header) ? header[0] : header);
  if (run.records.length === 0)
    return { status: 200, body: { totalSize: run.totalSize, done: true, records: [] } };
  return { status: 200, body: cursors.first(run.records, batchSize, apiVersion) };
};

/** GET /services/data/vXX.X/query/01g…-2000: the next batch (queryMore). */
export const queryMore: Handler = ({ params, cursors, apiVersion }) => ({
  status: 200,
  body: cursors.next(params.locator ?? '', apiVersion),
});
