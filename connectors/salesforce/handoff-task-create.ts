import type { Transition } from '../../src/connector/crm-adapter.js';
import type { ActionResult } from '../../src/connector/handoff-outcomes.js';
import { verifyThenResend } from '../../src/connector/handoff-owner-tasks.js';
import type { TaskResend } from '../../src/connector/handoff-owner-tasks.js';
import { answerMayBeLost, describeRecordErrors, describeSalesforceFailure } from './handoff-failure.js';
import { saveResultsSchema, UPDATE_COLLECTION_SIZE } from './handoff-record-updates.js';
import { findEarlierTasks } from './handoff-task.js';
import type { OwnerTaskPlan } from './handoff-task.js';
import type { SalesforceApi } from './salesforce-api.js';
import { salesforcePolicy } from './salesforce-policy.js';

/** Sends of one task whose every answer is lost: as many as the scheduler's attempts of an idempotent call. */
const MAX_SENDS = salesforcePolicy().backoff.maxAttempts;

export interface OwnerTaskItem {
  transition: Transition;
  plan: OwnerTaskPlan;
}

interface Pending extends OwnerTaskItem {
  index: number;
}

type Resend = TaskResend<Pending>;

/**
 * One Task per item, created 200 per sObject Collections create (`allOrNone: false`): one outcome per item,
 * in item order, from the SaveResult at its position. Creating is not idempotent, so after a lost answer (a
 * 5xx, a dropped connection) or one that does not account for every task, the tasks are looked for first
 * (findEarlierTasks): those found succeed, the others are sent again (at most MAX_SENDS sends); when the
 * lookup fails they are all `uncertain`. A refusal of the whole call fails its tasks.
 */
export async function createOwnerTasks(
  api: SalesforceApi,
  items: readonly OwnerTaskItem[],
): Promise<ActionResult[]> {
  const results: ActionResult[] = [];
  const resend: Resend = {
    crm: 'Salesforce',
    maxSends: MAX_SENDS,
    findEarlier: (transitions) => findEarlierTasks(api, transitions),
    send: (again, send) => sendChunk(api, again, send, resend),
    settle: (task, result) => {
      results[task.index] = result;
    },
    createdDetail,
  };
  const tasks = items.map((item, index): Pending => ({ ...item, index }));
  const chunks: Pending[][] = [];
  for (let i = 0; i < tasks.length; i += UPDATE_COLLECTION_SIZE) {
    chunks.push(tasks.slice(i, i + UPDATE_COLLECTION_SIZE));
  }
  await Promise.all(chunks.map((chunk) => sendChunk(api, chunk, 1, resend)));
  return results;
}

async function sendChunk(api: SalesforceApi, chunk: Pending[], send: number, resend: Resend): Promise<void> {
  const { settle } = resend;
  let answer: unknown;
  try {
    answer = await api.createCollection(chunk.map((task) => task.plan.record));
  } catch (error) {
    const why = describeSalesforceFailure(error);
    if (answerMayBeLost(error)) return verifyThenResend(resend, chunk, send, why);
    for (const task of chunk) settle(task, { ok: false, detail: `task not created: ${why}` });
    return;
  }
  const saved = saveResultsSchema.safeParse(answer);
  if (!saved.success || saved.data.length !== chunk.length) {
    const why = "Salesforce's answer did not give one save result per task";
    return verifyThenResend(resend, chunk, send, why);
  }
  const unaccounted: Pending[] = [];
  chunk.forEach((task, i) => {
    const result = saved.data[i]!;
    if (!result.success) {
      settle(task, { ok: false, detail: `task not created: ${describeRecordErrors(result.errors)}` });
    } else if (result.id) settle(task, { ok: true, detail: createdDetail(task, result.id) });
    else unaccounted.push(task);
  });
  if (unaccounted.length > 0) {
    await verifyThenResend(resend, unaccounted, send, "Salesforce's answer named no task id");
  }
}

function createdDetail(task: Pending, taskId: string): string {
  return `task ${taskId} created ${task.plan.summary}`;
}
