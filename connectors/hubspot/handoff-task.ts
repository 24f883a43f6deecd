import { AssociationTypes } from '@hubspot/api-client';
import type { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/tasks/models/AssociationSpec.js';
import type { Transition } from '../../src/connector/crm-adapter.js';
import { describeFailure } from '../../src/http/describe-failure.js';
import { readContactAssociations } from './engagement-associations.js';
import { readEngagementObjects } from './engagement-objects.js';
import type { HubSpotApi } from './hubspot-api.js';
import type { HubSpotHandoffConfig } from './handoff-config.js';
import type { HandoffContact } from './handoff-contacts.js';
import { describeHubSpotFailure } from './handoff-failure.js';
import type { ActionResult } from './handoff-outcomes.js';
import { renderTemplate } from './handoff-template.js';
import { hubSpotPolicy } from './hubspot-policy.js';

type OwnerTaskConfig = NonNullable<HubSpotHandoffConfig['owner_task']>;

const ENDPOINT = 'POST /crm/v3/objects/tasks';
const HOUR_MS = 3_600_000;
/** Sends of one task whose every answer is lost: as many as the scheduler's attempts of an idempotent call. */
const MAX_SENDS = hubSpotPolicy().backoff.maxAttempts;
/** HUBSPOT_DEFINED task → contact (the tasks guide's example; the SDK's AssociationTypes.taskToContact). */
export const TASK_TO_CONTACT = AssociationTypes.taskToContact;

/**
 * The last line of every task's body: names the transition, so that a later attempt can find a task an
 * earlier one created (see findEarlierTasks). Short and plain, since sales reps read the body.
 */
export const transitionLine = (key: string): string => `leadscore transition ${key}`;

/**
 * One follow-up task for the contact's owner, associated with the contact: the subject from the template,
 * the reasons as its body (then the transitionLine), due `dueInHours` after `now`. Creating is not
 * idempotent, so the scheduler does not resend it after an ambiguous failure (a 5xx, a lost connection):
 * HubSpot may have created the task before the answer was lost. It is looked for first (findEarlierTasks),
 * and sent again only when it is not there; when the check itself fails, the outcome is a failure and the
 * caller's ledger decides about another attempt.
 */
export async function createOwnerTask(
  api: HubSpotApi,
  config: OwnerTaskConfig,
  transition: Transition,
  contact: HandoffContact | undefined,
  now: Date,
): Promise<ActionResult> {
  const ownerId = transition.ownerId ?? contact?.ownerId;
  const properties: Record<string, string> = {
    hs_task_subject: renderTemplate(config.subject, {
      name: nameOf(transition, contact),
      score: String(transition.score),
      grade: transition.grade,
      model: transition.model,
      email: transition.email ?? contact?.email ?? '',
    }),
    hs_timestamp: new Date(now.getTime() + config.dueInHours * HOUR_MS).toISOString(),
    hs_task_status: 'NOT_STARTED',
    hs_task_priority: config.priority,
    hs_task_type: config.type,
  };
  const line = transitionLine(transition.key);
  properties.hs_task_body = transition.reasons ? `${transition.reasons}\n\n${line}` : line;
  if (ownerId) properties.hubspot_owner_id = ownerId;
  const associations = [
    {
      to: { id: transition.ref.id },
      types: [
        {
          associationCategory: 'HUBSPOT_DEFINED' as AssociationSpecAssociationCategoryEnum,
          associationTypeId: TASK_TO_CONTACT,
        },
      ],
    },
  ];
  const owner = ownerId ? `for owner ${ownerId}` : 'without an owner';
  for (let send = 1; ; send++) {
    try {
      const task = await api.call(
        ENDPOINT,
        (c) => c.crm.objects.tasks.basicApi.createWithHttpInfo({ properties, associations }),
        { idempotent: false },
      );
      return { ok: true, detail: `task ${task.id} created ${owner}, due ${properties.hs_timestamp}` };
    } catch (error) {
      const failure = describeHubSpotFailure(error, ENDPOINT);
      if (!answerMayBeLost(error)) return { ok: false, detail: `task not created: ${failure}` };
      const earlier = await findEarlierTasks(api, [transition]);
      if ('failed' in earlier) {
        return {
          ok: false,
          uncertain: true,
          detail: `task may not have been created: ${failure}; could not check whether HubSpot created it (${earlier.failed})`,
        };
      }
      const taskId = earlier.found.get(transition.key);
      if (taskId) {
        return {
          ok: true,
          detail: `task ${taskId} created ${owner}, due ${properties.hs_timestamp} (found after: ${failure})`,
        };
      }
      if (send >= MAX_SENDS) return { ok: false, detail: `task not created: ${failure}` };
    }
  }
}

/**
 * A failure the scheduler would retry were the call idempotent (a 5xx, a timeout, a lost connection): the
 * request may have been carried out. Refusals (4xx, 429s out of attempts, the daily limit) were not.
 */
function answerMayBeLost(error: unknown): boolean {
  const failure = describeFailure(error, { requestClass: 'standard', endpoint: ENDPOINT, attempt: 1 });
  return hubSpotPolicy().classify(failure).kind === 'retry';
}

/** Transition key → id of a task of its contact whose body carries the key; or why that could not be read. */
export type EarlierTasks = { found: Map<string, string> } | { failed: string };

const ASSOCIATIONS_ENDPOINT = 'POST /crm/v4/associations/contacts/tasks/batch/read';
const TASKS_ENDPOINT = 'POST /crm/v3/objects/tasks/batch/read';

/**
 * For transitions whose task an earlier attempt may have created: the contacts' tasks through the v4
 * associations batch read, then their bodies through the tasks batch read, looking for the transitionLine.
 * Never throws: a failed read comes back as `failed`, and the caller then creates nothing.
 */
export async function findEarlierTasks(
  api: HubSpotApi,
  transitions: readonly Transition[],
): Promise<EarlierTasks> {
  let endpoint = ASSOCIATIONS_ENDPOINT;
  try {
    const { links } = await readContactAssociations(
      api,
      'tasks',
      transitions.map((t) => t.ref.id),
    );
    const taskIds = [...new Set([...links.values()].flat())];
    endpoint = TASKS_ENDPOINT;
    const { records } =
      taskIds.length > 0
        ? await readEngagementObjects(api, 'tasks', taskIds, ['hs_task_body'])
        : { records: [] };
    const bodies = new Map(records.map((r) => [r.id, r.properties.hs_task_body ?? '']));
    const found = new Map<string, string>();
    for (const transition of transitions) {
      const carriesKey = keyMatcher(transition.key);
      const taskId = (links.get(transition.ref.id) ?? []).find((id) => carriesKey(bodies.get(id) ?? ''));
      if (taskId) found.set(transition.key, taskId);
    }
    return { found };
  } catch (error) {
    return { failed: describeHubSpotFailure(error, endpoint) };
  }
}

/**
 * Whether a body carries the transitionLine of `key`, as sent or HTML-escaped (the body is rich text), and
 * not as the start of a longer key (`…@3` is not `…@30`).
 */
function keyMatcher(key: string): (body: string) => boolean {
  const escapeHtml = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const lines = [...new Set([transitionLine(key), escapeHtml(transitionLine(key))])];
  const pattern = new RegExp(`(?:${lines.map(escapeRegExp).join('|')})(?=$|[\\s<])`);
  return (body) => pattern.test(body);
}

function nameOf(transition: Transition, contact: HandoffContact | undefined): string {
  const name = [contact?.firstName, contact?.lastName].filter(Boolean).join(' ');
  return name || transition.email || contact?.email || `contact ${transition.ref.id}`;
}
