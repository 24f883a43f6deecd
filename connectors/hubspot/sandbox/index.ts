export { startHubSpotSandbox, type HubSpotSandbox } from './start-sandbox.js';
export {
  DEFAULT_LIMITS,
  DEFAULT_OAUTH,
  DEFAULT_PRIVATE_APP_TOKEN,
  type SandboxOptions,
} from './sandbox-options.js';
export type { FaultOptions } from './faults/fault-options.js';
export type { SandboxStats } from './call-stats.js';
export type { SandboxStore } from './data/sandbox-store.js';
export type { SandboxSnapshot } from './data/store-snapshot.js';
export type { CrmRecord, EngagementType, EngagementView, Enrollment } from './data/records.js';
export type { PropertyDefinition, PropertyGroup } from './data/property-types.js';
export { SandboxError } from './sandbox-error.js';
export { ApiError } from './http/api-error.js';
