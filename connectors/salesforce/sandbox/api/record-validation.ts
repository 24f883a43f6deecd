import type { FieldDef, FieldValue } from '../data/field-types.js';
import type { OrgStore } from '../data/org-store.js';
import { findField, findSObject, type SObjectDef } from '../data/sobject-schema.js';
import { unsupportedType } from '../http/error-bodies.js';
import { isWellFormedId, normalizeId } from '../ids.js';
import { saveError, type SaveError } from './save-results.js';

export interface CheckedRecord {
  id?: string;
  fields: Record<string, FieldValue>;
  errors: SaveError[];
}

/** Checks one record of an update: type, id, and every field (exists, is updateable, has the right JSON type). */
export function checkRecord(input: unknown, store: OrgStore): CheckedRecord {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { fields: {}, errors: [saveError('JSON_PARSER_ERROR', 'Each record must be a JSON object')] };
  }
  const { attributes, ...rest } = input as Record<string, unknown>;
  const typeName = (attributes as { type?: unknown } | undefined)?.type;
  if (typeof typeName !== 'string') {
    return { fields: {}, errors: [saveError('INVALID_TYPE', 'Must send a concrete entity type.')] };
  }
  const sobject = findSObject(typeName);
  if (!sobject) return { fields: {}, errors: [saveError('INVALID_TYPE', unsupportedType(typeName))] };

  const idKey = Object.keys(rest).find((k) => k.toLowerCase() === 'id');
  const rawId = idKey ? rest[idKey] : undefined;
  if (idKey) delete rest[idKey];
  const idCheck = checkId(rawId, sobject, store);
  const fields: Record<string, FieldValue> = {};
  const errors: SaveError[] = idCheck.error ? [idCheck.error] : [];
  for (const [name, value] of Object.entries(rest)) {
    const field = findField(sobject, name);
    const problem = checkField(field, name, value, sobject);
    if (problem) errors.push(problem);
    else if (field) fields[field.name] = value as FieldValue;
  }
  return { id: idCheck.id, fields, errors };
}

function checkId(raw: unknown, sobject: SObjectDef, store: OrgStore): { id?: string; error?: SaveError } {
  if (raw === undefined || raw === null || raw === '') {
    return { error: saveError('MISSING_ARGUMENT', 'Id not specified in an update call') };
  }
  if (!isWellFormedId(raw))
    return { error: saveError('MALFORMED_ID', `malformed id ${String(raw)}`, ['Id']) };
  const id = normalizeId(raw);
  if (!id.startsWith(sobject.keyPrefix)) {
    return {
      id,
      error: saveError('MALFORMED_ID', `${sobject.name} ID: id value of incorrect type: ${id}`, ['Id']),
    };
  }
  if (!store.get(id)) return { id, error: saveError('ENTITY_IS_DELETED', 'entity is deleted') };
  return { id };
}

function checkField(field: FieldDef | undefined, name: string, value: unknown, sobject: SObjectDef) {
  if (!field)
    return saveError('INVALID_FIELD', `No such column '${name}' on sobject of type ${sobject.name}`);
  if (!field.updateable) {
    return saveError(
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      [field.name],
    );
  }
  if (value === null) {
    return field.nillable
      ? undefined
      : saveError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${field.name}]`, [field.name]);
  }
  const want =
    field.type === 'boolean'
      ? 'boolean'
      : field.type === 'int' || field.type === 'double'
        ? 'number'
        : 'string';
  if (typeof value !== want || (field.type === 'int' && !Number.isInteger(value))) {
    return saveError(
      'INVALID_TYPE_ON_FIELD_IN_RECORD',
      `${field.label}: value not of required type: ${JSON.stringify(value)}`,
      [field.name],
    );
  }
  return undefined;
}
