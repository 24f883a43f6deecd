import type { Transition } from './crm-adapter.js';
import type { HandoffJob, HandoffRun } from './handoff-jobs.js';
import type { ActionResult } from './handoff-outcomes.js';

/** Transition key → id of a task on its record carrying the key; or why that could not be read. */
export type EarlierTasks = { found: Map<string, string> } | { failed: string };

export interface OwnerTaskSteps {
  /** An outcome that settles the job without looking or creating (its record is missing), or undefined. */
  blocked(job: HandoffJob): ActionResult | undefined;
  /** The connector's findEarlierTasks: never throws. */
  findEarlier(transitions: Transition[]): Promise<EarlierTasks>;
  /** One outcome per job, in job order. */
  create(jobs: HandoffJob[]): Promise<ActionResult[]>;
}

/** Unconfirmed tasks are looked for first (one read for all); then whatever is not found is created. */
export async function runOwnerTaskJobs(run: HandoffRun, steps: OwnerTaskSteps): Promise<void> {
  const taskJobs = run.byAction('owner_task');
  const toVerify = taskJobs.filter((job) => job.unconfirmed && !steps.blocked(job));
  const earlier =
    toVerify.length > 0 ? await steps.findEarlier(toVerify.map((job) => job.transition)) : undefined;
  const toCreate: HandoffJob[] = [];
  for (const job of taskJobs) {
    const result = steps.blocked(job) ?? (job.unconfirmed ? earlierTask(earlier, job.transition) : undefined);
    if (result) run.record(job)(result);
    else toCreate.push(job);
  }
  if (toCreate.length === 0) return;
  const created = await steps.create(toCreate);
  toCreate.forEach((job, i) => {
    const result = created[i];
    if (result) run.record(job)(result);
  });
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

export interface TaskResend<T extends { transition: Transition }> {
  /** The CRM's name, for the outcome details. */
  crm: string;
  /** Sends of one task whose every answer is lost. */
  maxSends: number;
  findEarlier(transitions: Transition[]): Promise<EarlierTasks>;
  /** Sends the tasks again; `send` counts the sends so far, this one included. */
  send(tasks: T[], send: number): Promise<void>;
  settle(task: T, result: ActionResult): void;
  createdDetail(task: T, taskId: string): string;
}

/**
 * After `why` left it open whether the CRM created these tasks (creating is not idempotent): those found
 * succeed; the others fail with `refusal` when the CRM refused something it did not attribute, and are
 * otherwise sent again, up to `maxSends` sends. When the lookup fails they are all `uncertain`.
 */
export async function verifyThenResend<T extends { transition: Transition }>(
  resend: TaskResend<T>,
  tasks: T[],
  send: number,
  why: string,
  refusal?: string,
): Promise<void> {
  const earlier = await resend.findEarlier(tasks.map((task) => task.transition));
  if ('failed' in earlier) {
    const detail = `task may not have been created: ${why}; could not check whether ${resend.crm} created it (${earlier.failed})`;
    for (const task of tasks) resend.settle(task, { ok: false, uncertain: true, detail });
    return;
  }
  const missing: T[] = [];
  for (const task of tasks) {
    const taskId = earlier.found.get(task.transition.key);
    if (taskId) {
      resend.settle(task, {
        ok: true,
        detail: `${resend.createdDetail(task, taskId)} (found after: ${why})`,
      });
    } else missing.push(task);
  }
  if (missing.length === 0) return;
  if (refusal === undefined && send < resend.maxSends) return resend.send(missing, send + 1);
  for (const task of missing)
    resend.settle(task, { ok: false, detail: `task not created: ${refusal ?? why}` });
}
