import { BULK_INGEST_ROUTES } from './bulk-ingest-routes.js';
import { updateCollection } from './collections-update.js';
import { describeSObject } from './describe-api.js';
import { invokeFlow } from './flow-actions.js';
import type { ApiRoute } from './handler-types.js';
import { issueToken } from './oauth-api.js';
import { query, queryMore } from './query-api.js';
import { getRecord, updateRecord } from './record-access.js';
import { createCollection, createRecord } from './record-create.js';
import { versionResources } from './version-resources.js';
import { TOOLING_ROUTES } from '../tooling/tooling-routes.js';

/** The Salesforce API subset leadscore uses; templates double as the keys of the call counts. */
export const ROUTES: ApiRoute[] = [
  ...BULK_INGEST_ROUTES,
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
    method: 'POST',
    template: '/services/data/{version}/actions/custom/flow/{flowName}',
    handler: invokeFlow,
    api: true,
  },
  {
    method: 'GET',
    template: '/services/data/{version}/sobjects/{sobject}/describe',
    handler: describeSObject,
    api: true,
  },
  {
    method: 'POST',
    template: '/services/data/{version}/sobjects/{sobject}',
    handler: createRecord,
    api: true,
  },
  {
    method: 'POST',
    template: '/services/data/{version}/composite/sobjects',
    handler: createCollection,
    api: true,
  },
  {
    method: 'GET',
    template: '/services/data/{version}/sobjects/{sobject}/{id}',
    handler: getRecord,
    api: true,
  },
  {
    method: 'PATCH',
    template: '/services/data/{version}/sobjects/{sobject}/{id}',
    handler: updateRecord,
    api: true,
  },
  { method: 'GET', template: '/services/data/{version}', handler: versionResources, api: true },
  ...TOOLING_ROUTES,
];
