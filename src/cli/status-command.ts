import type { Command } from 'commander';
import type { ConnectorRegistry } from '../connector/connector-registry.js';
import { UsageError } from '../util/errors.js';
import type { CliIo } from './cli-io.js';
import { connectorStatus } from './connector-status.js';
import { withDeploymentOptions, withRuntime } from './deployment-options.js';
import type { DeploymentOptions } from './deployment-options.js';
import { formatConnectorStatus } from './status-format.js';

const FORMATS = ['table', 'json'] as const;

interface StatusOptions extends DeploymentOptions {
  connector?: string;
  format: string;
}

export function registerStatusCommand(program: Command, io: CliIo, connectors: ConnectorRegistry): void {
  withDeploymentOptions(
    program
      .command('status')
      .description(
        'Show each connector: a running sync, the last runs, cursors, dead letters and the next scheduled runs',
      )
      .option('-c, --connector <name>', 'only this connector (default: every configured one)')
      .option('-f, --format <format>', `output: ${FORMATS.join(' | ')}`, 'table'),
  )
    .addHelpText(
      'after',
      '\nReads the state file only: needs no CRM credentials and never waits for or takes the sync lock.\n\nExamples:\n  leadscore status\n  leadscore status --connector hubspot --format json\n  leadscore status --config /etc/leadscore/leadscore.yaml',
    )
    .action(async (options: StatusOptions) => {
      if (!(FORMATS as readonly string[]).includes(options.format))
        throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, got "${options.format}"`);
      await withRuntime(options, io, connectors, async (runtime) => {
        const now = new Date();
        const names =
          options.connector === undefined
            ? Object.keys(runtime.deployment.connectors)
            : runtime.connectorNames(options.connector);
        const statuses = [];
        for (const name of names)
          statuses.push(await connectorStatus(runtime.state, name, runtime.connectorConfig(name), now));
        if (options.format === 'json') {
          const report = {
            config: runtime.deployment.file,
            stateFile: runtime.deployment.state.file,
            now,
            connectors: statuses,
          };
          io.stdout.write(JSON.stringify(report, null, 2) + '\n');
          return;
        }
        const lines = [`State ${runtime.deployment.state.file} as of ${now.toISOString()}`];
        for (const status of statuses) lines.push('', ...formatConnectorStatus(status));
        io.stdout.write(lines.join('\n') + '\n');
      });
    });
}
