import { KEY_PREFIXES } from '../ids.js';
import { f, type SObjectDef } from './field-types.js';

/** Set on insert, never changed after (Salesforce: Create but not Update in the object reference). */
const INSERT_ONLY = { updateable: false, createable: true } as const;

/** PermissionSet: `Name` is the API name (unique), `Label` what Setup shows. */
const PERMISSION_SET: SObjectDef = {
  name: 'PermissionSet',
  label: 'Permission Set',
  labelPlural: 'Permission Sets',
  keyPrefix: KEY_PREFIXES.PermissionSet,
  fields: [
    f('Id', 'id'),
    f('Name', 'string', { nillable: false, length: 80 }),
    f('Label', 'string', { nillable: false, length: 80 }),
    f('Description', 'string'),
    f('IsOwnedByProfile', 'boolean', { updateable: false }),
    f('NamespacePrefix', 'string', { updateable: false }),
    f('CreatedDate', 'datetime'),
    f('LastModifiedDate', 'datetime'),
    f('SystemModstamp', 'datetime'),
  ],
};

/** Field-level security a permission set grants: `Field` is `Object.Field__c`, `SobjectType` the object. */
const FIELD_PERMISSIONS: SObjectDef = {
  name: 'FieldPermissions',
  label: 'Field Permissions',
  labelPlural: 'Field Permissions',
  keyPrefix: KEY_PREFIXES.FieldPermissions,
  fields: [
    f('Id', 'id'),
    f('ParentId', 'reference', {
      referenceTo: ['PermissionSet'],
      relationshipName: 'Parent',
      nillable: false,
      ...INSERT_ONLY,
    }),
    f('SobjectType', 'string', { nillable: false, length: 40, ...INSERT_ONLY }),
    f('Field', 'string', { nillable: false, length: 80, ...INSERT_ONLY }),
    f('PermissionsRead', 'boolean'),
    f('PermissionsEdit', 'boolean'),
    f('SystemModstamp', 'datetime'),
  ],
};

const PERMISSION_SET_ASSIGNMENT: SObjectDef = {
  name: 'PermissionSetAssignment',
  label: 'Permission Set Assignment',
  labelPlural: 'Permission Set Assignments',
  keyPrefix: KEY_PREFIXES.PermissionSetAssignment,
  fields: [
    f('Id', 'id'),
    f('AssigneeId', 'reference', {
      referenceTo: ['User'],
      relationshipName: 'Assignee',
      nillable: false,
      ...INSERT_ONLY,
    }),
    f('PermissionSetId', 'reference', {
      referenceTo: ['PermissionSet'],
      relationshipName: 'PermissionSet',
      nillable: false,
      ...INSERT_ONLY,
    }),
    f('SystemModstamp', 'datetime'),
  ],
};

/** The setup objects `leadscore setup salesforce` writes: a permission set, its field permissions, its assignment. */
export const SETUP_SOBJECTS: readonly SObjectDef[] = [
  PERMISSION_SET,
  FIELD_PERMISSIONS,
  PERMISSION_SET_ASSIGNMENT,
];
