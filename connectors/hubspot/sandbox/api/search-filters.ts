import { toEpochMs } from '../data/property-values.js';
import type { PropertyType } from '../data/property-types.js';
import type { CrmRecord } from '../data/records.js';
import type { SearchFilter } from './search-request.js';

export type TypeOf = (propertyName: string) => PropertyType | undefined;

/** Filters within a group are ANDed; groups are ORed (search guide). No groups matches everything. */
export function matchesGroups(
  record: CrmRecord,
  groups: { filters: SearchFilter[] }[],
  typeOf: TypeOf,
): boolean {
  if (groups.length === 0) return true;
  return groups.some((group) => group.filters.every((filter) => matchesFilter(record, filter, typeOf)));
}

function matchesFilter(record: CrmRecord, filter: SearchFilter, typeOf: TypeOf): boolean {
  const actual = record.properties[filter.propertyName];
  const present = actual !== undefined && actual !== '';
  const type = typeOf(filter.propertyName);
  const cmp = (value: unknown) => (present ? compareValues(actual, String(value), type) : undefined);
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return present;
    case 'NOT_HAS_PROPERTY':
      return !present;
    case 'EQ':
      return cmp(filter.value) === 0;
    case 'NEQ':
      return cmp(filter.value) !== 0;
    case 'LT':
      return (cmp(filter.value) ?? 0) < 0;
    case 'LTE':
      return present && (cmp(filter.value) ?? 1) <= 0;
    case 'GT':
      return (cmp(filter.value) ?? 0) > 0;
    case 'GTE':
      return present && (cmp(filter.value) ?? -1) >= 0;
    case 'BETWEEN':
      return present && (cmp(filter.value) ?? -1) >= 0 && (cmp(filter.highValue) ?? 1) <= 0;
    case 'IN':
      return (filter.values ?? []).some((v) => cmp(v) === 0);
    case 'NOT_IN':
      return !(filter.values ?? []).some((v) => cmp(v) === 0);
    case 'CONTAINS_TOKEN':
      return present && containsToken(actual, String(filter.value ?? ''));
    case 'NOT_CONTAINS_TOKEN':
      return !present || !containsToken(actual, String(filter.value ?? ''));
  }
}

/** Numbers compare as numbers, dates as instants (epoch ms or ISO), everything else case-insensitively. */
export function compareValues(actual: string, wanted: string, type: PropertyType | undefined): number {
  if (type === 'number') return Math.sign(Number(actual) - Number(wanted));
  if (type === 'datetime' || type === 'date') {
    const a = toEpochMs(actual);
    const b = toEpochMs(wanted);
    if (a !== undefined && b !== undefined) return Math.sign(a - b);
  }
  const a = actual.toLowerCase();
  const b = wanted.toLowerCase();
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A token is a word of the value; `*` in the filter value is a wildcard. */
function containsToken(actual: string, wanted: string): boolean {
  const pattern = new RegExp(
    `^${wanted
      .toLowerCase()
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')}$`,
  );
  const value = actual.toLowerCase();
  return pattern.test(value) || value.split(/[^a-z0-9]+/).some((token) => pattern.test(token));
}
