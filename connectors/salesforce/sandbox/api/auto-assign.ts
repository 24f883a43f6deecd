import type { IncomingHttpHeaders } from 'node:http';
import { ASSIGNMENT_RULE_PREFIX } from '../data/automation-sobjects.js';
import type { SObjectRecord } from '../data/field-types.js';
import type { OrgStore } from '../data/org-store.js';
import { ApiError } from '../http/api-error.js';
import { restError } from '../http/error-bodies.js';
import { isWellFormedId, KEY_PREFIXES, normalizeId } from '../ids.js';

/** Assigns the updated leads among `ids` (others are left alone); see autoAssignment. */
export type Assign = (ids: readonly string[]) => void;

/**
 * `Sforce-Auto-Assign` on an update (Assignment Rule Header, REST API guide): `FALSE` (any case) runs no
 * rule; `TRUE` — and a missing header, which Salesforce documents as TRUE — runs the active Lead rule; an
 * AssignmentRule id runs that rule, active or not. Anything else is refused before the update as
 * MALFORMED_ID (the SOAP AssignmentRuleHeader's documented answer). An id of no lead rule the sandbox
 * knows assigns nothing. Only Leads are assigned: the seeded rules are lead rules.
 */
export function autoAssignment(store: OrgStore, headers: IncomingHttpHeaders, now: () => Date): Assign {
  const raw = headers['sforce-auto-assign'];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (value !== undefined && value.toUpperCase() === 'FALSE') return () => {};
  const rule =
    value === undefined || value.toUpperCase() === 'TRUE' ? activeLeadRule(store) : namedRule(store, value);
  if (!rule) return () => {};
  return (ids) => assign(store, rule, ids, now);
}

function activeLeadRule(store: OrgStore): SObjectRecord | undefined {
  return store.rows('AssignmentRule').find((r) => r.Active === true && r.SobjectType === 'Lead');
}

function namedRule(store: OrgStore, value: string): SObjectRecord | undefined {
  if (!isWellFormedId(value) || !value.startsWith(ASSIGNMENT_RULE_PREFIX)) {
    throw new ApiError(400, restError('MALFORMED_ID', `Invalid Sforce-Auto-Assign header value: ${value}`));
  }
  const rule = store.get(normalizeId(value));
  return rule?.SobjectType === 'Lead' ? rule : undefined;
}

/** Round robin over the active users, in the order they were seeded. */
function assign(store: OrgStore, rule: SObjectRecord, ids: readonly string[], now: () => Date): void {
  const users = store
    .rows('User')
    .filter((u) => u.IsActive === true)
    .map((u) => String(u.Id));
  const ruleId = String(rule.Id);
  for (const id of ids) {
    if (!id.startsWith(KEY_PREFIXES.Lead)) continue;
    const to = store.automation.nextOwner(ruleId, users);
    if (to === undefined) return;
    const from = store.get(id)?.OwnerId;
    store.update(id, { OwnerId: to });
    store.automation.recordAssignment({
      at: now().toISOString(),
      ruleId,
      leadId: id,
      from: typeof from === 'string' ? from : null,
      to,
    });
  }
}
