import { ApiError } from '../http/api-error.js';
import { restError } from '../http/error-bodies.js';
import type { Handler } from '../api/handler-types.js';
import { batchSizeFrom } from '../soql/query-cursors.js';
import { runQuery } from '../soql/run-query.js';

/**
 * GET /services/data/vXX.X/tooling/query?q=SOQL: the data API's SOQL engine over the Tooling objects
 * (CustomField). As in Salesforce, FullName may only be selected when at most one row comes back.
 */
export const toolingQuery: Handler = ({ query: params, headers, store, cursors, apiVersion, now }) => {
  const soql = params.get('q');
  if (!soql) throw new ApiError(400, restError('MALFORMED_QUERY', 'A query string has to be specified'));
  const run = runQuery(soql, store, apiVersion, now().getTime(), { tooling: true });
  if (run.records.length > 1 && run.records[0] && 'FullName' in run.records[0]) {
    throw new ApiError(
      400,
      restError(
        'MALFORMED_QUERY',
        `When retrieving results with Metadata or FullName fields, the query qualifications must specify no more than one row for retrieval. Result size: ${run.records.length}`,
      ),
    );
  }
  for (const record of run.records) {
    record.attributes.url = record.attributes.url.replace('/sobjects/', '/tooling/sobjects/');
  }
  const header = headers['sforce-query-options'];
  const batchSize = batchSizeFrom(Array.isArray(header) ? header[0] : header);
  if (run.records.length === 0)
    return { status: 200, body: { totalSize: run.totalSize, done: true, records: [] } };
  return { status: 200, body: cursors.first(run.records, batchSize, apiVersion) };
};
