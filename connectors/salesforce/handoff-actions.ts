import PQueue from 'p-queue';
import type {
  HandoffAction,
  HandoffRequest,
  HandoffResult,
  Transition,
} from '../../src/connector/crm-adapter.js';
import { HandoffOutcomes } from '../../src/connector/handoff-outcomes.js';
import type { ActionResult } from '../../src/connector/handoff-outcomes.js';
import { postWebhook } from '../../src/connector/handoff-webhook.js';
import { isSalesforceHandoffAction, salesforceActionEnabled } from './handoff-config.js';
import type { SalesforceHandoffConfig, SalesforceOwnerTaskConfig } from './handoff-config.js';
import { runFlow, unconfirmedFlow } from './handoff-flow.js';
import { assignLeads, setLeadStatuses } from './handoff-lead-updates.js';
import type { LeadJob } from './handoff-lead-updates.js';
import { readHandoffRecords } from './handoff-records.js';
import type { HandoffObject, RecordLookup } from './handoff-records.js';
import { findEarlierTasks, ownerTaskPlan } from './handoff-task.js';
import type { EarlierTasks } from './handoff-task.js';
import { createOwnerTasks } from './handoff-task-create.js';
import type { SalesforceApi } from './salesforce-api.js';

export interface SalesforceHandoffDeps {
  /** For the webhook; the global fetch by default. */
  fetch?: typeof fetch;
  /** The handoff time (task due dates); the wall clock by default. */
  now?: () => Date;
}

/** Webhook receivers are not Salesforce: they get their own small concurrency limit, outside the scheduler. */
const WEBHOOK_CONCURRENCY = 4;
const OBJECTS: readonly HandoffObject[] = ['Lead', 'Contact'];

interface Job {
  index: number;
  action: HandoffAction;
  transition: Transition;
  /** A previous attempt may have done it (the request lists it as unconfirmed). */
  unconfirmed: boolean;
}

/**
 * Runs the requested actions of each MQL transition and reports one outcome per action. Only the actions a
 * request lists run (the caller's ledger has dropped those already done, which makes them exactly-once);
 * one action failing stops neither the others nor other transitions. Records are read once (200 per
 * query); then lead statuses are written (`Sforce-Auto-Assign: FALSE`), then the assignment rule runs
 * (`TRUE` or the rule id), so that a rule may look at the new status and the task goes to the owner it
 * leaves; then owner tasks (200 per collection create) and flow invocations. Never throws for a failed
 * action: its outcome says what went wrong, without secrets. An unconfirmed owner task is created only if
 * the record has no Task carrying the transition's key; an unconfirmed flow invocation is never repeated.
 */
