import type { Transition } from '../../src/connector/crm-adapter.js';
import { describeFailure } from '../../src/http/describe-failure.js';
import type { HubSpotApi } from './hubspot-api.js';
import type { HandoffContact } from './handoff-contacts.js';
import { describeHubSpotFailure } from './handoff-failure.js';
import type { ActionResult } from '../../src/connector/handoff-outcomes.js';
import { verifyThenResend } from '../../src/connector/handoff-owner-tasks.js';
import type { TaskResend } from '../../src/connector/handoff-owner-tasks.js';
import { findEarlierTasks, ownerTaskInput, transitionMatcher } from './handoff-task.js';
import type { OwnerTaskConfig, OwnerTaskInput } from './handoff-task.js';
import { hubSpotPolicy } from './hubspot-policy.js';

/** Inputs per batch create: HubSpot refuses more than 100 (as for batch updates, see update-contacts). */
export const TASK_BATCH_SIZE = 100;
const ENDPOINT = 'POST /crm/v3/objects/tasks/batch/create';
/** Sends of one task whose every answer is lost: as many as the scheduler's attempts of an idempotent call. */
const MAX_SENDS = hubSpotPolicy().backoff.maxAttempts;
const MAX_MESSAGE = 300;

export interface OwnerTaskItem {
  transition: Transition;
  contact: HandoffContact | undefined;
}

interface Pending {
  index: number;
  transition: Transition;
  input: OwnerTaskInput;
  carriesKey: (body: string) => boolean;
}

type Resend = TaskResend<Pending>;

interface BatchAnswer {
  results: { id: string; objectWriteTraceId?: string; properties: Record<string, string | null> }[];
  errors?: { category?: string; message?: string; context?: Record<string, string[] | undefined> }[];
}

/**
 * One follow-up task per item (see ownerTaskInput), created 100 per batch create; one outcome per item, in
 * item order. Each input carries an objectWriteTraceId, which turns on HubSpot's multi-status answer: a
 * 207 names the inputs it refused, and only those fail. Results do not come in input order
 * (HubSpot/hubspot-api-nodejs#190), so a result is matched by its trace id or else by the transition line
 * of its body; an input the answer accounts for neither way is treated like a lost answer. Creating is not idempotent, so after a lost
 * answer (a 5xx, a dropped connection) the batch's tasks are looked for first (findEarlierTasks): those
 * found succeed, the others are sent again in a new batch (at most MAX_SENDS sends); when the lookup
 * fails they are all `uncertain`. A 400 refuses a whole batch for one bad input, so the batch is halved
 * until the bad input stands alone and the others are created; other refusals fail the batch.
 */
export async function createOwnerTasks(
  api: HubSpotApi,
  config: OwnerTaskConfig,
  items: readonly OwnerTaskItem[],
  now: Date,
): Promise<ActionResult[]> {
  const results: ActionResult[] = [];
  const tasks = items.map((item, index): Pending => ({
    index,
    transition: item.transition,
    input: ownerTaskInput(config, item.transition, item.contact, now),
    carriesKey: transitionMatcher(item.transition.key),
  }));
  const resend: Resend = {
    crm: 'HubSpot',
    maxSends: MAX_SENDS,
    findEarlier: (transitions) => findEarlierTasks(api, transitions),
    send: (again, send) => sendBatch(api, again, send, resend),
    settle: (task, result) => {
      results[task.index] = result;
    },
    createdDetail,
  };
  const batches: Pending[][] = [];
  for (let i = 0; i < tasks.length; i += TASK_BATCH_SIZE) batches.push(tasks.slice(i, i + TASK_BATCH_SIZE));
  await Promise.all(batches.map((batch) => sendBatch(api, batch, 1, resend)));
  return results;
}

async function sendBatch(api: HubSpotApi, batch: Pending[], send: number, resend: Resend): Promise<void> {
  let answer: BatchAnswer;
  try {
    answer = await api.call(
      ENDPOINT,
      (c) =>
        c.crm.objects.tasks.batchApi.createWithHttpInfo({
          inputs: batch.map((task, i) => ({ ...task.input, objectWriteTraceId: traceId(i) })),
        }),
      { idempotent: false },
    );
  } catch (error) {
    const failure = describeHubSpotFailure(error, ENDPOINT);
    if (answerMayBeLost(error)) return verifyThenResend(resend, batch, send, failure);
    if (statusOf(error) === 400 && batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      await sendBatch(api, batch.slice(0, half), send, resend);
      await sendBatch(api, batch.slice(half), send, resend);
      return;
    }
    for (const task of batch) resend.settle(task, { ok: false, detail: `task not created: ${failure}` });
    return;
  }
  const { unaccounted, refusal } = readAnswer(batch, answer, resend.settle);
  if (unaccounted.length > 0) {
    const why = "HubSpot's answer named no task for it";
    await verifyThenResend(resend, unaccounted, send, why, refusal);
  }
}

/** Settles the inputs the answer accounts for; returns the others, and a refusal it could not attribute. */
function readAnswer(
  batch: Pending[],
  answer: BatchAnswer,
  settle: Resend['settle'],
): { unaccounted: Pending[]; refusal?: string } {
  const byTraceId = new Map(batch.map((task, i) => [traceId(i), task]));
  const open = new Set(batch);
  for (const created of answer.results) {
    const body = created.properties.hs_task_body ?? '';
    const task =
      (created.objectWriteTraceId !== undefined ? byTraceId.get(created.objectWriteTraceId) : undefined) ??
      [...open].find((t) => t.carriesKey(body));
    if (!task || !open.delete(task)) continue;
    settle(task, { ok: true, detail: createdDetail(task, created.id) });
  }
  let unattributed: string | undefined;
  for (const error of answer.errors ?? []) {
    const refusal = describeBatchError(error);
    const named = (error.context?.objectWriteTraceId ?? []).flatMap((id) => byTraceId.get(id) ?? []);
    if (named.length === 0) unattributed ??= refusal;
    for (const task of named) {
      if (open.delete(task)) settle(task, { ok: false, detail: `task not created: ${refusal}` });
    }
  }
  return { unaccounted: [...open], refusal: unattributed };
}

/**
 * A failure the scheduler would retry were the call idempotent (a 5xx, a timeout, a lost connection): the
 * request may have been carried out. Refusals (4xx, 429s out of attempts, the daily limit) were not.
 */
function answerMayBeLost(error: unknown): boolean {
  const failure = describeFailure(error, { requestClass: 'standard', endpoint: ENDPOINT, attempt: 1 });
  return hubSpotPolicy().classify(failure).kind === 'retry';
}

function statusOf(error: unknown): number | undefined {
  return describeFailure(error, { requestClass: 'standard', endpoint: ENDPOINT, attempt: 1 }).status;
}

/** Unique within one request, which is all HubSpot asks of it. */
const traceId = (position: number): string => `leadscore-${position}`;

function createdDetail(task: Pending, taskId: string): string {
  const ownerId = task.input.properties.hubspot_owner_id;
  const owner = ownerId ? `for owner ${ownerId}` : 'without an owner';
  return `task ${taskId} created ${owner}, due ${task.input.properties.hs_timestamp}`;
}

/** A 207's error entry as describeHubSpotFailure words a failed call. */
function describeBatchError(error: { category?: string; message?: string }): string {
  const category = error.category ? ` ${error.category}` : '';
  const text = error.message ?? '';
  const clipped = text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
  return `HubSpot answered 207${category}${clipped ? `: ${clipped}` : ''}`;
}
