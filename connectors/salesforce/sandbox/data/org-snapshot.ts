import { z } from 'zod';
import type { SnapshotKind } from '../../../sandbox-kit/snapshot-file.js';
import type { FieldDef, SObjectDef, SObjectRecord } from './field-types.js';
import { OrgSchema } from './org-schema.js';
import { OrgStore } from './org-store.js';
import { SOBJECTS } from './sobject-schema.js';

const FIELD_TYPES = [
  'id',
  'string',
  'email',
  'phone',
  'textarea',
  'picklist',
  'boolean',
  'int',
  'double',
  'date',
  'datetime',
  'reference',
] as const;

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const fieldDefSchema = z
  .object({
    name: z.string().min(1),
    label: z.string(),
    type: z.enum(FIELD_TYPES),
    updateable: z.boolean(),
    createable: z.boolean(),
    nillable: z.boolean(),
    defaultValue: fieldValue.optional(),
    picklistValues: z.array(z.string()).optional(),
    restrictedPicklist: z.boolean().optional(),
    custom: z.boolean().optional(),
    length: z.number().optional(),
    precision: z.number().optional(),
    scale: z.number().optional(),
    referenceTo: z.array(z.string()).optional(),
    relationshipName: z.string().optional(),
  })
  .loose();

const sobjectSchema = z.object({
  name: z.string().min(1),
  label: z.string(),
  labelPlural: z.string(),
  keyPrefix: z.string().length(3),
  fields: z.array(fieldDefSchema),
  createable: z.boolean().optional(),
  tooling: z.boolean().optional(),
});

/** Version 1: the org's object definitions (custom fields included) and every record by object. */
export const orgSnapshotSchema = z
  .object({
    format: z.literal('leadscore-salesforce-sandbox'),
    version: z.literal(1),
    savedAt: z.string(),
    sobjects: z.array(sobjectSchema).min(1),
    records: z.record(z.string(), z.array(z.record(z.string(), fieldValue))),
  })
  .strict();
export type OrgSnapshot = z.infer<typeof orgSnapshotSchema>;

export const SALESFORCE_SNAPSHOT: SnapshotKind<OrgSnapshot> = {
  schema: orgSnapshotSchema,
  description: 'a Salesforce sandbox snapshot (version 1)',
  fresh: 'org',
};

export function snapshotOf(store: OrgStore, now: Date): OrgSnapshot {
  const sobjects = store.schema.all();
  return {
    format: 'leadscore-salesforce-sandbox',
    version: 1,
    savedAt: now.toISOString(),
    sobjects: sobjects.map((s) => structuredClone(s) as OrgSnapshot['sobjects'][number]),
    records: Object.fromEntries(sobjects.map((s) => [s.name, store.list(s.name)])),
  };
}

/**
 * The org as saved: its schema (with the custom fields setup created) and its records. Objects the sandbox
 * has gained since the snapshot was saved (EmailMessage) are added, empty, as a real org has them too.
 */
export function restoreOrg(snapshot: OrgSnapshot, now: () => Date): OrgStore {
  const definitions = snapshot.sobjects.map((s): SObjectDef => ({
    ...s,
    fields: s.fields as unknown as FieldDef[],
  }));
  const saved = new Set(definitions.map((s) => s.name.toLowerCase()));
  const gained = SOBJECTS.filter((s) => !saved.has(s.name.toLowerCase()));
  const store = new OrgStore(now, new OrgSchema([...definitions, ...gained]));
  for (const [type, records] of Object.entries(snapshot.records)) {
    for (const record of records) store.insert(type, record as SObjectRecord);
  }
  return store;
}
