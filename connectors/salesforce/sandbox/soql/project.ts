import type { FieldValue, SObjectRecord } from '../data/field-types.js';
import type { OrgStore } from '../data/org-store.js';
import type { SObjectDef } from '../data/sobject-schema.js';
import { followHops, readPath, type FieldPath } from './field-path.js';

export interface QueryRecord {
  attributes: { type: string; url: string };
  [field: string]: FieldValue | QueryRecord | { type: string; url: string };
}

function attributes(type: string, id: FieldValue, apiVersion: string) {
  return { type, url: `/services/data/${apiVersion}/sobjects/${type}/${String(id)}` };
}

/** A query result row: `attributes`, then the selected fields in order, parents as nested objects or null. */
export function projectRecord(
  store: OrgStore,
  root: SObjectDef,
  row: SObjectRecord,
  paths: FieldPath[],
  apiVersion: string,
): QueryRecord {
  const out: QueryRecord = { attributes: attributes(root.name, row.Id ?? null, apiVersion) };
  for (const path of paths) {
    let target: QueryRecord = out;
    let parentMissing = false;
    for (let depth = 0; depth < path.hops.length; depth++) {
      const hop = path.hops[depth];
      if (!hop) break;
      const existing = target[hop.name];
      if (existing === null) {
        parentMissing = true;
        break;
      }
      if (existing === undefined) {
        const parent = followHops(store, row, path.hops.slice(0, depth + 1));
        if (!parent) {
          target[hop.name] = null;
          parentMissing = true;
          break;
        }
        const type = store.schema.forId(String(parent.Id))?.name ?? 'Name';
        target[hop.name] = { attributes: attributes(type, parent.Id ?? null, apiVersion) };
      }
      target = target[hop.name] as QueryRecord;
    }
    if (!parentMissing) target[path.field.name] = readPath(store, row, path);
  }
  return out;
}
