import { formatDateTime, parseTemporal, type FieldDef, type FieldValue } from '../data/field-types.js';
import type { OrgStore } from '../data/org-store.js';
import { findField, type SObjectDef } from '../data/sobject-schema.js';
import { unsupportedType } from '../http/error-bodies.js';
import { isWellFormedId, normalizeId } from '../ids.js';
import { saveError, type SaveError } from './save-results.js';

export interface CheckedRecord {
  id?: string;
  fields: Record<string, FieldValue>;
  errors: SaveError[];
}

export interface CheckedNewRecord {
  sobject?: SObjectDef;
  fields: Record<string, FieldValue>;
  errors: SaveError[];
}

type Mode = 'create' | 'update';
type Typed = { sobject: SObjectDef; rest: Record<string, unknown> } | { error: SaveError };

/** Checks one record of an update: type, id, and every field (exists, is updateable, has the right JSON type). */
export function checkRecord(input: unknown, store: OrgStore): CheckedRecord {
  const typed = typedRecord(input, store);
  if ('error' in typed) return { fields: {}, errors: [typed.error] };
  const { sobject, rest } = typed;
  const idKey = Object.keys(rest).find((k) => k.toLowerCase() === 'id');
  const rawId = idKey ? rest[idKey] : undefined;
  if (idKey) delete rest[idKey];
  const idCheck = checkId(rawId, sobject, store);
  const checked = checkFields(sobject, rest, 'update', store);
  return { id: idCheck.id, fields: checked.fields, errors: [...(idCheck.error ?? []), ...checked.errors] };
}

/**
 * Checks one record of an insert: the type (from `attributes`, or the URL for a single create), no Id, every
 * field createable with the right JSON type, and every required field present.
 */
export function checkNewRecord(input: unknown, store: OrgStore, pathType?: SObjectDef): CheckedNewRecord {
  const typed = pathType ? untypedRecord(input, pathType) : typedRecord(input, store);
  if ('error' in typed) return { fields: {}, errors: [typed.error] };
  const { sobject, rest } = typed;
  const idKey = Object.keys(rest).find((k) => k.toLowerCase() === 'id');
  if (idKey) {
    return {
      sobject,
      fields: {},
      errors: [saveError('INVALID_FIELD', 'cannot specify Id in an insert call', ['Id'])],
    };
  }
  const checked = checkFields(sobject, rest, 'create', store);
  const missing = sobject.fields
    .filter((field) => field.createable && !field.nillable && field.defaultValue === undefined)
    .filter((field) => field.name !== 'OwnerId' && (checked.fields[field.name] ?? null) === null)
    .map((field) => field.name);
  if (missing.length > 0) {
    checked.errors.push(
      saveError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing),
    );
  }
  return { sobject, ...checked };
}

/** Each field exists, may be written in this mode, and holds a value of its type; values come back normalized. */
function checkFields(sobject: SObjectDef, input: Record<string, unknown>, mode: Mode, store: OrgStore) {
  const fields: Record<string, FieldValue> = {};
  const errors: SaveError[] = [];
  for (const [name, value] of Object.entries(input)) {
    const field = findField(sobject, name);
    const problem = checkField(field, name, value, sobject, mode, store);
    if (problem) errors.push(problem);
    else if (field) fields[field.name] = normalize(field, value as FieldValue);
  }
  return { fields, errors };
}

function typedRecord(input: unknown, store: OrgStore): Typed {
  if (!isObject(input)) return { error: saveError('JSON_PARSER_ERROR', 'Each record must be a JSON object') };
  const { attributes, ...rest } = input;
  const typeName = (attributes as { type?: unknown } | undefined)?.type;
  if (typeof typeName !== 'string')
    return { error: saveError('INVALID_TYPE', 'Must send a concrete entity type.') };
  const sobject = store.schema.find(typeName);
  if (!sobject || sobject.tooling) return { error: saveError('INVALID_TYPE', unsupportedType(typeName)) };
  return { sobject, rest };
}

