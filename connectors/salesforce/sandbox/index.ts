export { startSalesforceSandbox, type SalesforceSandbox } from './start-sandbox.js';
export {
  DEFAULT_DAILY_API_REQUESTS,
  DEFAULT_JWT_AUDIENCES,
  DEFAULT_OAUTH,
  type SandboxOptions,
} from './sandbox-options.js';
export type { FaultOptions } from './faults/fault-options.js';
export type { SandboxStats } from './call-stats.js';
export type { OrgStore, CollectionUpdateCall, CreateCall } from './data/org-store.js';
export type { OrgSchema } from './data/org-schema.js';
export type { FlowInvocation, LeadAssignment, OrgAutomation } from './data/org-automation.js';
export { INACTIVE_LEAD_ASSIGNMENT_RULE_ID, LEAD_ASSIGNMENT_RULE_ID } from './data/automation-sobjects.js';
export type { FieldValue, SObjectRecord } from './data/field-types.js';
export { KEY_PREFIXES, isWellFormedId, makeId, to18 } from './ids.js';
export { SandboxError } from './sandbox-error.js';
export { ApiError } from './http/api-error.js';
