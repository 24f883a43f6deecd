export { startSalesforceSandbox, type SalesforceSandbox } from './start-sandbox.js';
export {
  DEFAULT_DAILY_API_REQUESTS,
  DEFAULT_JWT_AUDIENCES,
  DEFAULT_OAUTH,
  type SandboxOptions,
} from './sandbox-options.js';
export type { FaultOptions } from './faults/fault-options.js';
export type { SandboxStats } from './call-stats.js';
export type { OrgStore, CollectionUpdateCall } from './data/org-store.js';
export type { FieldValue, SObjectRecord } from './data/field-types.js';
export { KEY_PREFIXES, isWellFormedId, makeId, to18 } from './ids.js';
export { SandboxError } from './sandbox-error.js';
export { ApiError } from './http/api-error.js';
