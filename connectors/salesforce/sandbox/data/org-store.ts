import { SandboxError } from '../sandbox-error.js';
import { formatDateTime, type FieldValue, type SObjectRecord } from './field-types.js';
import { findSObject, sobjectForId, SOBJECTS } from './sobject-schema.js';

/** One sObject Collections update call, as received: for asserting on `Sforce-Auto-Assign` and on what was written. */
export interface CollectionUpdateCall {
  at: string;
  /** The raw `Sforce-Auto-Assign` request header, or null when it was not sent. */
  autoAssignHeader: string | null;
  allOrNone: boolean;
  /** Ids of the records that were written (none when the call was rolled back). */
  updatedIds: string[];
}

/** The org's records by object type, keyed by 18-character id. */
export class OrgStore {
  private readonly tables = new Map<string, Map<string, SObjectRecord>>();
  private readonly calls: CollectionUpdateCall[] = [];

  constructor(private readonly now: () => Date) {
    for (const sobject of SOBJECTS) this.tables.set(sobject.name, new Map());
  }

  insert(type: string, record: SObjectRecord): void {
    const id = record.Id;
    if (typeof id !== 'string') throw new SandboxError('SANDBOX_STORE', `A ${type} record needs an Id`);
    this.table(type).set(id, { ...record });
  }

  /** A copy of the record, or undefined. */
  get(id: string): SObjectRecord | undefined {
    const sobject = sobjectForId(id);
    const found = sobject ? this.tables.get(sobject.name)?.get(id) : undefined;
    return found ? { ...found } : undefined;
  }

  /** The live records of a type, in insertion order (for the query engine: do not mutate). */
  rows(type: string): readonly SObjectRecord[] {
    return [...this.table(type).values()];
  }

  /** Copies of the records of a type. */
  list(type: string): SObjectRecord[] {
    return this.rows(type).map((r) => ({ ...r }));
  }

  count(type: string): number {
    return this.table(type).size;
  }

  /** Writes fields and moves LastModifiedDate and SystemModstamp, as any save does. */
  update(id: string, fields: Record<string, FieldValue>): SObjectRecord {
    const sobject = sobjectForId(id);
    const record = sobject ? this.tables.get(sobject.name)?.get(id) : undefined;
    if (!record) throw new SandboxError('SANDBOX_STORE', `No record with id ${id}`);
    const stamp = formatDateTime(this.now().getTime());
    Object.assign(record, fields, { LastModifiedDate: stamp, SystemModstamp: stamp });
    if (sobject?.name === 'Lead' || sobject?.name === 'Contact') {
      record.Name = [record.FirstName, record.LastName].filter((p) => typeof p === 'string' && p).join(' ');
    }
    return { ...record };
  }

  recordCall(call: CollectionUpdateCall): void {
    this.calls.push(call);
  }

  /** Every sObject Collections update received, oldest first. */
  collectionUpdates(): CollectionUpdateCall[] {
    return structuredClone(this.calls);
  }

  private table(type: string): Map<string, SObjectRecord> {
    const name = findSObject(type)?.name;
    const table = name ? this.tables.get(name) : undefined;
    if (!table) throw new SandboxError('SANDBOX_STORE', `Unknown sObject type ${type}`);
    return table;
  }
}
