import { AssociationTypes } from '@hubspot/api-client';
import type { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/tasks/models/AssociationSpec.js';
import type { Transition } from '../../src/connector/crm-adapter.js';
import { readContactAssociations } from './engagement-associations.js';
import { readEngagementObjects } from './engagement-objects.js';
import type { HubSpotApi } from './hubspot-api.js';
import type { HubSpotHandoffConfig } from './handoff-config.js';
import type { HandoffContact } from './handoff-contacts.js';
import { describeHubSpotFailure } from './handoff-failure.js';
import type { EarlierTasks } from '../../src/connector/handoff-owner-tasks.js';
import { renderTemplate } from '../../src/connector/handoff-template.js';

export type OwnerTaskConfig = NonNullable<HubSpotHandoffConfig['owner_task']>;

/** One task as the batch create takes it (SimplePublicObjectBatchInputForCreate without its trace id). */
export interface OwnerTaskInput {
  properties: Record<string, string>;
  associations: {
    to: { id: string };
    types: { associationCategory: AssociationSpecAssociationCategoryEnum; associationTypeId: number }[];
  }[];
}

const HOUR_MS = 3_600_000;
/** HUBSPOT_DEFINED task → contact (the tasks guide's example; the SDK's AssociationTypes.taskToContact). */
export const TASK_TO_CONTACT = AssociationTypes.taskToContact;

/**
 * The last line of every task's body: names the transition, so that a later attempt can find a task an
 * earlier one created (see findEarlierTasks). Short and plain, since sales reps read the body.
 */
export const transitionLine = (key: string): string => `leadscore transition ${key}`;

/**
 * One follow-up task for the contact's owner, associated with the contact: the subject from the template,
 * the reasons as its body (then the transitionLine), due `dueInHours` after `now`.
 */
export function ownerTaskInput(
  config: OwnerTaskConfig,
  transition: Transition,
  contact: HandoffContact | undefined,
  now: Date,
): OwnerTaskInput {
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
  return { properties, associations };
}

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
      const carriesKey = transitionMatcher(transition.key);
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
export function transitionMatcher(key: string): (body: string) => boolean {
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
