import { makeId } from '../ids.js';
import { f, formatDateTime, type SObjectDef } from './field-types.js';
import type { OrgStore } from './org-store.js';

/** Key prefix of AssignmentRule records. */
export const ASSIGNMENT_RULE_PREFIX = '01Q';
/** The seeded org's one lead assignment rule, active: round robin over the active users. */
export const LEAD_ASSIGNMENT_RULE_ID = makeId(ASSIGNMENT_RULE_PREFIX, 1);
/** An inactive one, which runs only when a request names it (as an AssignmentRule id may). */
export const INACTIVE_LEAD_ASSIGNMENT_RULE_ID = makeId(ASSIGNMENT_RULE_PREFIX, 2);

/** AssignmentRule as the object reference describes it: query and retrieve only, set up in Setup. */
const ASSIGNMENT_RULE: SObjectDef = {
  name: 'AssignmentRule',
  label: 'Assignment Rule',
  labelPlural: 'Assignment Rules',
  keyPrefix: ASSIGNMENT_RULE_PREFIX,
  createable: false,
  fields: [
    f('Id', 'id'),
    f('Name', 'string', { updateable: false, nillable: false, length: 120 }),
    f('SobjectType', 'picklist', { updateable: false, picklistValues: ['Case', 'Lead'] }),
    f('Active', 'boolean', { updateable: false }),
    f('CreatedDate', 'datetime'),
    f('LastModifiedDate', 'datetime'),
    f('SystemModstamp', 'datetime'),
  ],
};

export const AUTOMATION_SOBJECTS: readonly SObjectDef[] = [ASSIGNMENT_RULE];

/** The seeded assignment rules: one active lead rule (Salesforce allows one active rule per object), one inactive. */
export function seedAssignmentRules(store: OrgStore, now: Date): void {
  const stamp = formatDateTime(now.getTime() - 400 * 86_400_000);
  const audit = { CreatedDate: stamp, LastModifiedDate: stamp, SystemModstamp: stamp };
  store.insert('AssignmentRule', {
    Id: LEAD_ASSIGNMENT_RULE_ID,
    Name: 'Lead round robin',
    SobjectType: 'Lead',
    Active: true,
    ...audit,
  });
  store.insert('AssignmentRule', {
    Id: INACTIVE_LEAD_ASSIGNMENT_RULE_ID,
    Name: 'Lead routing (draft)',
    SobjectType: 'Lead',
    Active: false,
    ...audit,
  });
}
