import type { Transition } from '../../src/connector/crm-adapter.js';
import type { ActionResult } from '../../src/connector/handoff-outcomes.js';
import type { SalesforceHandoffConfig } from './handoff-config.js';
import { updateRecords } from './handoff-record-updates.js';
import { readHandoffRecords } from './handoff-records.js';
import type { RecordLookup } from './handoff-records.js';
import type { SalesforceApi } from './salesforce-api.js';

type LeadStatusConfig = NonNullable<SalesforceHandoffConfig['lead_status']>;
type AssignmentConfig = NonNullable<SalesforceHandoffConfig['assignment']>;

export interface LeadJob {
  transition: Transition;
  settle: (result: ActionResult) => void;
}

/** Lead status writes never trigger the org's assignment rules. */
export const NO_AUTO_ASSIGN = { 'Sforce-Auto-Assign': 'FALSE' } as const;

/** Write `value` (and say `done` once written), or leave Status as it is for the reason in `skip`. */
export type StatusPlan = { write: string; done: string } | { skip: string };

/** The configured status, unless the lead already has it or a status the configuration preserves. */
export function planLeadStatus(current: string | undefined, config: LeadStatusConfig): StatusPlan {
  const target = config.value;
  if (current === target) return { skip: `already ${current}` };
  if (current !== undefined && config.preserve.includes(current)) {
    return { skip: `left at ${current} (preserved by configuration)` };
  }
  return { write: target, done: `Status set to ${target} (was ${current ?? 'empty'})` };
}

/** Plans each lead's status from the record read before, then writes them all (`Sforce-Auto-Assign: FALSE`). */
export async function setLeadStatuses(
  api: SalesforceApi,
  config: LeadStatusConfig,
  jobs: readonly LeadJob[],
  lookups: ReadonlyMap<string, RecordLookup>,
): Promise<void> {
  const pending: { job: LeadJob; id: string; done: string }[] = [];
  const writes = new Map<string, string>();
  for (const job of jobs) {
    const lookup = lookups.get(job.transition.ref.id);
    if (!lookup || lookup.failed !== undefined) {
      job.settle({ ok: false, detail: lookup?.failed ?? 'lead not read' });
      continue;
    }
    const plan = planLeadStatus(lookup.record.status, config);
    if ('skip' in plan) job.settle({ ok: true, detail: plan.skip });
    else {
      pending.push({ job, id: lookup.record.id, done: plan.done });
      writes.set(lookup.record.id, plan.write);
    }
  }
  if (writes.size === 0) return;
  const updates = [...writes].map(([id, value]) => ({ id, fields: { Status: value } }));
  const failures = await updateRecords(api, 'Lead', updates, NO_AUTO_ASSIGN);
  for (const { job, id, done } of pending) {
    const failure = failures.get(id);
    job.settle(
      failure === undefined ? { ok: true, detail: done } : { ok: false, detail: `not written: ${failure}` },
    );
  }
}

/** `TRUE` runs the org's active lead assignment rule; an AssignmentRule id runs that rule. */
export function assignmentHeader(rule: AssignmentConfig['rule']): Record<string, string> {
  return { 'Sforce-Auto-Assign': rule === 'default' ? 'TRUE' : rule };
}

/**
 * Runs the configured lead assignment rule on each lead: an update of the lead alone (no field changes) with
 * the assignment header, then a read of the owner it left. Returns lead id (18) → owner after assignment,
 * for the owner task. Only Leads: lead assignment rules do not apply to Contacts.
 */
export async function assignLeads(
  api: SalesforceApi,
  config: AssignmentConfig,
  jobs: readonly LeadJob[],
  lookups: ReadonlyMap<string, RecordLookup>,
): Promise<Map<string, string>> {
  const pending: { job: LeadJob; id: string; before?: string }[] = [];
  for (const job of jobs) {
    const lookup = lookups.get(job.transition.ref.id);
    if (!lookup || lookup.failed !== undefined)
      job.settle({ ok: false, detail: lookup?.failed ?? 'lead not read' });
    else pending.push({ job, id: lookup.record.id, before: lookup.record.ownerId });
  }
  const owners = new Map<string, string>();
  if (pending.length === 0) return owners;
  const ids = [...new Set(pending.map((p) => p.id))];
  const failures = await updateRecords(
    api,
    'Lead',
    ids.map((id) => ({ id, fields: {} })),
    assignmentHeader(config.rule),
  );
  const assigned = ids.filter((id) => failures.get(id) === undefined);
  const after =
    assigned.length > 0 ? await readHandoffRecords(api, 'Lead', assigned) : new Map<string, RecordLookup>();
  const rule =
    config.rule === 'default' ? 'the active lead assignment rule' : `assignment rule ${config.rule}`;
  for (const { job, id, before } of pending) {
    const failure = failures.get(id);
    if (failure !== undefined) {
      job.settle({ ok: false, detail: `${rule} not run: ${failure}` });
      continue;
    }
    const owner = after.get(id)?.record?.ownerId;
    if (owner) owners.set(id, owner);
    job.settle({ ok: true, detail: `${rule} ran: ${ownerChange(before, owner)}` });
  }
  return owners;
}

function ownerChange(before: string | undefined, after: string | undefined): string {
  if (after === undefined) return 'owner not read back';
  if (after === before) return `owner unchanged (${after})`;
  return `owner now ${after} (was ${before ?? 'unknown'})`;
}
