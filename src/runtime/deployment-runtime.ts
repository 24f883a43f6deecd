import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ConnectorRegistry } from '../connector/connector-registry.js';
import type { CrmAdapter } from '../connector/crm-adapter.js';
import { enabledConnectors, loadDeployment } from '../config/load-deployment.js';
import type { Deployment } from '../config/load-deployment.js';
import type { ConnectorDeployment } from '../config/deployment-schema.js';
import type { RecordProblem } from '../mapping/crm-record.js';
import { createLogger } from '../ops/logger.js';
import type { Logger } from '../ops/logger.js';
import { loadModel } from '../scoring/load-model.js';
import { loadPredictiveModel } from '../predictive/model-artifact.js';
import type { PredictiveModel } from '../predictive/model-artifact.js';
import type { LoadedModel } from '../scoring/load-model.js';
import { SqliteStateStore } from '../state/index.js';
import type { StateStore } from '../state/index.js';
import { runSync } from '../sync/run-sync.js';
import type { SyncOptions, SyncReport, SyncScope } from '../sync/sync-types.js';
import { UsageError } from '../util/errors.js';

export interface RuntimeOptions {
  configFile: string;
  env: NodeJS.ProcessEnv;
  connectors: ConnectorRegistry;
  /** Where log lines go (stderr by default). */
  logStream?: NodeJS.WritableStream;
  /** JSON log lines (default) or short human lines. */
  jsonLogs?: boolean;
}

/**
 * A deployment opened for commands: its config, model, state store, logger, and adapters made on demand.
 * Secrets reach the adapters through `env` only.
 */
export class DeploymentRuntime {
  private readonly adapters = new Map<string, Promise<CrmAdapter>>();

  private constructor(
    readonly deployment: Deployment,
    readonly model: LoadedModel,
    readonly predictive: PredictiveModel | undefined,
    readonly state: StateStore,
    readonly logger: Logger,
    private readonly options: RuntimeOptions,
  ) {}

  static async open(options: RuntimeOptions): Promise<DeploymentRuntime> {
    const deployment = await loadDeployment(options.configFile, options.env);
    const model = await loadModel(deployment.model);
    const predictive = deployment.predictive
      ? await loadPredictiveModel(deployment.predictive.model)
      : undefined;
    const logger = createLogger({
      level: deployment.log.level,
      stream: options.logStream,
      env: options.env,
      json: options.jsonLogs,
    });
    mkdirSync(dirname(deployment.state.file), { recursive: true });
    const state = await SqliteStateStore.open({
      file: deployment.state.file,
      busyTimeoutMs: deployment.state.busyTimeoutMs,
      deadLetterMaxAttempts: deployment.state.deadLetterMaxAttempts,
    });
    return new DeploymentRuntime(deployment, model, predictive, state, logger, options);
  }

  /** The connectors a command acts on: the one named, or every enabled one. */
  connectorNames(name?: string): string[] {
    const enabled = enabledConnectors(this.deployment).map(([n]) => n);
    if (name === undefined) return enabled;
    if (!this.deployment.connectors[name])
      throw new UsageError(
        `--connector: "${name}" is not configured in ${this.deployment.file} (configured: ${Object.keys(this.deployment.connectors).join(', ')})`,
      );
    return [name];
  }

  connectorConfig(name: string): ConnectorDeployment {
    const config = this.deployment.connectors[name];
    if (!config) throw new UsageError(`connector "${name}" is not configured in ${this.deployment.file}`);
    return config;
  }

  adapter(name: string): Promise<CrmAdapter> {
    let adapter = this.adapters.get(name);
    if (!adapter) {
      adapter = this.createAdapter(name);
      this.adapters.set(name, adapter);
    }
    return adapter;
  }

  async sync(name: string, scope: SyncScope, over: Partial<SyncOptions> = {}): Promise<SyncReport> {
    const config = this.connectorConfig(name);
    return runSync({
      connector: name,
      adapter: await this.adapter(name),
      model: this.model.compiled,
      ...(this.predictive ? { predictive: this.predictive } : {}),
      state: this.state,
      scope,
      lifecycle: { hysteresis: this.deployment.lifecycle.hysteresis, salesFeedback: config.salesFeedback },
      pagesInFlight: this.deployment.sync.pagesInFlight,
      dryRunSample: this.deployment.sync.dryRunSample,
      lockTtlMs: this.deployment.state.lockTtlSeconds * 1000,
      logger: this.logger,
      ...over,
    });
  }

  /** Score history older than the configured retention is dropped after each run. */
  async pruneHistory(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.deployment.state.scoreHistoryRetentionDays * 86_400_000);
    return this.state.scoreHistory.deleteBefore(cutoff);
  }

  async close(): Promise<void> {
    await this.state.close();
  }

  private async createAdapter(name: string): Promise<CrmAdapter> {
    const config = this.connectorConfig(name);
    const factory = this.options.connectors.get(name);
    if (!factory)
      throw new UsageError(
        `connector "${name}" in ${this.deployment.file} is not one leadscore ships (${[...this.options.connectors.keys()].join(', ')})`,
      );
    const log = this.logger.child({ connector: name });
    return factory.create({
      baseUrl: config.baseUrl,
      mappingFile: config.mapping,
      configDir: dirname(this.deployment.file),
      settings: config.settings,
      env: this.options.env,
      onProblem: (problem: RecordProblem) =>
        log.warn('a CRM value could not be read as the mapping says', { ...problem }),
    });
  }
}
