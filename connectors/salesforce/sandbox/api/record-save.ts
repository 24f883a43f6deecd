import { INTEGRATION_USER_ID } from '../auth/token-authority.js';
import type { FieldValue, SObjectRecord } from '../data/field-types.js';
import type { OrgStore } from '../data/org-store.js';
import type { SObjectDef } from '../data/sobject-schema.js';
import { checkNewRecord, type CheckedRecord } from './record-validation.js';
import { saveError, type SaveResult } from './save-results.js';
import { checkSetupRules } from './setup-rules.js';

/**
 * Validates and inserts one record (the type from `attributes`, or the URL's for a single create): defaults
 * for what was not sent (OwnerId is the session's user, as when the integration user saves), then the record.
 */
export function insertOne(store: OrgStore, input: unknown, pathType?: SObjectDef): SaveResult {
  const checked = checkNewRecord(input, store, pathType);
  const sobject = checked.sobject;
  if (!sobject || checked.errors.length > 0) return { success: false, errors: checked.errors };
  if (sobject.createable === false) {
    return {
      success: false,
      errors: [
        saveError('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', `${sobject.name} records cannot be created here`),
      ],
    };
  }
  const fields = withDefaults(sobject, checked.fields);
  const errors = checkSetupRules(sobject, fields, store);
  if (errors.length > 0) return { success: false, errors };
  const created = store.create(sobject.name, fields);
  return { id: created.Id as string, success: true, errors: [] };
}

/** Rules that look at the whole record (setup objects), for a checked update of one record. */
export function checkUpdateRules(store: OrgStore, checked: CheckedRecord): CheckedRecord {
  if (!checked.id || checked.errors.length > 0) return checked;
  const current = store.get(checked.id);
  const sobject = store.schema.forId(checked.id);
  if (!current || !sobject) return checked;
  const errors = checkSetupRules(sobject, { ...current, ...checked.fields }, store, checked.id);
  return { ...checked, errors };
}

function withDefaults(sobject: SObjectDef, fields: Record<string, FieldValue>): SObjectRecord {
  const record: SObjectRecord = {};
  for (const field of sobject.fields) {
    if (field.defaultValue !== undefined) record[field.name] = field.defaultValue;
    if (field.name === 'OwnerId') record.OwnerId = INTEGRATION_USER_ID;
  }
  for (const [name, value] of Object.entries(fields)) if (value !== null) record[name] = value;
  if (sobject.name === 'Task') record.IsClosed = record.Status === 'Completed';
  return record;
}
