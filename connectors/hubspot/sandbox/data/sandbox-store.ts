import type { PropertyDefinition } from './property-types.js';
import type { CrmRecord, EngagementType, EngagementView, Enrollment, WritableValue } from './records.js';

/** What tests see of the portal: copies of its records, and edits made as a HubSpot user would. */
export interface SandboxStore {
  getContact(id: string): CrmRecord | undefined;
  findContactByEmail(email: string): CrmRecord | undefined;
  /** In ascending id order. */
  listContacts(): CrmRecord[];
  /** Sets values without validation and moves lastmodifieddate to now (null or '' clears). */
  editContact(id: string, properties: Record<string, WritableValue>): CrmRecord;
  addEngagement(input: {
    type: EngagementType;
    contactId: string;
    properties: Record<string, WritableValue>;
  }): EngagementView;
  listEngagements(type: EngagementType, contactId?: string): EngagementView[];
  /** Tasks created through POST /crm/v3/objects/tasks (or addEngagement), with their contacts. */
  listTasks(): EngagementView[];
  /** Workflow enrollments made through the Workflows v2 API. */
  listEnrollments(): Enrollment[];
  getProperty(name: string): PropertyDefinition | undefined;
}
