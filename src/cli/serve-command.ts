import type { Command } from 'commander';
import type { ConnectorRegistry } from '../connector/connector-registry.js';
import { serveDeployment } from '../scheduler/serve-deployment.js';
import { UsageError } from '../util/errors.js';
import type { CliIo } from './cli-io.js';
import { lineWriter } from './cli-io.js';
import { withDeploymentOptions, withRuntime } from './deployment-options.js';
import type { DeploymentOptions } from './deployment-options.js';

interface ServeCommandOptions extends DeploymentOptions {
  port?: string;
  host?: string;
  runNow?: boolean;
}

export function registerServeCommand(program: Command, io: CliIo, connectors: ConnectorRegistry): void {
  withDeploymentOptions(
    program
      .command('serve')
      .description(
        "Run the deployment's schedules (e.g. incremental every 15 minutes, a full rescore nightly) until SIGTERM",
      )
      .option(
        '--port <port>',
        "the /healthz and /metrics port, overriding the deployment's (0 = any free port)",
      )
      .option('--host <host>', "the address they bind to, overriding the deployment's (default 127.0.0.1)")
      .option(
        '--run-now',
        'start an incremental run of every connector at once instead of waiting for the schedule',
      ),
  )
    .addHelpText(
      'after',
      '\nOne run per connector at a time, also across processes sharing the state file: a second `serve` or a\nmanual `sync` waits its turn or skips. SIGTERM/SIGINT finish the current page, keep its checkpoint and exit 0.\n\nExamples:\n  leadscore serve\n  leadscore serve --config /etc/leadscore/leadscore.yaml --port 9464\n  curl -s http://127.0.0.1:9464/metrics',
    )
    .action(async (options: ServeCommandOptions) => {
      const port = options.port === undefined ? undefined : portOf(options.port);
      await withRuntime(options, io, connectors, async (runtime) => {
        const serving = await serveDeployment({
          runtime,
          env: process.env,
          port,
          host: options.host,
          runNow: options.runNow === true,
        });
        const out = lineWriter(io.stdout);
        out(`leadscore serve: metrics ${serving.ops.url}/metrics, health ${serving.ops.url}/healthz`);
        for (const s of serving.schedules)
          out(
            `  ${s.connector} ${s.kind}: "${s.cron}" (${s.timezone}), next ${s.next?.toISOString() ?? 'never'}`,
          );
        await new Promise<void>((resolve) => {
          const stop = (signal: NodeJS.Signals) => {
            runtime.logger.info(`${signal}: finishing running pages, then stopping`);
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            void serving.stop().then(resolve, resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        out('leadscore serve: stopped');
      });
    });
}

function portOf(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port: expected a port number 0–65535, got "${text}"`);
  return port;
}
