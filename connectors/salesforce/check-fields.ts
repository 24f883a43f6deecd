import type { DescribeSObjectResult } from 'jsforce';
import { ConnectorRequestError } from '../../src/connector/connector-errors.js';
import type { SalesforceApi } from './salesforce-api.js';

/** The fields a read or write of `object` uses: plain names, or paths through lookups (`Account.Industry`). */
export interface FieldUse {
  object: string;
  fields: readonly string[];
}

/**
 * What is missing from the org for these uses, one line per object, e.g. `Lead has no field State, City`,
 * `Contact has no relationship Account` or `EmailMessageRelation does not exist` (describe's NOT_FOUND: an
 * object the org lacks, such as EmailMessageRelation without Enhanced Email, or one the user cannot see);
 * empty when everything exists. Each object is described once, and so is every parent a path goes through
 * (its lookup's first referenceTo).
 */
export async function missingFields(api: SalesforceApi, uses: readonly FieldUse[]): Promise<string[]> {
  const describes = new Map<string, Promise<DescribeSObjectResult | undefined>>();
  const absent = new Set<string>();
  const describe = (object: string): Promise<DescribeSObjectResult | undefined> => {
    const key = object.toLowerCase();
    let pending = describes.get(key);
    if (!pending) {
      pending = api
        .call(`GET /sobjects/${object}/describe`, (conn) => conn.sobject(object).describe())
        .catch((error: unknown) => {
          if (!(error instanceof ConnectorRequestError) || error.category !== 'NOT_FOUND') throw error;
          absent.add(object);
          return undefined;
        });
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
        const described = await describe(object);
        const lookup = described?.fields.find(
          (f) => f.relationshipName?.toLowerCase() === relationship.toLowerCase(),
        );
        const parent = lookup?.referenceTo?.[0];
        if (!parent) {
          // An object that does not exist is reported once, not with every field read through it.
          if (described) note(object, 'relationships', relationship);
          found = false;
          break;
        }
        object = parent;
      }
      if (!found) continue;
      const described = await describe(object);
      if (described && !described.fields.some((f) => f.name.toLowerCase() === field.toLowerCase()))
        note(object, 'fields', field);
    }
  }
  const lines = [...missing].map(([object, { fields, relationships }]) =>
    [
      fields.size > 0 ? `${object} has no field ${[...fields].join(', ')}` : '',
      relationships.size > 0 ? `${object} has no relationship ${[...relationships].join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; '),
  );
  return [...[...absent].map((object) => `${object} does not exist`), ...lines];
}