function untypedRecord(input: unknown, sobject: SObjectDef): Typed {
  if (!isObject(input))
    return { error: saveError('JSON_PARSER_ERROR', 'The request body must be a JSON object') };
  const rest = { ...input };
  delete rest.attributes;
  return { sobject, rest };
}

function isObject(input: unknown): input is Record<string, unknown> {
  return !!input && typeof input === 'object' && !Array.isArray(input);
}

function checkId(raw: unknown, sobject: SObjectDef, store: OrgStore): { id?: string; error?: SaveError[] } {
  if (raw === undefined || raw === null || raw === '') {
    return { error: [saveError('MISSING_ARGUMENT', 'Id not specified in an update call')] };
  }
  if (!isWellFormedId(raw))
    return { error: [saveError('MALFORMED_ID', `malformed id ${String(raw)}`, ['Id'])] };
  const id = normalizeId(raw);
  if (!id.startsWith(sobject.keyPrefix)) {
    return {
      id,
      error: [saveError('MALFORMED_ID', `${sobject.name} ID: id value of incorrect type: ${id}`, ['Id'])],
    };
  }
  if (!store.get(id)) return { id, error: [saveError('ENTITY_IS_DELETED', 'entity is deleted')] };
  return { id };
}

function checkField(
  field: FieldDef | undefined,
  name: string,
  value: unknown,
  sobject: SObjectDef,
  mode: Mode,
  store: OrgStore,
): SaveError | undefined {
  if (!field)
    return saveError('INVALID_FIELD', `No such column '${name}' on sobject of type ${sobject.name}`);
  if (!(mode === 'create' ? field.createable : field.updateable)) {
    return saveError(
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      [field.name],
    );
  }
  if (value === null) {
    // On insert a null required field is reported with the other missing ones.
    return field.nillable || mode === 'create'
      ? undefined
      : saveError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${field.name}]`, [field.name]);
  }
  const want =
    field.type === 'boolean'
      ? 'boolean'
      : field.type === 'int' || field.type === 'double'
        ? 'number'
        : 'string';
  const badTemporal =
    (field.type === 'datetime' || field.type === 'date') && parseTemporal(value as FieldValue) === undefined;
  if (typeof value !== want || (field.type === 'int' && !Number.isInteger(value)) || badTemporal) {
    return saveError(
      'INVALID_TYPE_ON_FIELD_IN_RECORD',
      `${field.label}: value not of required type: ${JSON.stringify(value)}`,
      [field.name],
    );
  }
  if (field.type === 'reference') return checkReference(field, value as string, store);
  if (field.restrictedPicklist && !(field.picklistValues ?? []).includes(value as string)) {
    return saveError(
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      `${field.label}: bad value for restricted picklist field: ${String(value)}`,
      [field.name],
    );
  }
  if (field.length !== undefined && typeof value === 'string' && value.length > field.length) {
    return saveError(
      'STRING_TOO_LONG',
      `${field.label}: data value too large: ${value.slice(0, 40)} (max length=${field.length})`,
      [field.name],
    );
  }
  return undefined;
}

/** A lookup takes a well-formed id of one of the types it refers to, of a record that exists. */
function checkReference(field: FieldDef, value: string, store: OrgStore): SaveError | undefined {
  const targets = (field.referenceTo ?? []).map((type) => store.schema.find(type)?.keyPrefix);
  if (!isWellFormedId(value) || !targets.some((prefix) => prefix && value.startsWith(prefix))) {
    return saveError('MALFORMED_ID', `${field.label}: id value of incorrect type: ${value}`, [field.name]);
  }
  if (!store.get(normalizeId(value))) {
    return saveError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [field.name]);
  }
  return undefined;
}

/** As Salesforce stores them: ids in 18-character form, datetimes as `…T10:00:00.000+0000`. */
function normalize(field: FieldDef, value: FieldValue): FieldValue {
  if (typeof value !== 'string') return value;
  if (field.type === 'reference') return normalizeId(value);
  if (field.type === 'datetime') return formatDateTime(parseTemporal(value) ?? 0);
  return value;
}