export async function runSalesforceHandoff(
  api: SalesforceApi,
  config: SalesforceHandoffConfig,
  requests: HandoffRequest[],
  deps: SalesforceHandoffDeps = {},
): Promise<HandoffResult[]> {
  const now = deps.now ?? (() => new Date());
  const outcomes = new HandoffOutcomes(requests);
  const jobs: Job[] = [];
  requests.forEach((request, index) => {
    for (const action of new Set(request.actions)) {
      const refusal = refusalOf(action, config, request.transition);
      const skip = refusal ? undefined : notApplicable(action, request.transition);
      if (refusal) outcomes.set(index, action, { ok: false, detail: refusal });
      else if (skip) outcomes.set(index, action, { ok: true, detail: skip });
      else {
        const unconfirmed = request.unconfirmed?.includes(action) ?? false;
        jobs.push({ index, action, transition: request.transition, unconfirmed });
      }
    }
  });
  const record = (job: Job) => (result: ActionResult) => outcomes.set(job.index, job.action, result);
  const byAction = (action: HandoffAction) => jobs.filter((j) => j.action === action);

  const webhook = config.webhook;
  const webhooks = new PQueue({ concurrency: WEBHOOK_CONCURRENCY });
  const fetchFn = deps.fetch ?? fetch;
  const webhooksDone = webhook
    ? webhooks.addAll(
        byAction('webhook').map(
          (job) => async () => record(job)(await postWebhook(fetchFn, webhook, job.transition)),
        ),
      )
    : Promise.resolve();

  const crmActions = async () => {
    const crmJobs = jobs.filter((j) => j.action !== 'webhook');
    if (crmJobs.length === 0) return;
    const lookups = await readLookups(api, crmJobs);
    const lookupOf = (job: Job) => lookups.get(job.transition.ref.id);
    const leadJobs = (action: HandoffAction): LeadJob[] =>
      byAction(action).map((job) => ({ transition: job.transition, settle: record(job) }));
    if (config.lead_status) await setLeadStatuses(api, config.lead_status, leadJobs('lead_status'), lookups);
    const assigned = config.assignment
      ? await assignLeads(api, config.assignment, leadJobs('assignment'), lookups)
      : new Map<string, string>();
    /** The owner the assignment rule just left, else the one read before, else the one the sync read. */
    const ownerOf = (job: Job) => {
      const found = lookupOf(job)?.record;
      return (found && assigned.get(found.id)) ?? found?.ownerId ?? job.transition.ownerId;
    };
    const missing = (job: Job): ActionResult | undefined => {
      const lookup = lookupOf(job);
      return lookup?.failed !== undefined && lookup.missing
        ? { ok: false, detail: lookup.failed }
        : undefined;
    };

    /** Unconfirmed tasks are looked for first (one read for all); then whatever is not found is created. */
    const ownerTasks = async (settings: SalesforceOwnerTaskConfig) => {
      const taskJobs = byAction('owner_task');
      const toVerify = taskJobs.filter((job) => job.unconfirmed && !missing(job));
      const earlier =
        toVerify.length > 0
          ? await findEarlierTasks(
              api,
              toVerify.map((job) => job.transition),
            )
          : undefined;
      const toCreate: Job[] = [];
      for (const job of taskJobs) {
        const result = missing(job) ?? (job.unconfirmed ? earlierTask(earlier, job.transition) : undefined);
        if (result) record(job)(result);
        else toCreate.push(job);
      }
      if (toCreate.length === 0) return;
      const at = now();
      const items = toCreate.map((job) => ({
        transition: job.transition,
        plan: ownerTaskPlan(settings, job.transition, lookupOf(job)?.record, ownerOf(job), at),
      }));
      const created = await createOwnerTasks(api, items);
      toCreate.forEach((job, i) => {
        const result = created[i];
        if (result) record(job)(result);
      });
    };
    const flow = config.flow;
    await Promise.all([
      config.owner_task ? ownerTasks(config.owner_task) : undefined,
      ...(flow
        ? byAction('flow').map(async (job) =>
            record(job)(
              missing(job) ??
                (job.unconfirmed
                  ? unconfirmedFlow(flow)
                  : await runFlow(api, flow, job.transition, ownerOf(job))),
            ),
          )
        : []),
    ]);
  };

  const settled = await Promise.allSettled([crmActions(), webhooksDone]);
  const crash = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  const unsettled = crash
    ? `not run: the handoff failed unexpectedly (${crash.reason instanceof Error ? crash.reason.name : 'unknown error'})`
    : 'not run';
  return outcomes.results(unsettled);
}

/** The records of every job, Leads and Contacts each read by id; keyed by the id as the transition gives it. */
async function readLookups(api: SalesforceApi, jobs: readonly Job[]): Promise<Map<string, RecordLookup>> {
  const lookups = new Map<string, RecordLookup>();
  await Promise.all(
    OBJECTS.map(async (object) => {
      const ids = jobs.filter((j) => j.transition.ref.object === object).map((j) => j.transition.ref.id);
      if (ids.length === 0) return;
      for (const [id, lookup] of await readHandoffRecords(api, object, ids)) lookups.set(id, lookup);
    }),
  );
  return lookups;
}

/** The outcome for an unconfirmed task found (or not verifiable); undefined = not there, create it. */
function earlierTask(earlier: EarlierTasks | undefined, transition: Transition): ActionResult | undefined {
  if (!earlier) return undefined;
  if ('failed' in earlier) {
    return {
      ok: false,
      detail: `task not created: could not check for a task from an earlier attempt (${earlier.failed})`,
    };
  }
  const taskId = earlier.found.get(transition.key);
  return taskId
    ? { ok: true, detail: `task already created by an earlier attempt (task ${taskId})` }
    : undefined;
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
