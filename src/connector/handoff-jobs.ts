import PQueue from 'p-queue';
import type { HandoffAction, HandoffRequest, HandoffResult, Transition } from './crm-adapter.js';
import { HandoffOutcomes } from './handoff-outcomes.js';
import type { ActionResult } from './handoff-outcomes.js';
import { postWebhook } from './handoff-webhook.js';
import type { WebhookTarget } from './handoff-webhook.js';

/** Webhook receivers are not the CRM: they get their own small concurrency limit, outside the scheduler. */
const WEBHOOK_CONCURRENCY = 4;

export interface HandoffJob {
  index: number;
  action: HandoffAction;
  transition: Transition;
  /** A previous attempt may have done it (the request lists it as unconfirmed). */
  unconfirmed: boolean;
}

export interface HandoffDeps {
  /** For the webhook; the global fetch by default. */
  fetch?: typeof fetch;
  /** The handoff time (task due dates); the wall clock by default. */
  now?: () => Date;
}

/** What a connector's own actions work from. */
export interface HandoffRun {
  /** The jobs of every CRM action (webhooks run apart). */
  readonly jobs: readonly HandoffJob[];
  byAction(action: HandoffAction): HandoffJob[];
  record(job: HandoffJob): (result: ActionResult) => void;
  readonly outcomes: HandoffOutcomes;
  now(): Date;
}

export interface HandoffPlan {
  /** Why an action cannot run for this transition at all (it fails), or undefined when it can. */
  refusal(action: HandoffAction, transition: Transition): string | undefined;
  /** Why an action has nothing to do for this transition (it succeeds, skipped), or undefined. */
  skip?(action: HandoffAction, transition: Transition): string | undefined;
  webhook: WebhookTarget | undefined;
  /** Runs the CRM's actions and records their outcomes; called only when there is one to run. */
  crmActions(run: HandoffRun): Promise<void>;
}

/**
 * One job per distinct action of each request, unless refused or skipped; webhooks posted through a small
 * queue of their own while the CRM's actions run. One outcome per requested action: one that never got one
 * (the run failed unexpectedly) says so, naming only the error's class.
 */
export async function runHandoffJobs(
  requests: HandoffRequest[],
  plan: HandoffPlan,
  deps: HandoffDeps = {},
): Promise<HandoffResult[]> {
  const outcomes = new HandoffOutcomes(requests);
  const jobs: HandoffJob[] = [];
  requests.forEach((request, index) => {
    for (const action of new Set(request.actions)) {
      const refusal = plan.refusal(action, request.transition);
      const skip = refusal ? undefined : plan.skip?.(action, request.transition);
      if (refusal) outcomes.set(index, action, { ok: false, detail: refusal });
      else if (skip) outcomes.set(index, action, { ok: true, detail: skip });
      else {
        const unconfirmed = request.unconfirmed?.includes(action) ?? false;
        jobs.push({ index, action, transition: request.transition, unconfirmed });
      }
    }
  });
  const record = (job: HandoffJob) => (result: ActionResult) => outcomes.set(job.index, job.action, result);

  const webhook = plan.webhook;
  const fetchFn = deps.fetch ?? fetch;
  const webhooks = new PQueue({ concurrency: WEBHOOK_CONCURRENCY });
  const webhooksDone = webhook
    ? webhooks.addAll(
        jobs
          .filter((j) => j.action === 'webhook')
          .map((job) => async () => record(job)(await postWebhook(fetchFn, webhook, job.transition))),
      )
    : Promise.resolve();

  const crmJobs = jobs.filter((j) => j.action !== 'webhook');
  const run: HandoffRun = {
    jobs: crmJobs,
    byAction: (action) => crmJobs.filter((j) => j.action === action),
    record,
    outcomes,
    now: deps.now ?? (() => new Date()),
  };
  const settled = await Promise.allSettled([
    crmJobs.length > 0 ? plan.crmActions(run) : undefined,
    webhooksDone,
  ]);
  const crash = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  const unsettled = crash
    ? `not run: the handoff failed unexpectedly (${crash.reason instanceof Error ? crash.reason.name : 'unknown error'})`
    : 'not run';
  return outcomes.results(unsettled);
}

/** Waits for every action, so that none is cut short by another's crash; then throws the first crash. */
export async function settleAll(actions: readonly (Promise<unknown> | undefined)[]): Promise<void> {
  const settled = await Promise.allSettled(actions);
  const crash = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (crash) throw crash.reason;
}
