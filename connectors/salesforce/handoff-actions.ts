import type {
  HandoffAction,
  HandoffRequest,
  HandoffResult,
  Transition,
} from '../../src/connector/crm-adapter.js';
import { runHandoffJobs } from '../../src/connector/handoff-jobs.js';
import type { HandoffDeps, HandoffJob, HandoffRun } from '../../src/connector/handoff-jobs.js';
import type { ActionResult } from '../../src/connector/handoff-outcomes.js';
import { runOwnerTaskJobs } from '../../src/connector/handoff-owner-tasks.js';
import { isSalesforceHandoffAction, salesforceActionEnabled } from './handoff-config.js';
import type { SalesforceFlowConfig, SalesforceHandoffConfig } from './handoff-config.js';
import { confirmedFlow, runFlow, unconfirmedFlow } from './handoff-flow.js';
import { assignLeads, setLeadStatuses } from './handoff-lead-updates.js';
import type { LeadJob } from './handoff-lead-updates.js';
import { readHandoffRecords } from './handoff-records.js';
import type { HandoffObject, RecordLookup } from './handoff-records.js';
import { findEarlierTasks, ownerTaskPlan } from './handoff-task.js';
import { createOwnerTasks } from './handoff-task-create.js';
import type { SalesforceApi } from './salesforce-api.js';

export type SalesforceHandoffDeps = HandoffDeps;

const OBJECTS: readonly HandoffObject[] = ['Lead', 'Contact'];

/**
 * Runs the requested actions of each MQL transition and reports one outcome per action. Only the actions a
 * request lists run (the caller's ledger has dropped those already done, which makes them exactly-once);
 * one action failing stops neither the others nor other transitions. Records are read once (200 per
 * query); then lead statuses are written (`Sforce-Auto-Assign: FALSE`), then the assignment rule runs
 * (`TRUE` or the rule id), so that a rule may look at the new status and the task goes to the owner it
 * leaves; then owner tasks (200 per collection create) and flow invocations. Never throws for a failed
 * action: its outcome says what went wrong, without secrets. An unconfirmed owner task is created only if
 * the record has no Task carrying the transition's key; an unconfirmed flow invocation is run again only if
 * the record's confirmation field does not hold the transition's key (confirmedFlow: exactly once), and
 * without that field is not repeated in that attempt (unconfirmedFlow: at least once).
 */
export async function runSalesforceHandoff(
  api: SalesforceApi,
  config: SalesforceHandoffConfig,
  requests: HandoffRequest[],
  deps: SalesforceHandoffDeps = {},
): Promise<HandoffResult[]> {
  return runHandoffJobs(
    requests,
    {
      refusal: (action, transition) => refusalOf(action, config, transition),
      skip: notApplicable,
      webhook: config.webhook,
      crmActions: (run) => runRecordActions(api, config, run),
    },
    deps,
  );
}

async function runRecordActions(
  api: SalesforceApi,
  config: SalesforceHandoffConfig,
  run: HandoffRun,
): Promise<void> {
  const flow = config.flow;
  // The flow's confirmation field is read only when an invocation is in doubt: the usual read stays as is.
  const confirmField =
    flow?.confirmField && run.byAction('flow').some((job) => job.unconfirmed) ? flow.confirmField : undefined;
  const lookups = await readLookups(api, run.jobs, confirmField ? [confirmField] : []);
  const lookupOf = (job: HandoffJob) => lookups.get(job.transition.ref.id);
  const leadJobs = (action: HandoffAction): LeadJob[] =>
    run.byAction(action).map((job) => ({ transition: job.transition, settle: run.record(job) }));
  if (config.lead_status) await setLeadStatuses(api, config.lead_status, leadJobs('lead_status'), lookups);
  const assigned = config.assignment
    ? await assignLeads(api, config.assignment, leadJobs('assignment'), lookups)
    : new Map<string, string>();
  /** The owner the assignment rule just left, else the one read before, else the one the sync read. */
  const ownerOf = (job: HandoffJob) => {
    const found = lookupOf(job)?.record;
    return (found && assigned.get(found.id)) ?? found?.ownerId ?? job.transition.ownerId;
  };
  const missing = (job: HandoffJob): ActionResult | undefined => {
    const lookup = lookupOf(job);
    return lookup?.failed !== undefined && lookup.missing ? { ok: false, detail: lookup.failed } : undefined;
  };

  const taskConfig = config.owner_task;
  const flowJob = async (flow: SalesforceFlowConfig, job: HandoffJob): Promise<ActionResult> => {
    const blocked = missing(job);
    if (blocked) return blocked;
    if (job.unconfirmed) {
      const record = lookupOf(job)?.record;
      if (!flow.confirmField || !record) return unconfirmedFlow(flow);
      const done = confirmedFlow({ ...flow, confirmField: flow.confirmField }, record, job.transition);
      if (done) return done;
    }
    return runFlow(api, flow, job.transition, ownerOf(job));
  };
  await Promise.all([
    taskConfig
      ? runOwnerTaskJobs(run, {
          blocked: missing,
          findEarlier: (transitions) => findEarlierTasks(api, transitions),
          create: (jobs) => {
            const at = run.now();
            const items = jobs.map((job) => ({
              transition: job.transition,
              plan: ownerTaskPlan(taskConfig, job.transition, lookupOf(job)?.record, ownerOf(job), at),
            }));
            return createOwnerTasks(api, items);
          },
        })
      : undefined,
    ...(flow ? run.byAction('flow').map(async (job) => run.record(job)(await flowJob(flow, job))) : []),
  ]);
}

/** The records of every job, Leads and Contacts each read by id; keyed by the id as the transition gives it. */
async function readLookups(
  api: SalesforceApi,
  jobs: readonly HandoffJob[],
  extraFields: readonly string[],
): Promise<Map<string, RecordLookup>> {
  const lookups = new Map<string, RecordLookup>();
  await Promise.all(
    OBJECTS.map(async (object) => {
      const ids = jobs.filter((j) => j.transition.ref.object === object).map((j) => j.transition.ref.id);
      if (ids.length === 0) return;
      for (const [id, lookup] of await readHandoffRecords(api, object, ids, extraFields))
        lookups.set(id, lookup);
    }),
  );
  return lookups;
}

/** Why an action cannot run for this transition at all, or undefined when it can. */
function refusalOf(
  action: HandoffAction,
  config: SalesforceHandoffConfig,
  transition: Transition,
): string | undefined {
  if (!isSalesforceHandoffAction(action)) return `${action} is not a Salesforce handoff action`;
  if (!salesforceActionEnabled(config, action)) {
    return `${action} is not enabled in the Salesforce handoff configuration`;
  }
  if (action === 'webhook') return undefined;
  const { crm, object } = transition.ref;
  if (crm !== 'salesforce' || !(OBJECTS as readonly string[]).includes(object)) {
    return `not a Salesforce lead or contact (${crm} ${object})`;
  }
  return undefined;
}

/**
 * Lead-only actions for a Contact MQL: nothing to do, and nothing to retry — the action is done (skipped)
 * so that the ledger does not keep the transition open for ever.
 */
function notApplicable(action: HandoffAction, transition: Transition): string | undefined {
  if (transition.ref.object !== 'Contact') return undefined;
  if (action === 'lead_status') return 'skipped: contacts have no lead status (Lead only)';
  if (action === 'assignment') return 'skipped: lead assignment rules apply to Leads, not to Contacts';
  return undefined;
}
