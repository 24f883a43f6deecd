import type { Transition } from '../../src/connector/crm-adapter.js';
import type { ActionResult } from '../../src/connector/handoff-outcomes.js';
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

type Settle = (task: Pending, result: ActionResult) => void;

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
  const settle: Settle = (task, result) => {
    results[task.index] = result;
  };
  const tasks = items.map((item, index): Pending => ({ ...item, index }));
  const chunks: Pending[][] = [];
  for (let i = 0; i < tasks.length; i += UPDATE_COLLECTION_SIZE) {
    chunks.push(tasks.slice(i, i + UPDATE_COLLECTION_SIZE));
  }
  await Promise.all(chunks.map((chunk) => sendChunk(api, chunk, 1, settle)));
  return results;
}

async function sendChunk(api: SalesforceApi, chunk: Pending[], send: number, settle: Settle): Promise<void> {
  let answer: unknown;
  try {
    answer = await api.createCollection(chunk.map((task) => task.plan.record));
  } catch (error) {
    const why = describeSalesforceFailure(error);
    if (answerMayBeLost(error)) return verifyThenResend(api, chunk, send, settle, why);
    for (const task of chunk) settle(task, { ok: false, detail: `task not created: ${why}` });
    return;
  }
  const saved = saveResultsSchema.safeParse(answer);
  if (!saved.success || saved.data.length !== chunk.length) {
    const why = "Salesforce's answer did not give one save result per task";
    return verifyThenResend(api, chunk, send, settle, why);
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
    await verifyThenResend(api, unaccounted, send, settle, "Salesforce's answer named no task id");
  }
}

/** After `why` left it open whether Salesforce created these tasks: those found succeed, the others are sent again. */
async function verifyThenResend(
  api: SalesforceApi,
  tasks: Pending[],
  send: number,
  settle: Settle,
  why: string,
): Promise<void> {
  const earlier = await findEarlierTasks(
    api,
    tasks.map((task) => task.transition),
  );
  if ('failed' in earlier) {
    const detail = `task may not have been created: ${why}; could not check whether Salesforce created it (${earlier.failed})`;
    for (const task of tasks) settle(task, { ok: false, uncertain: true, detail });
    return;
  }
  const missing: Pending[] = [];
  for (const task of tasks) {
    const taskId = earlier.found.get(task.transition.key);
    if (taskId) settle(task, { ok: true, detail: `${createdDetail(task, taskId)} (found after: ${why})` });
    else missing.push(task);
  }
  if (missing.length === 0) return;
  if (send < MAX_SENDS) return sendChunk(api, missing, send + 1, settle);
  for (const task of missing) settle(task, { ok: false, detail: `task not created: ${why}` });
}

function createdDetail(task: Pending, taskId: string): string {
  return `task ${taskId} created ${task.plan.summary}`;
}
