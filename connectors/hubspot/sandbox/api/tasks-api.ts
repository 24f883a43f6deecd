import { z } from 'zod';
import type { PropertyDefinition } from '../data/property-types.js';
import { checkWrite } from '../data/property-values.js';
import { ApiError } from '../http/api-error.js';
import { invalidPropertiesError, validationError, type PropertyProblem } from '../http/error-bodies.js';
import { associationsSchema } from './batch-schemas.js';
import { ENGAGEMENT_SHAPE, TO_CONTACT, isEngagementProperty } from './engagement-properties.js';
import type { HandlerContext, HandlerResult } from './handler-types.js';
import { objectView, type ApiObject } from './object-view.js';
import { parseBody } from './parse-body.js';

/** SimplePublicObjectInputForCreate: properties plus `associations` to existing records. */
const createTaskSchema = z.object({
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  associations: associationsSchema.optional(),
});

/** One task to create, as the single and the batch create take it. */
export type TaskInput = z.infer<typeof createTaskSchema>;

/** A task input that passed HubSpot's checks: its stored values and the contacts to associate it with. */
export interface CheckedTask {
  values: Record<string, string>;
  contactIds: string[];
}

/**
 * Task status and priority options, and hs_timestamp required to create a task
 * (https://developers.hubspot.com/docs/api-reference/latest/crm/activities/tasks/guide).
 */
const TASK_OPTIONS: Record<string, string[]> = {
  hs_task_status: ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED'],
  hs_task_priority: ['NONE', 'LOW', 'MEDIUM', 'HIGH'],
};

/** POST /crm/v3/objects/tasks → 201 with the task; the task is stored and associated with its contacts. */
export function createTask(ctx: HandlerContext): HandlerResult {
  const input = parseBody(createTaskSchema, ctx.body);
  return { status: 201, body: storeTask(ctx, checkTask(ctx, input)) };
}

/** HubSpot's checks of one task input; a problem throws its 400 (ApiError) and nothing is stored. */
export function checkTask(ctx: HandlerContext, input: TaskInput): CheckedTask {
  const problems: PropertyProblem[] = [];
  const values: Record<string, string> = {};
  for (const [name, raw] of Object.entries(input.properties)) {
    const checked = checkWrite(taskDefinition(name), name, raw);
    if (checked.ok) values[name] = checked.value;
    else problems.push(checked.problem);
  }
  if (problems.length > 0) throw new ApiError(400, invalidPropertiesError(problems));
  if (!values.hs_timestamp)
    throw new ApiError(400, validationError('hs_timestamp is required to create a task'));

  const contactIds: string[] = [];
  for (const association of input.associations ?? []) {
    const toContact = association.types.some((t) => t.associationTypeId === TO_CONTACT.tasks);
    if (!toContact || !ctx.store.contactRecord(association.to.id)) {
      throw new ApiError(
        400,
        validationError(
          `Invalid association to ${association.to.id}: no contact with that id for task-to-contact type ${TO_CONTACT.tasks}`,
        ),
      );
    }
    contactIds.push(association.to.id);
  }
  return { values, contactIds };
}

/** Stores a checked task with its associations; the task as the create endpoints answer with it. */
export function storeTask(ctx: HandlerContext, task: CheckedTask): ApiObject {
  const record = ctx.store.createEngagementRecord('tasks', task.values, task.contactIds);
  return objectView(
    record,
    Object.keys(task.values),
    (name) => isEngagementProperty('tasks', name),
    ENGAGEMENT_SHAPE,
  );
}

/** A definition good enough for checkWrite: known task properties, with options where HubSpot has them. */
function taskDefinition(name: string): PropertyDefinition | undefined {
  if (!isEngagementProperty('tasks', name)) return undefined;
  const options = TASK_OPTIONS[name];
  return {
    name,
    label: name,
    type: name === 'hs_timestamp' ? 'datetime' : options ? 'enumeration' : 'string',
    fieldType: options ? 'select' : 'text',
    groupName: 'task',
    description: '',
    options: (options ?? []).map((value, i) => ({ label: value, value, displayOrder: i, hidden: false })),
    displayOrder: 0,
    hidden: false,
    hubspotDefined: true,
    formField: false,
    calculated: false,
    externalOptions: false,
    hasUniqueValue: false,
    modificationMetadata: {
      archivable: false,
      readOnlyDefinition: true,
      readOnlyValue: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'].includes(name),
    },
    createdAt: '2019-08-06T02:43:01.000Z',
    updatedAt: '2019-08-06T02:43:01.000Z',
    archived: false,
  };
}
