import { readContactAssociations } from './associations-api.js';
import { batchReadContacts } from './contacts-batch-read.js';
import { batchUpdateContacts } from './contacts-batch-update.js';
import { listContacts } from './contacts-list.js';
import { searchContacts } from './contacts-search.js';
import { batchReadEngagements } from './engagements-api.js';
import type { ApiRoute } from './handler-types.js';
import { issueToken } from './oauth-api.js';
import { createProperty, getProperty, listProperties, updateProperty } from './properties-api.js';
import { createGroup, listGroups } from './property-groups-api.js';
import { createTask } from './tasks-api.js';
import { batchCreateTasks } from './tasks-batch-create.js';
import { enrollContact } from './workflows-api.js';

/** The HubSpot API subset leadscore uses; templates double as the keys of the call counts. */
export const ROUTES: ApiRoute[] = [
  { method: 'POST', template: '/oauth/v1/token', handler: issueToken, auth: false },
  { method: 'GET', template: '/crm/v3/objects/contacts', handler: listContacts, auth: true },
  {
    method: 'POST',
    template: '/crm/v3/objects/contacts/search',
    handler: searchContacts,
    auth: true,
    search: true,
  },
  { method: 'POST', template: '/crm/v3/objects/contacts/batch/read', handler: batchReadContacts, auth: true },
  {
    method: 'POST',
    template: '/crm/v3/objects/contacts/batch/update',
    handler: batchUpdateContacts,
    auth: true,
  },
  { method: 'GET', template: '/crm/v3/properties/contacts', handler: listProperties, auth: true },
  { method: 'POST', template: '/crm/v3/properties/contacts', handler: createProperty, auth: true },
  { method: 'GET', template: '/crm/v3/properties/contacts/groups', handler: listGroups, auth: true },
  { method: 'POST', template: '/crm/v3/properties/contacts/groups', handler: createGroup, auth: true },
  { method: 'GET', template: '/crm/v3/properties/contacts/{propertyName}', handler: getProperty, auth: true },
  {
    method: 'PATCH',
    template: '/crm/v3/properties/contacts/{propertyName}',
    handler: updateProperty,
    auth: true,
  },
  {
    method: 'POST',
    template: '/crm/v4/associations/contacts/{toObjectType}/batch/read',
    handler: readContactAssociations,
    auth: true,
  },
  {
    method: 'POST',
    template: '/crm/v3/objects/{objectType}/batch/read',
    handler: batchReadEngagements,
    auth: true,
  },
  { method: 'POST', template: '/crm/v3/objects/tasks', handler: createTask, auth: true },
  {
    method: 'POST',
    template: '/crm/v3/objects/tasks/batch/create',
    handler: batchCreateTasks,
    auth: true,
  },
  {
    method: 'POST',
    template: '/automation/v2/workflows/{workflowId}/enrollments/contacts/{email}',
    handler: enrollContact,
    auth: true,
  },
];
