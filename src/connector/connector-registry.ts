import type { RecordProblemHandler } from '../mapping/crm-record.js';
import type { CrmAdapter } from './crm-adapter.js';

/** What a command knows when it asks for an adapter; secrets come from `env`, never from here. */
export interface AdapterRequest {
  baseUrl?: string;
  mappingFile?: string;
  /** The deployment file's folder: relative paths in `settings` are relative to it (the working directory without one). */
  configDir?: string;
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
  /** A local stand-in for the vendor's API, for demos and trials; absent when the connector has none. */
  sandbox?: SandboxLauncher;
}

export interface SandboxLauncher {
  start(options: SandboxStartOptions): Promise<RunningSandbox>;
}

export interface SandboxStartOptions {
  /** 0 or absent picks a free port. */
  port?: number;
  /** Seeded records of a new portal. */
  contacts?: number;
  seed?: number;
  /** The rate limit the sandbox enforces, in requests per rolling 10 seconds. */
  perTenSeconds?: number;
  /** Restored from when it exists; written by `save()`. */
  snapshotFile?: string;
}

export interface RunningSandbox {
  connector: string;
  /** http://127.0.0.1:PORT */
  url: string;
  /** Environment variables that point a deployment at it: credentials and the base-URL variable config/sandbox.yaml reads. */
  env: Record<string, string>;
  /** What was seeded and the limits it enforces, e.g. `portal with 2,000 contacts; 190 requests per 10 s`. */
  description: string;
  /** Whether the portal was restored from `snapshotFile` rather than seeded. */
  restored: boolean;
  /** Writes the snapshot when `snapshotFile` was given; does nothing otherwise. */
  save(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Connectors by name. The core never imports a vendor SDK: only the CLI's entry point (the
 * composition root) imports connectors/ and hands their factories to the commands.
 */
export type ConnectorRegistry = ReadonlyMap<string, ConnectorFactory>;
