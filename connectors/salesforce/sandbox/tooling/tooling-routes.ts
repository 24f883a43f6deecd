import type { ApiRoute } from '../api/handler-types.js';
import { createCustomField, getCustomField, updateCustomField } from './custom-field-api.js';
import { toolingQuery } from './tooling-query.js';

const CUSTOM_FIELD = '/services/data/{version}/tooling/sobjects/CustomField';

/** The Tooling API subset `leadscore setup salesforce` uses: CustomField create, read, update, and query. */
export const TOOLING_ROUTES: ApiRoute[] = [
  { method: 'GET', template: '/services/data/{version}/tooling/query', handler: toolingQuery, api: true },
  { method: 'POST', template: CUSTOM_FIELD, handler: createCustomField, api: true },
  { method: 'GET', template: `${CUSTOM_FIELD}/{id}`, handler: getCustomField, api: true },
  { method: 'PATCH', template: `${CUSTOM_FIELD}/{id}`, handler: updateCustomField, api: true },
];
