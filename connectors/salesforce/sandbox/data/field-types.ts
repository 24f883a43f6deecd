/** Describe field types the sandbox uses (a subset of Salesforce's `type` values in describe results). */
export type FieldType =
  | 'id'
  | 'string'
  | 'email'
  | 'phone'
  | 'textarea'
  | 'picklist'
  | 'boolean'
  | 'int'
  | 'double'
  | 'date'
  | 'datetime'
  | 'reference';

export type FieldValue = string | number | boolean | null;
/** A stored record: field values by their canonical API name (`Id` always present). */
export type SObjectRecord = Record<string, FieldValue>;

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  updateable: boolean;
  /** Settable on insert; same as `updateable` unless said otherwise (lookups like CampaignMember.LeadId). */
  createable: boolean;
  nillable: boolean;
  /** A value the org fills in on insert when none is sent (`defaultedOnCreate` in describe). */
  defaultValue?: FieldValue;
  picklistValues?: readonly string[];
  /** Values outside `picklistValues` are refused (INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST). */
  restrictedPicklist?: boolean;
  /** Custom fields (`__c`) created through the Tooling API. */
  custom?: boolean;
  /** Maximum text length; describe's default for the type when absent. */
  length?: number;
  precision?: number;
  scale?: number;
  /** For references: the object types the id may point to, and the name used in SOQL paths (`Owner.Name`). */
  referenceTo?: readonly string[];
  relationshipName?: string;
}

export interface SObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  fields: readonly FieldDef[];
  /** False for objects the API does not insert (User in this sandbox). */
  createable?: boolean;
  /** Tooling API objects (CustomField): only under `/tooling/`, never in the data API. */
  tooling?: boolean;
}

/** Shorthand for field definitions: `f('Email', 'email')`, `f('Status', 'picklist', { picklistValues })`. */
export function f(name: string, type: FieldType, extra: Partial<FieldDef> = {}): FieldDef {
  const readOnly = type === 'id' || ['CreatedDate', 'LastModifiedDate', 'SystemModstamp'].includes(name);
  const updateable = extra.updateable ?? !readOnly;
  return {
    name,
    label: extra.label ?? name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/ Id$/, ' ID'),
    type,
    updateable,
    nillable: type !== 'id' && type !== 'boolean',
    ...(type === 'boolean' ? { defaultValue: false } : {}),
    ...extra,
    createable: extra.createable ?? updateable,
  };
}

/** Date fields as Salesforce writes them: `2024-05-01`; datetimes as `2024-05-01T10:00:00.000+0000`. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Milliseconds of a stored date or datetime value (both formats above), or undefined. */
export function parseTemporal(value: FieldValue): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value.replace(/\+0000$/, 'Z'));
  return Number.isNaN(ms) ? undefined : ms;
}
