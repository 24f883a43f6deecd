import { z } from 'zod';
import { ConnectorConfigError } from '../../src/connector/connector-errors.js';
import { requiredProperties } from '../../src/mapping/load-mapping.js';
import { SCORE_VALUE_KEYS } from '../../src/mapping/mapping-schema.js';
import type { Mapping } from '../../src/mapping/mapping-schema.js';
import type { ReadSpec } from './salesforce-read.js';

/** The objects whose records are scored, in the order full and incremental reads go through them. */
export const SALESFORCE_OBJECTS = ['Lead', 'Contact'] as const;
export const salesforceObjectSchema = z.enum(SALESFORCE_OBJECTS);
export type SalesforceObject = z.infer<typeof salesforceObjectSchema>;

/** Key prefixes: the first three characters of every record id of the object, the same in every org. */
export const KEY_PREFIXES: Readonly<Record<SalesforceObject, string>> = { Lead: '00Q', Contact: '003' };

/** Every read of Leads skips converted ones: they live on as Contacts and cannot be updated. */
export const READ_FILTERS: Readonly<Record<SalesforceObject, string | undefined>> = {
  Lead: 'IsConverted = false',
  Contact: undefined,
};

/** A mapping for each object to read; an object without one is not read. */
export type ObjectMappings = Partial<Record<SalesforceObject, Mapping>>;

/** One enabled object: its mapping and what a query for it selects. */
export interface ObjectRead {
  object: SalesforceObject;
  mapping: Mapping;
  spec: ReadSpec;
}

/**
 * The enabled objects in read order, from either a single `mapping` (its `object` says which) or an
 * `objects` map. Throws a ConnectorConfigError for a mapping of another CRM or object, for none at all,
 * and for mappings that write different score fields: a write sets one set of fields on every record.
 */
export function objectReads(
  choice: { mapping?: Mapping; objects?: ObjectMappings },
  batchSize: number,
): ObjectRead[] {
  const mappings = mappingsOf(choice);
  const reads = SALESFORCE_OBJECTS.flatMap((object): ObjectRead[] => {
    const mapping = mappings[object];
    if (mapping === undefined) return [];
    if (mapping.crm !== 'salesforce' || mapping.object !== object) {
      throw new ConnectorConfigError(
        'salesforce',
        `the ${object} mapping is for ${mapping.crm} ${mapping.object}; give a salesforce ${object} mapping`,
      );
    }
    return [{ object, mapping, spec: { object, fields: requiredProperties(mapping), batchSize } }];
  });
  if (reads.length === 0) {
    throw new ConnectorConfigError('salesforce', 'no object to read: enable Lead, Contact or both');
  }
  const [first, ...others] = reads;
  for (const other of others) {
    const differs = SCORE_VALUE_KEYS.filter(
      (key) => first!.mapping.scoreProperties[key] !== other.mapping.scoreProperties[key],
    );
    if (differs.length > 0) {
      throw new ConnectorConfigError(
        'salesforce',
        `the ${first!.object} and ${other.object} mappings write different score fields (${differs.join(', ')}); ` +
          'give both objects the same field names',
      );
    }
  }
  return reads;
}

function mappingsOf(choice: { mapping?: Mapping; objects?: ObjectMappings }): ObjectMappings {
  if (choice.objects !== undefined && choice.mapping !== undefined) {
    throw new ConnectorConfigError('salesforce', 'give either `mapping` or `objects`, not both');
  }
  if (choice.objects !== undefined) return choice.objects;
  const { mapping } = choice;
  if (mapping === undefined) return {};
  const object = salesforceObjectSchema.safeParse(mapping.object);
  if (mapping.crm !== 'salesforce' || !object.success) {
    throw new ConnectorConfigError(
      'salesforce',
      `the mapping is for ${mapping.crm} ${mapping.object}; this adapter reads salesforce Lead and Contact`,
    );
  }
  return { [object.data]: mapping };
}

/** The enabled object an id belongs to, by its key prefix; undefined for any other object's id. */
export function readForId(reads: readonly ObjectRead[], id: string): ObjectRead | undefined {
  return reads.find((read) => id.startsWith(KEY_PREFIXES[read.object]));
}
