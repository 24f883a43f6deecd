import { updateCollection } from './collections-update.js';
import { describeSObject } from './describe-api.js';
import type { ApiRoute } from './handler-types.js';
import { issueToken } from './oauth-api.js';
import { query, queryMore } from './query-api.js';

/** The Salesforce API subset leadscore uses; templates double as the keys of the call counts. */
export const ROUTES: ApiRoute[] = [
  { method: 'POST', template: '/services/oauth2/token', handler: issueToken, api: false },
  { method: 'GET', template: '/services/data/{version}/query', handler: query, api: true },
  { method: 'GET', template: '/services/data/{version}/query/{locator}', handler: queryMore, api: true },
  {
    method: 'PATCH',
    template: '/services/data/{version}/composite/sobjects',
    handler: updateCollection,
    api: true,
  },
  {
    method: 'GET',
    template: '/services/data/{version}/sobjects/{sobject}/describe',
    handler: describeSObject,
    api: true,
  },
];
