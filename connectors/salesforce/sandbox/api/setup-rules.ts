import type { FieldValue, SObjectRecord } from '../data/field-types.js';
import type { OrgStore } from '../data/org-store.js';
import { findField, type SObjectDef } from '../data/sobject-schema.js';
import { saveError, type SaveError } from './save-results.js';

/** How Salesforce words a unique-index violation on setup objects (it does not name the other record). */
const DUPLICATE = saveError(
  'DUPLICATE_VALUE',
  'duplicate value found: <unknown> duplicates value on record with id: <unknown>',
);

const same = (a: FieldValue | undefined, b: FieldValue | undefined) =>
  typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;

/**
 * What the setup objects check beyond field types: a permission set's API name is unique; a field
 * permission names an existing field of its object, once per permission set, and Edit needs Read; a user
 * is assigned a permission set once. `record` is the record as it would be saved; `selfId` excludes it.
 */
export function checkSetupRules(
  sobject: SObjectDef,
  record: SObjectRecord,
  store: OrgStore,
  selfId?: string,
): SaveError[] {
  const others = () => store.rows(sobject.name).filter((row) => row.Id !== selfId);
  switch (sobject.name) {
    case 'PermissionSet':
      return others().some((row) => same(row.Name, record.Name))
        ? [
            saveError('DUPLICATE_DEVELOPER_NAME', `The API name ${String(record.Name)} is already in use`, [
              'Name',
            ]),
          ]
        : [];
    case 'FieldPermissions':
      return checkFieldPermission(record, store, others);
    case 'PermissionSetAssignment':
      return others().some(
        (row) => same(row.AssigneeId, record.AssigneeId) && same(row.PermissionSetId, record.PermissionSetId),
      )
        ? [DUPLICATE]
        : [];
    default:
      return [];
  }
}

function checkFieldPermission(
  record: SObjectRecord,
  store: OrgStore,
  others: () => SObjectRecord[],
): SaveError[] {
  const type = typeof record.SobjectType === 'string' ? store.schema.find(record.SobjectType) : undefined;
  if (!type || type.tooling) {
    return [picklistError('Entity', 'SobjectType', record.SobjectType)];
  }
  const [prefix, name = ''] = String(record.Field).split('.');
  const field = prefix?.toLowerCase() === type.name.toLowerCase() ? findField(type, name) : undefined;
  // Only fields that may be hidden get field permissions: custom fields and nillable standard ones.
  if (!field || field.type === 'id' || (!field.custom && !field.nillable)) {
    return [picklistError('Field Name', 'Field', record.Field)];
  }
  if (record.PermissionsEdit === true && record.PermissionsRead !== true) {
    return [
      saveError('FIELD_INTEGRITY_EXCEPTION', 'Permission Read is required when Edit is enabled', [
        'PermissionsRead',
      ]),
    ];
  }
  return others().some((row) => same(row.ParentId, record.ParentId) && same(row.Field, record.Field))
    ? [DUPLICATE]
    : [];
}

function picklistError(label: string, field: string, value: FieldValue | undefined): SaveError {
  return saveError(
    'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    `${label}: bad value for restricted picklist field: ${String(value)}`,
    [field],
  );
}
