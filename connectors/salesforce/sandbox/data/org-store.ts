import { SandboxError } from '../sandbox-error.js';
import { makeId } from '../ids.js';
import { formatDateTime, type FieldValue, type SObjectDef, type SObjectRecord } from './field-types.js';
import { OrgAutomation } from './org-automation.js';
import { OrgSchema } from './org-schema.js';

/** One sObject Collections update call, as received: for asserting on `Sforce-Auto-Assign` and on what was written. */
export interface CollectionUpdateCall {
  at: string;
  /** The raw `Sforce-Auto-Assign` request header, or null when it was not sent. */
  autoAssignHeader: string | null;
  allOrNone: boolean;
  /** Ids of the records that were written (none when the call was rolled back). */
  updatedIds: string[];
}

/** One create call (`POST /sobjects/{type}` or `POST /composite/sobjects`), as received. */
export interface CreateCall {
  at: string;
  endpoint: 'sobject' | 'collection' | 'tooling';
  /** The request headers, lower-cased, without Authorization. */
  headers: Record<string, string>;
  allOrNone: boolean;
  /** Object type of each record sent, in request order. */
  types: string[];
  /** Ids of the records that were created (none when the call was rolled back or refused). */
  createdIds: string[];
}

/** The org's records by object type, keyed by 18-character id; the org's own schema. */
export class OrgStore {
  private readonly tables = new Map<string, Map<string, SObjectRecord>>();
  private readonly calls: CollectionUpdateCall[] = [];
  private readonly queries: string[] = [];
  /** Assignment rules and flows: what they did. */
  readonly automation = new OrgAutomation();
  private readonly creates: CreateCall[] = [];
  private readonly nextNumber = new Map<string, number>();

  constructor(
    private readonly now: () => Date,
    readonly schema: OrgSchema = new OrgSchema(),
  ) {
    for (const sobject of schema.all()) this.tables.set(sobject.name, new Map());
  }

  insert(type: string, record: SObjectRecord): void {
    const id = record.Id;
    if (typeof id !== 'string') throw new SandboxError('SANDBOX_STORE', `A ${type} record needs an Id`);
    this.table(type).set(id, { ...record });
  }

  /**
   * Inserts a new record as a save does: a fresh Id of the type's key prefix, the audit stamps the type has
   * (CreatedDate, LastModifiedDate, SystemModstamp) set to now. Fields are taken as given (validate first).
   */
  create(type: string, fields: Record<string, FieldValue>): SObjectRecord {
    const sobject = this.schema.find(type);
    if (!sobject) throw new SandboxError('SANDBOX_STORE', `Unknown sObject type ${type}`);
    const table = this.table(sobject.name);
    let n = this.nextNumber.get(sobject.name) ?? table.size + 1;
    while (table.has(makeId(sobject.keyPrefix, n))) n++;
    this.nextNumber.set(sobject.name, n + 1);
    const audit = this.stamps(sobject, ['CreatedDate', 'LastModifiedDate', 'SystemModstamp']);
    const record: SObjectRecord = { Id: makeId(sobject.keyPrefix, n), ...fields, ...audit };
    if (sobject.name === 'Lead' || sobject.name === 'Contact') record.Name = fullName(record);
    table.set(record.Id as string, record);
    return { ...record };
  }

  /** Deletes a record (an insert that an all-or-none call rolled back). */
  remove(id: string): void {
    const sobject = this.schema.forId(id);
    if (sobject) this.tables.get(sobject.name)?.delete(id);
  }

  /** A copy of the record, or undefined. */
  get(id: string): SObjectRecord | undefined {
    const sobject = this.schema.forId(id);
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
    const sobject = this.schema.forId(id);
    const record = sobject ? this.tables.get(sobject.name)?.get(id) : undefined;
    if (!sobject || !record) throw new SandboxError('SANDBOX_STORE', `No record with id ${id}`);
    Object.assign(record, fields, this.stamps(sobject, ['LastModifiedDate', 'SystemModstamp']));
    if (sobject.name === 'Lead' || sobject.name === 'Contact') record.Name = fullName(record);
    return { ...record };
  }

  /** Every SOQL statement `/query` received (data API), oldest first: for asserting on what was asked. */
  queryLog(): { soql: string }[] {
    return this.queries.map((soql) => ({ soql }));
  }

  recordQuery(soql: string): void {
    this.queries.push(soql);
  }

  recordCall(call: CollectionUpdateCall): void {
    this.calls.push(call);
  }

  /** Every sObject Collections update received, oldest first. */
  collectionUpdates(): CollectionUpdateCall[] {
    return structuredClone(this.calls);
  }

  recordCreate(call: CreateCall): void {
    this.creates.push(call);
  }

  /** Every create call received (single, collection and tooling), oldest first. */
  createCalls(): CreateCall[] {
    return structuredClone(this.creates);
  }

  /** Now, for those of the audit fields the type has. */
  private stamps(sobject: SObjectDef, names: string[]): SObjectRecord {
    const stamp = formatDateTime(this.now().getTime());
    const present = names.filter((name) => sobject.fields.some((field) => field.name === name));
    return Object.fromEntries(present.map((name) => [name, stamp]));
  }

  private table(type: string): Map<string, SObjectRecord> {
    const name = this.schema.find(type)?.name;
    let table = name ? this.tables.get(name) : undefined;
    // A type the schema gained after the store was made.
    if (name && !table) this.tables.set(name, (table = new Map()));
    if (!table) throw new SandboxError('SANDBOX_STORE', `Unknown sObject type ${type}`);
    return table;
  }
}

function fullName(record: SObjectRecord): string {
  return [record.FirstName, record.LastName].filter((p) => typeof p === 'string' && p).join(' ');
}
