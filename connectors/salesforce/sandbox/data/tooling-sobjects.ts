import { KEY_PREFIXES } from '../ids.js';
import { f, type SObjectDef } from './field-types.js';

const READ_ONLY = { updateable: false, createable: false } as const;

/**
 * The Tooling API's CustomField, as its rows are queried: `DeveloperName` without `__c`, `TableEnumOrId` the
 * object name (for standard objects), `FullName` as `Lead.LeadScore_Score__c` (Salesforce allows it in a
 * query of one row at most). `Metadata` is read and written through the tooling sObject endpoints only.
 */
const CUSTOM_FIELD: SObjectDef = {
  name: 'CustomField',
  label: 'Custom Field Definition',
  labelPlural: 'Custom Field Definitions',
  keyPrefix: KEY_PREFIXES.CustomField,
  tooling: true,
  fields: [
    f('Id', 'id'),
    f('DeveloperName', 'string', READ_ONLY),
    f('TableEnumOrId', 'string', READ_ONLY),
    f('NamespacePrefix', 'string', READ_ONLY),
    f('Description', 'string', READ_ONLY),
    f('FullName', 'string', READ_ONLY),
    f('CreatedDate', 'datetime'),
    f('LastModifiedDate', 'datetime'),
    f('SystemModstamp', 'datetime'),
  ],
};

export const TOOLING_SOBJECTS: readonly SObjectDef[] = [CUSTOM_FIELD];
