import { PROFILE_FIELDS } from '../model/lead.js';
import type { Lead } from '../model/lead.js';
import { FEATURE_FIELDS } from './lead-rows.js';

export const FEATURE_FIELD_SET: ReadonlySet<string> = new Set(FEATURE_FIELDS);
export const PROFILE_FIELD_SET: ReadonlySet<string> = new Set(PROFILE_FIELDS);
const CUSTOM_PREFIX = 'custom.';

/**
 * Reads some columns of leads' rows (leadRow, lead-rows.ts) straight from the leads: a profile field by its
 * name; a custom field by its key, except that the key K of a profile field is column `custom.K`, and of two
 * keys of one column the later one wins. A lead's own keys are walked once (for…in) rather than each column
 * looked up by name: leads come in many shapes, and a lookup by name on objects of many shapes is slow.
 */
export class LeadFields {
  private readonly profile = new Map<string, number>();
  private readonly custom = new Map<string, number>();
  /** Whether for…in over a plain object also visits something Object.entries leaves out. */
  private readonly polluted: boolean;

  /** `columns`: profile fields other than personal ones, or custom columns. */
  constructor(private readonly columns: readonly string[]) {
    columns.forEach((column, k) => {
      if (FEATURE_FIELD_SET.has(column)) return this.profile.set(column, k);
      this.custom.set(column, k);
      const key = column.startsWith(CUSTOM_PREFIX) ? column.slice(CUSTOM_PREFIX.length) : '';
      if (PROFILE_FIELD_SET.has(key)) this.custom.set(key, k);
    });
    this.polluted = prototypePolluted();
  }

  /** Sets values[k] to the lead's value of column k, undefined where it has none. */
  read(lead: Lead, values: unknown[]): void {
    values.fill(undefined);
    const fields = lead as unknown as Record<string, unknown>;
    if (this.profile.size > 0) {
      if (isPlain(lead)) {
        // Reads what lead[field] reads, but for a field that is an own property defined not enumerable.
        for (const key in fields) {
          const k = this.profile.get(key);
          if (k !== undefined) values[k] = fields[key];
        }
      } else for (const [field, k] of this.profile) values[k] = fields[field];
    }
    const custom = lead.custom;
    if (this.custom.size === 0 || custom === undefined || custom === null) return;
    if (isPlain(custom) && !this.polluted) {
      // For a plain object, for…in visits the keys of Object.entries (own, enumerable), in the same order.
      for (const key in custom) {
        const k = this.custom.get(key);
        if (k !== undefined) values[k] = custom[key];
      }
    } else {
      for (const [key, value] of Object.entries(custom)) {
        const k = this.custom.get(key);
        if (k !== undefined) values[k] = value;
      }
    }
  }
}

function isPlain(object: object): boolean {
  const prototype = Object.getPrototypeOf(object) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Whether something for…in visits was added to Object.prototype. */
function prototypePolluted(): boolean {
  for (const key in Object.prototype) return typeof key === 'string';
  return false;
}
