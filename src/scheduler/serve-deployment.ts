import cron from 'node-cron';
import type { ScheduledTask } from 'node-cron';
import { SyncMetrics } from '../ops/metrics.js';
import { startOpsServer } from '../ops/ops-server.js';
import type { OpsServer } from '../ops/ops-server.js';
import { secretValuesFromEnv } from '../ops/redact.js';
import type { DeploymentRuntime } from '../runtime/deployment-runtime.js';
import { ConnectorRunner } from './connector-runner.js';
import type { ScheduledKind } from './connector-runner.js';

export interface ServeOptions {
  runtime: DeploymentRuntime;
  env: NodeJS.ProcessEnv;
  /** Overrides the deployment's server host/port (0 = any free port). */
  host?: string;
  port?: number;
  /** Starts an incremental run of every connector right away instead of waiting for the schedule. */
  runNow?: boolean;
}

export interface ServingDeployment {
  ops: OpsServer;
  schedules: { connector: string; kind: ScheduledKind; cron: string; timezone: string; next: Date | null }[];
  /** Stops the schedules, lets running syncs finish their page and checkpoint, closes the ops server. */
  stop(): Promise<void>;
}

/**
 * `leadscore serve`: every enabled connector's schedules on node-cron (timezone-aware, no overlap), the
 * runs guarded in-process and by the state store's lock, /healthz and /metrics on 127.0.0.1.
 */
export async function serveDeployment(options: ServeOptions): Promise<ServingDeployment> {
  const { runtime } = options;
  const logger = runtime.logger.child({ component: 'serve' });
  const metrics = new SyncMetrics();
  const runner = new ConnectorRunner(runtime, metrics, logger);
  const names = runtime.connectorNames();
  // A bad connector configuration stops serve at once (exit 2), not every scheduled run later.
  for (const name of names) await runtime.adapter(name);
  const tasks: ScheduledTask[] = [];
  const schedules: ServingDeployment['schedules'] = [];
  for (const name of names) {
    const config = runtime.connectorConfig(name);
    for (const kind of ['incremental', 'full'] as const) {
      const expression = config.schedules[kind];
      if (!expression) continue;
      const task = cron.schedule(expression, () => runner.run(name, kind), {
        name: `${name}:${kind}`,
        timezone: config.timezone,
        noOverlap: true,
      });
      tasks.push(task);
      schedules.push({
        connector: name,
        kind,
        cron: expression,
        timezone: config.timezone,
        next: task.getNextRun(),
      });
    }
  }
  if (schedules.length === 0) logger.warn('no schedules configured: serving health and metrics only');

  const ops = await startOpsServer({
    host: options.host ?? runtime.deployment.server.host,
    port: options.port ?? runtime.deployment.server.port,
    metrics,
    secrets: secretValuesFromEnv(options.env),
    logger,
    health: async () => {
      const connectors = Object.fromEntries(
        names.map((name) => {
          const s = runner.state(name);
          return [
            name,
            {
              running: s.running?.kind ?? null,
              lastStatus: s.lastReport?.status ?? null,
              lastSuccessAt: s.lastSuccessAt?.toISOString() ?? null,
              lastError: s.lastError ?? null,
            },
          ];
        }),
      );
      // Alive and able to read its state store: a failed run is reported, but is not a dead process.
      await runtime.state.runs.lastRuns(undefined, 1);
      return { ok: true, detail: { connectors } };
    },
  });
  logger.info('serving', {
    metrics: `${ops.url}/metrics`,
    health: `${ops.url}/healthz`,
    schedules: schedules.map((s) => `${s.connector} ${s.kind} "${s.cron}" ${s.timezone}`),
  });
  if (options.runNow) for (const name of names) void runner.run(name, 'incremental');

  let stopping: Promise<void> | undefined;
  return {
    ops,
    schedules,
    stop() {
      stopping ??= (async () => {
        for (const task of tasks) await task.destroy();
        await runner.drain();
        await ops.close();
      })();
      return stopping;
    },
  };
}
