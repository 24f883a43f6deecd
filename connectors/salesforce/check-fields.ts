import type { DescribeSObjectResult } from 'jsforce';
import type { SalesforceApi } from './salesforce-api.js';

/** The fields a read or write of `object` uses: plain names, or paths through lookups (`Account.Industry`). */
export interface FieldUse {
  object: string;
  fields: readonly string[];
}

/**
 * What is missing from the org for these uses, one line per object, e.g. `Lead has no field State, City`
 * or `Contact has no relationship Account`; empty when everything exists. Each object is described once,
 * and so is every parent a path goes through (its lookup's first referenceTo).
 */
export async function missingFields(api: SalesforceApi, uses: readonly FieldUse[]): Promise<string[]> {
  const describes = new Map<string, Promise<DescribeSObjectResult>>();
  const describe = (object: string): Promise<DescribeSObjectResult> => {
    const key = object.toLowerCase();
    let pending = describes.get(key);
    if (!pending) {
      pending = api.call(`GET /sobjects/${object}/describe`, (conn) => conn.sobject(object).describe());
      describes.set(key, pending);
    }
    return pending;
  };

  const missing = new Map<string, { fields: Set<string>; relationships: Set<string> }>();
  const note = (object: string, kind: 'fields' | 'relationships', name: string): void => {
    const entry = missing.get(object) ?? { fields: new Set<string>(), relationships: new Set<string>() };
    entry[kind].add(name);
    missing.set(object, entry);
  };
  await Promise.all(uses.map((use) => describe(use.object)));
  for (const use of uses) {
    for (const path of use.fields) {
      const parts = path.split('.');
      const field = parts.pop()!;
      let object = use.object;
      let found = true;
      for (const relationship of parts) {
        const lookup = (await describe(object)).fields.find(
          (f) => f.relationshipName?.toLowerCase() === relationship.toLowerCase(),
        );
        const parent = lookup?.referenceTo?.[0];
        if (!parent) {
          note(object, 'relationships', relationship);
          found = false;
          break;
        }
        object = parent;
      }
      if (!found) continue;
      const known = (await describe(object)).fields.some((f) => f.name.toLowerCase() === field.toLowerCase());
      if (!known) note(object, 'fields', field);
    }
  }
  return [...missing].map(([object, { fields, relationships }]) =>
    [
      fields.size > 0 ? `${object} has no field ${[...fields].join(', ')}` : '',
      relationships.size > 0 ? `${object} has no relationship ${[...relationships].join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; '),
  );
}
