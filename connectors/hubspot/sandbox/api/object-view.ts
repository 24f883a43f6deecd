import type { CrmRecord } from '../data/records.js';

/**
 * Returned when no `properties` are asked for: "For contacts, a search will return createdate, email, firstname,
 * hs_object_id, lastmodifieddate, and lastname" (https://developers.hubspot.com/docs/api-reference/2026-03/crm/search-the-crm).
 */
export const DEFAULT_CONTACT_PROPERTIES = [
  'createdate',
  'email',
  'firstname',
  'hs_object_id',
  'lastmodifieddate',
  'lastname',
];

export interface ViewShape {
  /** Returned when no properties are asked for. */
  defaults: readonly string[];
  /** Returned whatever was asked for. */
  always: readonly string[];
}

export const CONTACT_SHAPE: ViewShape = {
  defaults: DEFAULT_CONTACT_PROPERTIES,
  always: ['createdate', 'hs_object_id', 'lastmodifieddate'],
};

export interface ApiObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  propertiesWithHistory?: Record<string, { value: string; timestamp: string; sourceType: string }[]>;
}

/** `properties` query parameters: repeated (as the SDK sends them) or comma separated (as the docs show). */
export function requestedProperties(query: URLSearchParams, name = 'properties'): string[] | undefined {
  const names = query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return names.length > 0 ? names : undefined;
}

/**
 * A record as SimplePublicObject. Asked-for properties the portal does not have are left out; known ones
 * without a value come back as null.
 */
export function objectView(
  record: CrmRecord,
  requested: readonly string[] | undefined,
  exists: (name: string) => boolean,
  shape: ViewShape = CONTACT_SHAPE,
): ApiObject {
  const names = requested && requested.length > 0 ? [...requested, ...shape.always] : shape.defaults;
  const properties: Record<string, string | null> = {};
  for (const name of names) {
    if (name in properties) continue;
    const value = record.properties[name];
    if (value !== undefined) properties[name] = value;
    else if (exists(name)) properties[name] = null;
  }
  return {
    id: record.id,
    properties,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    archived: record.archived,
  };
}
