import { PROFILE_FIELDS } from '../model/lead.js';
import type { ProfileField } from '../model/lead.js';

export const IDENTITY_FIELDS = ['id', 'crm', 'object'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];
/** A column that maps onto the canonical lead rather than into `custom`. */
export type LeadColumn = ProfileField | IdentityField;

/**
 * Header spellings, beyond the canonical names, that CRM exports use for a lead field. Matching ignores
 * case and everything but letters and digits, so "first_name", "First Name" and "firstName" need no entry.
 */
const ALIASES: Partial<Record<LeadColumn, readonly string[]>> = {
  id: ['Record ID', 'Contact ID', 'Lead ID'],
  email: ['Email Address'],
  jobTitle: ['Title'],
  employees: ['Number of Employees', 'Company Size', 'Employee Count'],
  country: ['Country/Region'],
  state: ['State/Region'],
  techStack: ['Technologies'],
  createdAt: ['Create Date', 'Created Date'],
  updatedAt: ['Last Modified Date'],
};

/** "First Name" → "firstname": the form headers are compared in. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const COLUMN_BY_KEY: ReadonlyMap<string, LeadColumn> = new Map<string, LeadColumn>([
  ...[...IDENTITY_FIELDS, ...PROFILE_FIELDS].map((field) => [headerKey(field), field] as const),
  ...Object.entries(ALIASES).flatMap(([field, aliases]) =>
    (aliases ?? []).map((alias) => [headerKey(alias), field as LeadColumn] as const),
  ),
]);

/** The lead field a CSV header (or a misspelt JSONL key) stands for, if any. */
export function leadColumnFor(header: string): LeadColumn | undefined {
  return COLUMN_BY_KEY.get(headerKey(header));
}
