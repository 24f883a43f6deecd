import type {
  HandoffAction,
  HandoffRequest,
  HandoffResult,
  Transition,
} from '../../src/connector/crm-adapter.js';
import { runHandoffJobs, settleAll } from '../../src/connector/handoff-jobs.js';
import type { HandoffDeps, HandoffJob, HandoffRun } from '../../src/connector/handoff-jobs.js';
import type { ActionResult } from '../../src/connector/handoff-outcomes.js';
import { runOwnerTaskJobs } from '../../src/connector/handoff-owner-tasks.js';
import type { HubSpotApi } from './hubspot-api.js';
import { actionEnabled, isHubSpotHandoffAction } from './handoff-config.js';
import type { HubSpotHandoffConfig } from './handoff-config.js';
import { readHandoffContacts } from './handoff-contacts.js';
import { runPropertyActions } from './handoff-property-actions.js';
import type { PropertyJob } from './handoff-property-actions.js';
import { findEarlierTasks } from './handoff-task.js';
import { createOwnerTasks } from './handoff-task-batch.js';
import { enrollInWorkflow, unconfirmedEnrollment } from './handoff-workflow.js';

export type HubSpotHandoffDeps = HandoffDeps;

/**
 * Runs the requested actions of each MQL transition and reports one outcome per action. Only the actions a
 * request lists run (the caller's ledger has dropped those already done, which makes them exactly-once);
 * one action failing stops neither the others nor other transitions. Contacts are read once, 100 per batch
 * read; lifecycle stage and lead status are written together, 100 contacts per batch update; owner tasks
 * are created 100 per batch create. Never throws for a failed action: its outcome says what went wrong,
 * without secrets. An unconfirmed owner task is created only if the contact has no task carrying the
 * transition's key; an unconfirmed workflow enrollment is never repeated (it fails with a reason); the
 * idempotent actions simply run again.
 */
export async function runHubSpotHandoff(
  api: HubSpotApi,
  config: HubSpotHandoffConfig,
  requests: HandoffRequest[],
  deps: HubSpotHandoffDeps = {},
): Promise<HandoffResult[]> {
  return runHandoffJobs(
    requests,
    {
      refusal: (action, transition) => refusalOf(action, config, transition),
      webhook: config.webhook,
      crmActions: (run) => runContactActions(api, config, run),
    },
    deps,
  );
}

async function runContactActions(
  api: HubSpotApi,
  config: HubSpotHandoffConfig,
  run: HandoffRun,
): Promise<void> {
  const lookups = await readHandoffContacts(
    api,
    run.jobs.map((j) => j.transition.ref.id),
  );
  const found = (job: HandoffJob) => {
    const lookup = lookups.get(job.transition.ref.id);
    return lookup?.state === 'found' ? lookup.contact : undefined;
  };
  const notFound = (job: HandoffJob): ActionResult | undefined =>
    lookups.get(job.transition.ref.id)?.state === 'missing'
      ? { ok: false, detail: `contact ${job.transition.ref.id} not found in HubSpot` }
      : undefined;

  const propertyJobs = run.jobs.filter(
    (j): j is HandoffJob & PropertyJob => j.action === 'lifecycle_stage' || j.action === 'lead_status',
  );
  const taskConfig = config.owner_task;
  const workflowId = config.workflow?.workflowId;
  const enroll = async (job: HandoffJob, id: string) =>
    run.record(job)(
      notFound(job) ??
        (job.unconfirmed
          ? unconfirmedEnrollment(id)
          : await enrollInWorkflow(api, id, job.transition.email ?? found(job)?.email)),
    );
  await settleAll([
    runPropertyActions(api, config, propertyJobs, lookups, run.outcomes),
    taskConfig
      ? runOwnerTaskJobs(run, {
          blocked: notFound,
          findEarlier: (transitions) => findEarlierTasks(api, transitions),
          create: (jobs) =>
            createOwnerTasks(
              api,
              taskConfig,
              jobs.map((job) => ({ transition: job.transition, contact: found(job) })),
              run.now(),
            ),
        })
      : undefined,
    ...(workflowId ? run.byAction('workflow').map((job) => enroll(job, workflowId)) : []),
  ]);
}

/** Why an action cannot run for this transition at all, or undefined when it can. */
function refusalOf(
  action: HandoffAction,
  config: HubSpotHandoffConfig,
  transition: Transition,
): string | undefined {
  if (!isHubSpotHandoffAction(action)) return `${action} is not a HubSpot handoff action`;
  if (!actionEnabled(config, action)) return `${action} is not enabled in the HubSpot handoff configuration`;
  const { crm, object } = transition.ref;
  if (action !== 'webhook' && (crm !== 'hubspot' || object !== 'contact')) {
    return `not a HubSpot contact (${crm} ${object})`;
  }
  return undefined;
}
