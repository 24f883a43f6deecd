import { KEY_PREFIXES } from '../ids.js';
import { f, type SObjectDef } from './field-types.js';
import { CONTACT_ROLES, OPPORTUNITY_STAGES } from './picklists.js';

const audit = () => [
  f('CreatedDate', 'datetime'),
  f('LastModifiedDate', 'datetime'),
  f('SystemModstamp', 'datetime'),
];

/** IsClosed and IsWon follow the stage in Salesforce (read-only); the seed sets them together. */
const OPPORTUNITY: SObjectDef = {
  name: 'Opportunity',
  label: 'Opportunity',
  labelPlural: 'Opportunities',
  keyPrefix: KEY_PREFIXES.Opportunity,
  fields: [
    f('Id', 'id'),
    f('Name', 'string', { nillable: false }),
    f('StageName', 'picklist', { picklistValues: OPPORTUNITY_STAGES, nillable: false }),
    f('IsClosed', 'boolean', { updateable: false }),
    f('IsWon', 'boolean', { updateable: false }),
    f('CloseDate', 'date', { nillable: false }),
    f('Amount', 'double'),
    f('AccountId', 'reference', {
      referenceTo: ['Account'],
      relationshipName: 'Account',
      label: 'Account ID',
    }),
    f('OwnerId', 'reference', { referenceTo: ['User'], relationshipName: 'Owner', label: 'Owner ID' }),
    ...audit(),
  ],
};

/** The role a Contact plays on an Opportunity; an Opportunity has at most one primary contact. */
const OPPORTUNITY_CONTACT_ROLE: SObjectDef = {
  name: 'OpportunityContactRole',
  label: 'Contact Role',
  labelPlural: 'Contact Roles',
  keyPrefix: KEY_PREFIXES.OpportunityContactRole,
  fields: [
    f('Id', 'id'),
    f('OpportunityId', 'reference', {
      referenceTo: ['Opportunity'],
      relationshipName: 'Opportunity',
      nillable: false,
      updateable: false,
      createable: true,
    }),
    f('ContactId', 'reference', { referenceTo: ['Contact'], relationshipName: 'Contact' }),
    f('Role', 'picklist', { picklistValues: CONTACT_ROLES }),
    f('IsPrimary', 'boolean'),
    ...audit(),
  ],
};

export const OPPORTUNITY_SOBJECTS: readonly SObjectDef[] = [OPPORTUNITY, OPPORTUNITY_CONTACT_ROLE];
