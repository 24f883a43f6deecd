import PQueue from 'p-queue';
import type {
  HandoffAction,
  HandoffRequest,
  HandoffResult,
  Transition,
} from '../../src/connector/crm-adapter.js';
import type { HubSpotApi } from './hubspot-api.js';
import { actionEnabled, isHubSpotHandoffAction } from './handoff-config.js';
import type { HubSpotHandoffConfig } from './handoff-config.js';
import { readHandoffContacts } from './handoff-contacts.js';
import type { ContactLookup } from './handoff-contacts.js';
import { HandoffOutcomes } from '../../src/connector/handoff-outcomes.js';
import type { ActionResult } from '../../src/connector/handoff-outcomes.js';
import { runPropertyActions } from './handoff-property-actions.js';
import type { PropertyJob } from './handoff-property-actions.js';
import { findEarlierTasks } from './handoff-task.js';
import { createOwnerTasks } from './handoff-task-batch.js';
import type { EarlierTasks } from './handoff-task.js';
import { postWebhook } from '../../src/connector/handoff-webhook.js';
import { enrollInWorkflow, unconfirmedEnrollment } from './handoff-workflow.js';

export interface HubSpotHandoffDeps {
  /** For the webhook; the global fetch by default. */
  fetch?: typeof fetch;
  /** The handoff time (task due dates); the wall clock by default. */
  now?: () => Date;
}

/** Webhook receivers are not HubSpot: they get their own small concurrency limit, outside the scheduler. */
const WEBHOOK_CONCURRENCY = 4;

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
  const now = deps.now ?? (() => new Date());
  const fetchFn = deps.fetch ?? fetch;
  const outcomes = new HandoffOutcomes(requests);
  const jobs: Job[] = [];
  requests.forEach((request, index) => {
    for (const action of new Set(request.actions)) {
      const refusal = refusalOf(action, config, request.transition);
      if (refusal) outcomes.set(index, action, { ok: false, detail: refusal });
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
  const webhooksDone = webhook
    ? webhooks.addAll(
        byAction('webhook').map(
          (job) => async () => record(job)(await postWebhook(fetchFn, webhook, job.transition)),
        ),
      )
    : Promise.resolve();

  const crmJobs = jobs.filter((j) => j.action !== 'webhook');
  const lookups =
    crmJobs.length > 0
      ? await readHandoffContacts(
          api,
          crmJobs.map((j) => j.transition.ref.id),
        )
      : new Map<string, ContactLookup>();
  const found = (job: Job) => {
    const lookup = lookups.get(job.transition.ref.id);
    return lookup?.state === 'found' ? lookup.contact : undefined;
  };
  const notFound = (job: Job): ActionResult | undefined =>
    lookups.get(job.transition.ref.id)?.state === 'missing'
      ? { ok: false, detail: `contact ${job.transition.ref.id} not found in HubSpot` }
      : undefined;

  const propertyJobs = jobs.filter(
    (j): j is Job & PropertyJob => j.action === 'lifecycle_stage' || j.action === 'lead_status',
  );
  const taskConfig = config.owner_task;
  const workflowId = config.workflow?.workflowId;
  /** Unconfirmed tasks are looked for first (one read for all); then whatever is not found is created. */
  const ownerTasks = async (settings: NonNullable<HubSpotHandoffConfig['owner_task']>) => {
    const taskJobs = byAction('owner_task');
    const toVerify = taskJobs.filter((job) => job.unconfirmed && !notFound(job));
    const earlier =
      toVerify.length > 0
        ? await findEarlierTasks(
            api,
            toVerify.map((job) => job.transition),
          )
        : undefined;
    const toCreate: Job[] = [];
    for (const job of taskJobs) {
      const result = notFound(job) ?? (job.unconfirmed ? earlierTask(earlier, job.transition) : undefined);
      if (result) record(job)(result);
      else toCreate.push(job);
    }
    if (toCreate.length === 0) return;
    const items = toCreate.map((job) => ({ transition: job.transition, contact: found(job) }));
    const created = await createOwnerTasks(api, settings, items, now());
    toCreate.forEach((job, i) => {
      const result = created[i];
      if (result) record(job)(result);
    });
  };
  const settled = await Promise.allSettled([
    runPropertyActions(api, config, propertyJobs, lookups, outcomes),
    ...(taskConfig ? [ownerTasks(taskConfig)] : []),
    ...(workflowId
      ? byAction('workflow').map(async (job) =>
          record(job)(
            notFound(job) ??
              (job.unconfirmed
                ? unconfirmedEnrollment(workflowId)
                : await enrollInWorkflow(api, workflowId, job.transition.email ?? found(job)?.email)),
          ),
        )
      : []),
    webhooksDone,
  ]);
  const crash = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  const unsettled = crash
    ? `not run: the handoff failed unexpectedly (${crash.reason instanceof Error ? crash.reason.name : 'unknown error'})`
    : 'not run';
  return outcomes.results(unsettled);
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
