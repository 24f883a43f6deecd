import { SandboxError } from '../sandbox-error.js';
import type { PropertyRegistry } from './property-registry.js';
import type { SandboxStore } from './sandbox-store.js';
import type { PropertyDefinition } from './property-types.js';
import { rawToText } from './property-values.js';
import type { SandboxSnapshot } from './store-snapshot.js';
import {
  ENGAGEMENT_TYPES,
  copyRecord,
  type CrmRecord,
  type EngagementType,
  type EngagementView,
  type Enrollment,
  type WritableValue,
} from './records.js';

/**
 * The sandbox's portal: contacts, engagements and their associations, tasks and workflow enrollments.
 * Public methods return copies (safe for tests); `*Record` methods return the live objects for handlers.
 */
export class CrmStore implements SandboxStore {
  private readonly contacts = new Map<string, CrmRecord>();
  private orderedIds: string[] = [];
  private readonly byEmail = new Map<string, string>();
  private readonly engagements = new Map<EngagementType, Map<string, CrmRecord>>();
  private readonly engagementContacts = new Map<string, string[]>();
  private readonly contactLinks = new Map<string, Map<EngagementType, string[]>>();
  private readonly enrollments: Enrollment[] = [];
  private nextEngagementId = 50_000_001;

  constructor(
    readonly properties: PropertyRegistry,
    private readonly now: () => Date,
  ) {
    for (const type of ENGAGEMENT_TYPES) this.engagements.set(type, new Map());
  }

  /**
   * A store holding exactly what the snapshot saved. Definitions and groups go over the defaults, so a
   * default added to the code since the snapshot was taken is still there.
   */
  static fromSnapshot(snapshot: SandboxSnapshot, registry: PropertyRegistry, now: () => Date): CrmStore {
    const store = new CrmStore(registry, now);
    for (const group of snapshot.propertyGroups) registry.putGroup({ ...group });
    for (const property of snapshot.properties) registry.put(structuredClone(property));
    for (const contact of snapshot.contacts) store.insertContact(copyRecord(contact));
    for (const { type, record, contactIds } of snapshot.engagements)
      store.insertEngagement(type, copyRecord(record), contactIds);
    store.enrollments.push(...snapshot.enrollments.map((e) => ({ ...e })));
    store.nextEngagementId = Math.max(store.nextEngagementId, snapshot.nextEngagementId);
    return store;
  }

  /** Everything the portal holds, detached from the live records. */
  snapshot(): SandboxSnapshot {
    const engagements = [...this.engagements].flatMap(([type, records]) =>
      [...records.values()].map((record) => ({
        type,
        record: copyRecord(record),
        contactIds: [...(this.engagementContacts.get(record.id) ?? [])],
      })),
    );
    return {
      version: 1,
      kind: 'leadscore-hubspot-sandbox',
      savedAt: this.now().toISOString(),
      propertyGroups: this.properties.listGroups().map((g) => ({ ...g })),
      properties: structuredClone(this.properties.listAll()),
      contacts: this.orderedContactRecords().map(copyRecord),
      engagements,
      enrollments: this.listEnrollments(),
      nextEngagementId: this.nextEngagementId,
    };
  }

  // --- helpers for tests and seeding -------------------------------------------------------------

  getContact(id: string): CrmRecord | undefined {
    const found = this.contacts.get(id);
    return found && copyRecord(found);
  }

  findContactByEmail(email: string): CrmRecord | undefined {
    const id = this.byEmail.get(email.toLowerCase());
    return id === undefined ? undefined : this.getContact(id);
  }

  listContacts(): CrmRecord[] {
    return this.orderedContactRecords().map(copyRecord);
  }

  getProperty(name: string): PropertyDefinition | undefined {
    return this.properties.get(name);
  }

