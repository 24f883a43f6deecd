import type { Transition } from '../../src/connector/crm-adapter.js';
import type { EarlierTasks } from '../../src/connector/handoff-owner-tasks.js';
import { renderTemplate } from '../../src/connector/handoff-template.js';
import { TASK_SUBJECT_MAX } from './handoff-config.js';
import type { SalesforceOwnerTaskConfig } from './handoff-config.js';
import { describeSalesforceFailure } from './handoff-failure.js';
import { idOrUndefined, queryAllRows, HANDOFF_READ_SIZE } from './handoff-records.js';
import type { HandoffRecord } from './handoff-records.js';
import type { SalesforceApi } from './salesforce-api.js';
import { selectStatement, soqlIdList } from './soql.js';

const DAY_MS = 86_400_000;
/** Key prefix of User ids: a Task's owner must be a user (a lead may be owned by a queue, 00G…). */
const USER_PREFIX = '005';

/**
 * The last line of every task's Description: names the transition, so that a later attempt can find a task
 * an earlier one created (see findEarlierTasks). Short and plain, since sales reps read it.
 */
export const transitionLine = (key: string): string => `leadscore transition ${key}`;

/** Whether a Description carries the transitionLine of `key`, and not as the start of a longer key. */
export function carriesTransition(key: string): (description: string) => boolean {
  const line = transitionLine(key);
  return (description) => {
    for (let at = description.indexOf(line); at >= 0; at = description.indexOf(line, at + 1)) {
      const next = description.charAt(at + line.length);
      if (next === '' || /\s/.test(next)) return true;
    }
    return false;
  };
}

export interface OwnerTaskPlan {
  /** The Task as sObject Collections takes it. */
  record: Record<string, unknown>;
  /** What the outcome says about it besides its id, e.g. `for owner 005…, due 2026-06-16`. */
  summary: string;
}

/**
 * One follow-up Task on the lead (WhoId) for its owner: the subject from the template (cut to 255
 * characters), the reasons then the transitionLine as its Description, ActivityDate `dueInDays` after the
 * handoff day (UTC). The owner is `ownerId` when it is a user; a queue cannot own a task, and then the task
 * is left to the integration user, which the summary says.
 */
export function ownerTaskPlan(
  config: SalesforceOwnerTaskConfig,
  transition: Transition,
  record: HandoffRecord | undefined,
  ownerId: string | undefined,
  now: Date,
): OwnerTaskPlan {
  const subject = renderTemplate(config.subject, {
    name: nameOf(transition, record),
    score: String(transition.score),
    grade: transition.grade,
    model: transition.model,
    email: transition.email ?? record?.email ?? '',
  }).slice(0, TASK_SUBJECT_MAX);
  const line = transitionLine(transition.key);
  const due = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + config.dueInDays * DAY_MS,
  )
    .toISOString()
    .slice(0, 10);
  const task: Record<string, unknown> = {
    attributes: { type: 'Task' },
    WhoId: record?.id ?? transition.ref.id,
    Subject: subject,
    Description: transition.reasons ? `${transition.reasons}\n\n${line}` : line,
    ActivityDate: due,
    Priority: config.priority,
    Status: config.status,
  };
  const userOwner = ownerId?.startsWith(USER_PREFIX) ? ownerId : undefined;
  if (userOwner) task.OwnerId = userOwner;
  const owner = userOwner
    ? `for owner ${userOwner}`
    : ownerId
      ? `for the integration user (the owner ${ownerId} is not a user)`
      : 'for the integration user (no owner known)';
  return { record: task, summary: `${owner}, due ${due}` };
}

/**
 * For transitions whose task an earlier attempt may have created: the Tasks of their records (WhoId IN …,
 * 200 per query), searched for the transitionLine. Description is a long text area, which SOQL cannot
 * filter on, so the match is made here. Never throws: a failed read comes back as `failed`.
 */
export async function findEarlierTasks(
  api: SalesforceApi,
  transitions: readonly Transition[],
): Promise<EarlierTasks> {
  const whoIds = [...new Set(transitions.flatMap((t) => idOrUndefined(t.ref.id) ?? []))];
  const tasks: { id: string; whoId: string; description: string }[] = [];
  try {
    for (let i = 0; i < whoIds.length; i += HANDOFF_READ_SIZE) {
      const chunk = whoIds.slice(i, i + HANDOFF_READ_SIZE);
      const soql = `${selectStatement({ fields: ['Id', 'WhoId', 'Description'], object: 'Task' })} WHERE WhoId IN ${soqlIdList(chunk)}`;
      for (const row of await queryAllRows(api, soql)) {
        const whoId = typeof row.WhoId === 'string' ? idOrUndefined(row.WhoId) : undefined;
        if (typeof row.Id === 'string' && whoId) {
          tasks.push({
            id: row.Id,
            whoId,
            description: typeof row.Description === 'string' ? row.Description : '',
          });
        }
      }
    }
  } catch (error) {
    return { failed: describeSalesforceFailure(error) };
  }
  const found = new Map<string, string>();
  for (const transition of transitions) {
    const whoId = idOrUndefined(transition.ref.id);
    const carries = carriesTransition(transition.key);
    const task = tasks.find((t) => t.whoId === whoId && carries(t.description));
    if (task) found.set(transition.key, task.id);
  }
  return { found };
}

function nameOf(transition: Transition, record: HandoffRecord | undefined): string {
  const name = [record?.firstName, record?.lastName].filter(Boolean).join(' ');
  return (
    name || transition.email || record?.email || `${transition.ref.object.toLowerCase()} ${transition.ref.id}`
  );
}
