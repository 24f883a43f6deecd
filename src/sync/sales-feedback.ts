/** The CRM values that record sales' decision on a lead, per field; compared case-insensitively. */
export interface SalesFeedbackRules {
  accepted: { leadStatus: string[]; lifecycleStage: string[] };
  rejected: { leadStatus: string[]; lifecycleStage: string[] };
}

export interface SalesFields {
  leadStatus?: string;
  lifecycleStage?: string;
}

/** Sales' decision, with the field and the lead's own value that say so. */
export interface SalesDecision {
  kind: 'accepted' | 'rejected';
  field: 'lead status' | 'lifecycle stage';
  value: string;
}

export type SalesSignal = SalesDecision | { kind: 'none' };

/** Accepted when either field matches an accepted value, else rejected when either matches a rejected one. */
export function salesSignal(lead: SalesFields, rules: SalesFeedbackRules): SalesSignal {
  for (const kind of ['accepted', 'rejected'] as const) {
    if (matches(lead.leadStatus, rules[kind].leadStatus)) {
      return { kind, field: 'lead status', value: lead.leadStatus };
    }
    if (matches(lead.lifecycleStage, rules[kind].lifecycleStage)) {
      return { kind, field: 'lifecycle stage', value: lead.lifecycleStage };
    }
  }
  return { kind: 'none' };
}

function matches(value: string | undefined, candidates: readonly string[]): value is string {
  if (value === undefined) return false;
  const lower = value.toLowerCase();
  return candidates.some((candidate) => candidate.toLowerCase() === lower);
}
