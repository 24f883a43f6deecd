import type { Activity } from '../model/activity.js';
import type { Grade, Lead } from '../model/lead.js';
import { PROFILE_FIELD_KINDS } from '../model/lead.js';
import type { FieldKind } from '../model/lead.js';
import type { FieldReader } from './compile-condition.js';

/** What a lead-level condition can look at: the profile plus fields derived while scoring. */
export interface LeadFacts {
  lead: Lead;
  grade?: Grade;
  fit?: number;
  engagement?: number;
  score?: number;
}

/** Derived fields, usable in conditions next to the profile fields. */
export const DERIVED_FIELD_KINDS: Record<string, FieldKind> = {
  emailDomain: 'string',
};
/** Only known once fit and engagement are summed: for MQL acceptance and exclusion criteria. */
export const RESULT_FIELD_KINDS: Record<string, FieldKind> = {
  grade: 'string',
  fit: 'number',
  engagement: 'number',
  score: 'number',
};

export function emailDomainOf(email: string | undefined): string | undefined {
  if (!email) return undefined;
  const at = email.lastIndexOf('@');
  if (at < 0 || at === email.length - 1) return undefined;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}

export function fieldKind(field: string): FieldKind | undefined {
  if (field.startsWith('custom.')) return 'unknown';
  return (
    (PROFILE_FIELD_KINDS as Record<string, FieldKind>)[field] ??
    DERIVED_FIELD_KINDS[field] ??
    RESULT_FIELD_KINDS[field]
  );
}

export function leadFieldReader(field: string): FieldReader<LeadFacts> {
  if (field.startsWith('custom.')) {
    const key = field.slice('custom.'.length);
    return (f) => f.lead.custom?.[key];
  }
  switch (field) {
    case 'emailDomain':
      return (f) => emailDomainOf(f.lead.email);
    case 'grade':
      return (f) => f.grade;
    case 'fit':
      return (f) => f.fit;
    case 'engagement':
      return (f) => f.engagement;
    case 'score':
      return (f) => f.score;
    default:
      return (f) => (f.lead as unknown as Record<string, unknown>)[field];
  }
}

export function activityFieldReader(field: string): FieldReader<Activity> {
  return (a) => a[field];
}
