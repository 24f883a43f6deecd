import type { RecordProblemHandler } from '../mapping/crm-record.js';
import type { CrmAdapter } from './crm-adapter.js';

/** What a command knows when it asks for an adapter; secrets come from `env`, never from here. */
export interface AdapterRequest {
  baseUrl?: string;
  mappingFile?: string;
  /** The connector's own section of the deployment config (`connectors.<name>.settings`), unvalidated. */
  settings?: unknown;
  env: NodeJS.ProcessEnv;
  onProblem: RecordProblemHandler;
}

export interface ConnectorFactory {
  name: string;
  /** Where the vendor's API lives when the config says nothing else. */
  defaultBaseUrl: string;
  defaultMappingFile: string;
  create(request: AdapterRequest): Promise<CrmAdapter>;
}

/**
 * Connectors by name. The core never imports a vendor SDK: only the CLI's entry point (the
 * composition root) imports connectors/ and hands their factories to the commands.
 */
export type ConnectorRegistry = ReadonlyMap<string, ConnectorFactory>;
