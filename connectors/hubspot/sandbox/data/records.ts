/** A CRM object as the sandbox keeps it: every property value is text, as in HubSpot's API. */
export interface CrmRecord {
  id: string;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export const ENGAGEMENT_TYPES = ['emails', 'meetings', 'calls', 'notes', 'tasks'] as const;
export type EngagementType = (typeof ENGAGEMENT_TYPES)[number];

export interface EngagementView extends CrmRecord {
  type: EngagementType;
  contactIds: string[];
}

export interface Enrollment {
  workflowId: string;
  email: string;
  enrolledAt: string;
}

export type WritableValue = string | number | boolean | null;

export function copyRecord(record: CrmRecord): CrmRecord {
  return { ...record, properties: { ...record.properties } };
}
