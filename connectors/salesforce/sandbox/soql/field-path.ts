import type { FieldDef, FieldValue, SObjectRecord } from '../data/field-types.js';
import type { OrgStore } from '../data/org-store.js';
import type { OrgSchema } from '../data/org-schema.js';
import { findField, findRelationship, type SObjectDef } from '../data/sobject-schema.js';
import { badRelationship, noSuchColumn } from '../http/error-bodies.js';
import { invalidField } from './query-error.js';

/** A resolved `Field` or `Parent.Field` (any depth): the hops to follow, and the field at the end. */
export interface FieldPath {
  /** Canonical relationship names and the id fields behind them, e.g. `{ name: 'Owner', idField: 'OwnerId' }`. */
  hops: { name: string; idField: string }[];
  /** The final field's definition (on the first possible target type, for polymorphic lookups like `Who`). */
  field: FieldDef;
}

/** Resolves a dotted path against an object, throwing INVALID_FIELD as Salesforce does. */
export function resolvePath(schema: OrgSchema, root: SObjectDef, dotted: string): FieldPath {
  const parts = dotted.split('.');
  const last = parts.pop() ?? '';
  let candidates: SObjectDef[] = [root];
  const hops: FieldPath['hops'] = [];
  for (const part of parts) {
    const rel = candidates.map((c) => findRelationship(c, part)).find((r) => r !== undefined);
    if (!rel?.relationshipName) throw invalidField(badRelationship(part));
    hops.push({ name: rel.relationshipName, idField: rel.name });
    candidates = (rel.referenceTo ?? []).map((t) => schema.find(t)).filter((s): s is SObjectDef => !!s);
  }
  const field = candidates.map((c) => findField(c, last)).find((d) => d !== undefined);
  if (!field) throw invalidField(noSuchColumn(last, candidates[0]?.name ?? root.name));
  return { hops, field };
}

/** The parent record at the end of the hops, or null when a lookup on the way is empty. */
export function followHops(
  store: OrgStore,
  record: SObjectRecord,
  hops: FieldPath['hops'],
): SObjectRecord | null {
  let current: SObjectRecord | undefined = record;
  for (const hop of hops) {
    const id: FieldValue | undefined = current[hop.idField];
    current = typeof id === 'string' ? store.get(id) : undefined;
    if (!current) return null;
  }
  return current;
}

/** The value at the end of a path (null when a parent is missing or the field is absent there). */
export function readPath(store: OrgStore, record: SObjectRecord, path: FieldPath): FieldValue {
  const target = followHops(store, record, path.hops);
  if (!target) return null;
  const type = typeof target.Id === 'string' ? store.schema.forId(target.Id) : undefined;
  const name = type ? (findField(type, path.field.name)?.name ?? path.field.name) : path.field.name;
  return target[name] ?? null;
}