  /** Edits a contact as a HubSpot user would in the UI: no validation, lastmodifieddate moves. */
  editContact(id: string, properties: Record<string, WritableValue>): CrmRecord {
    const text = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, rawToText(v)]));
    return copyRecord(this.updateContactRecord(id, text));
  }

  addEngagement(input: {
    type: EngagementType;
    contactId: string;
    properties: Record<string, WritableValue>;
  }): EngagementView {
    if (!this.contacts.has(input.contactId)) {
      throw new SandboxError('SANDBOX_UNKNOWN_CONTACT', `No contact ${input.contactId} in the sandbox`);
    }
    const text = Object.fromEntries(Object.entries(input.properties).map(([k, v]) => [k, rawToText(v)]));
    const record = this.createEngagementRecord(input.type, text, [input.contactId]);
    return this.engagementView(input.type, record);
  }

  listEngagements(type: EngagementType, contactId?: string): EngagementView[] {
    const all = [...(this.engagements.get(type)?.values() ?? [])];
    const views = all.map((record) => this.engagementView(type, record));
    return contactId === undefined ? views : views.filter((v) => v.contactIds.includes(contactId));
  }

  listTasks(): EngagementView[] {
    return this.listEngagements('tasks');
  }

  listEnrollments(): Enrollment[] {
    return this.enrollments.map((e) => ({ ...e }));
  }

  // --- live records for the API handlers ---------------------------------------------------------

  insertContact(record: CrmRecord): void {
    this.contacts.set(record.id, record);
    this.orderedIds.push(record.id);
    if (this.orderedIds.length > 1 && Number(record.id) < Number(this.orderedIds.at(-2))) {
      this.orderedIds.sort((a, b) => Number(a) - Number(b));
    }
    const email = record.properties.email;
    if (email) this.byEmail.set(email.toLowerCase(), record.id);
  }

  contactRecord(id: string): CrmRecord | undefined {
    return this.contacts.get(id);
  }

  contactRecordByEmail(email: string): CrmRecord | undefined {
    const id = this.byEmail.get(email.toLowerCase());
    return id === undefined ? undefined : this.contacts.get(id);
  }

  /** Contacts in ascending id order, the order list paging walks. */
  orderedContactRecords(): CrmRecord[] {
    return this.orderedIds.map((id) => this.contacts.get(id) as CrmRecord);
  }

  /** Applies already-validated values ('' clears) and moves lastmodifieddate, as HubSpot does on any edit. */
  updateContactRecord(id: string, values: Record<string, string>): CrmRecord {
    const record = this.contacts.get(id);
    if (!record) throw new SandboxError('SANDBOX_UNKNOWN_CONTACT', `No contact ${id} in the sandbox`);
    const oldEmail = record.properties.email;
    for (const [name, value] of Object.entries(values)) {
      if (value === '') delete record.properties[name];
      else record.properties[name] = value;
    }
    this.reindexEmail(id, oldEmail, record.properties.email);
    const stamp = this.now().toISOString();
    record.properties.lastmodifieddate = stamp;
    record.updatedAt = stamp;
    return record;
  }

  createEngagementRecord(
    type: EngagementType,
    properties: Record<string, string>,
    contactIds: string[],
  ): CrmRecord {
    const id = String(this.nextEngagementId++);
    const stamp = this.now().toISOString();
    const record: CrmRecord = {
      id,
      properties: { ...properties, hs_object_id: id, hs_createdate: stamp, hs_lastmodifieddate: stamp },
      createdAt: stamp,
      updatedAt: stamp,
      archived: false,
    };
    this.insertEngagement(type, record, contactIds);
    return record;
  }

  insertEngagement(type: EngagementType, record: CrmRecord, contactIds: string[]): void {
    this.engagements.get(type)?.set(record.id, record);
    this.engagementContacts.set(record.id, [...contactIds]);
    for (const contactId of contactIds) {
      const links = this.contactLinks.get(contactId) ?? new Map<EngagementType, string[]>();
      links.set(type, [...(links.get(type) ?? []), record.id]);
      this.contactLinks.set(contactId, links);
    }
    const numeric = Number(record.id);
    if (numeric >= this.nextEngagementId) this.nextEngagementId = numeric + 1;
  }

  engagementRecord(type: EngagementType, id: string): CrmRecord | undefined {
    return this.engagements.get(type)?.get(id);
  }

  associatedIds(contactId: string, type: EngagementType): string[] {
    return this.contactLinks.get(contactId)?.get(type) ?? [];
  }

  enroll(workflowId: string, email: string): Enrollment {
    const enrollment = { workflowId, email, enrolledAt: this.now().toISOString() };
    this.enrollments.push(enrollment);
    return { ...enrollment };
  }

  private engagementView(type: EngagementType, record: CrmRecord): EngagementView {
    return { ...copyRecord(record), type, contactIds: [...(this.engagementContacts.get(record.id) ?? [])] };
  }

  private reindexEmail(id: string, before: string | undefined, after: string | undefined): void {
    if (before === after) return;
    if (before) this.byEmail.delete(before.toLowerCase());
    if (after) this.byEmail.set(after.toLowerCase(), id);
  }
}
