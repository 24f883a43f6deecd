import { AssociationTypes } from '@hubspot/api-client';
import type { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/tasks/models/AssociationSpec.js';
import type { Transition } from '../../src/connector/crm-adapter.js';
import type { HubSpotApi } from './hubspot-api.js';
import type { HubSpotHandoffConfig } from './handoff-config.js';
import type { HandoffContact } from './handoff-contacts.js';
import { describeHubSpotFailure } from './handoff-failure.js';
import type { ActionResult } from './handoff-outcomes.js';
import { renderTemplate } from './handoff-template.js';

type OwnerTaskConfig = NonNullable<HubSpotHandoffConfig['owner_task']>;

const ENDPOINT = 'POST /crm/v3/objects/tasks';
const HOUR_MS = 3_600_000;
/** HUBSPOT_DEFINED task → contact (the tasks guide's example; the SDK's AssociationTypes.taskToContact). */
export const TASK_TO_CONTACT = AssociationTypes.taskToContact;

/**
 * One follow-up task for the contact's owner, associated with the contact: the subject from the template,
 * the reasons as its body, due `dueInHours` after `now`. Creating is not idempotent, so the scheduler does
 * not resend it after an ambiguous failure; the caller's ledger decides about another attempt.
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
  if (transition.reasons) properties.hs_task_body = transition.reasons;
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
  try {
    const task = await api.call(
      ENDPOINT,
      (c) => c.crm.objects.tasks.basicApi.createWithHttpInfo({ properties, associations }),
      { idempotent: false },
    );
    const owner = ownerId ? `for owner ${ownerId}` : 'without an owner';
    return { ok: true, detail: `task ${task.id} created ${owner}, due ${properties.hs_timestamp}` };
  } catch (error) {
    return { ok: false, detail: `task not created: ${describeHubSpotFailure(error, ENDPOINT)}` };
  }
}

function nameOf(transition: Transition, contact: HandoffContact | undefined): string {
  const name = [contact?.firstName, contact?.lastName].filter(Boolean).join(' ');
  return name || transition.email || contact?.email || `contact ${transition.ref.id}`;
}
