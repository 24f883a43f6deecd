import type { CrmRecord } from '../data/records.js';
import { ApiError } from '../http/api-error.js';
import { validationError } from '../http/error-bodies.js';
import type { HandlerContext, HandlerResult } from './handler-types.js';
import { objectView } from './object-view.js';
import { parseBody } from './parse-body.js';
import { compareValues, matchesGroups, type TypeOf } from './search-filters.js';
import { searchRequestSchema, sortKeys, type SearchRequest, type SortKey } from './search-request.js';

/**
 * Limits from the search guide's "Limitations" (https://developers.hubspot.com/docs/api-reference/search/guide#limitations):
 * at most 200 objects per page; at most 10,000 total results for a query ("Attempting to page beyond 10,000
 * will result in a 400 error"); five filterGroups of up to ten filters, 25 filters in all. `total` still
 * counts every match. The per-second limit is in the pipeline
 * (https://developers.hubspot.com/changelog/crm-search-api-rate-limit-increase: four per second per token).
 */
const MAX_LIMIT = 200;
const MAX_RESULTS = 10_000;
const MAX_GROUPS = 5;
const MAX_FILTERS_PER_GROUP = 10;
const MAX_FILTERS = 25;
const QUERY_PROPERTIES = ['firstname', 'lastname', 'email', 'phone', 'company'];

/** POST /crm/v3/objects/contacts/search */
export function searchContacts(ctx: HandlerContext): HandlerResult {
  const request = parseBody(searchRequestSchema, ctx.body);
  const limit = request.limit ?? 10;
  const offset = checkRequest(request, limit);
  const typeOf: TypeOf = (name) => ctx.store.properties.get(name)?.type;

  const query = request.query?.trim().toLowerCase();
  const matches = ctx.store
    .orderedContactRecords()
    .filter((record) => matchesGroups(record, request.filterGroups ?? [], typeOf))
    .filter(
      (record) => !query || QUERY_PROPERTIES.some((p) => record.properties[p]?.toLowerCase().includes(query)),
    );
  const sorted = sortRecords(matches, sortKeys(request), typeOf);

  const exists = (name: string) => ctx.store.properties.get(name) !== undefined;
  const requested = request.properties && request.properties.length > 0 ? request.properties : undefined;
  const body: Record<string, unknown> = {
    total: sorted.length,
    results: sorted.slice(offset, offset + limit).map((record) => objectView(record, requested, exists)),
  };
  // Like HubSpot, a next cursor is offered even when it lies past 10,000; following it is the 400.
  if (limit > 0 && offset + limit < sorted.length) body.paging = { next: { after: String(offset + limit) } };
  return { status: 200, body };
}

function checkRequest(request: SearchRequest, limit: number): number {
  if (limit > MAX_LIMIT) {
    throw new ApiError(
      400,
      validationError(`The maximum number of objects per page is ${MAX_LIMIT}; limit was ${limit}.`),
    );
  }
  const groups = request.filterGroups ?? [];
  const filterCount = groups.reduce((n, g) => n + g.filters.length, 0);
  if (
    groups.length > MAX_GROUPS ||
    groups.some((g) => g.filters.length > MAX_FILTERS_PER_GROUP) ||
    filterCount > MAX_FILTERS
  ) {
    throw new ApiError(
      400,
      validationError(
        `A search can have at most ${MAX_GROUPS} filterGroups of ${MAX_FILTERS_PER_GROUP} filters each, ${MAX_FILTERS} filters in total.`,
      ),
    );
  }
  for (const filter of groups.flatMap((g) => g.filters)) checkFilter(filter);
  const offset = request.after === undefined || request.after === '' ? 0 : Number(request.after);
  if (!Number.isInteger(offset) || offset < 0) {
    throw new ApiError(
      400,
      validationError(`after must be a non-negative integer, got "${String(request.after)}"`),
    );
  }
  if (offset >= MAX_RESULTS) {
    throw new ApiError(
      400,
      validationError(
        `The search endpoints are limited to ${MAX_RESULTS} total results; cannot page beyond after=${offset}.`,
      ),
    );
  }
  return offset;
}

function checkFilter(filter: {
  propertyName: string;
  operator: string;
  value?: unknown;
  highValue?: unknown;
  values?: unknown[];
}): void {
  const needsValue = !['HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'IN', 'NOT_IN'].includes(filter.operator);
  const missing =
    (needsValue && filter.value === undefined) ||
    (filter.operator === 'BETWEEN' && filter.highValue === undefined) ||
    (['IN', 'NOT_IN'].includes(filter.operator) && !filter.values?.length);
  if (missing) {
    throw new ApiError(
      400,
      validationError(
        `Filter on ${filter.propertyName} with operator ${filter.operator} is missing its value(s).`,
      ),
    );
  }
}

function sortRecords(records: CrmRecord[], keys: SortKey[], typeOf: TypeOf): CrmRecord[] {
  if (keys.length === 0) return records;
  return [...records].sort((a, b) => {
    for (const key of keys) {
      const x = a.properties[key.propertyName];
      const y = b.properties[key.propertyName];
      if (x === undefined || y === undefined) {
        if (x !== y) return x === undefined ? 1 : -1; // records without a value come last
        continue;
      }
      const order = compareValues(x, y, typeOf(key.propertyName));
      if (order !== 0) return key.descending ? -order : order;
    }
    return Number(a.id) - Number(b.id);
  });
}
