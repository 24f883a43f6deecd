import type { Command } from 'commander';
import type { ConnectorRegistry } from '../connector/connector-registry.js';
import { UsageError } from '../util/errors.js';
import type { CliIo } from './cli-io.js';
import { withDeploymentOptions, withRuntime } from './deployment-options.js';
import type { DeploymentOptions } from './deployment-options.js';
import { formatExplanation } from './explain-format.js';
import { explainRecord } from './explain-record.js';

const FORMATS = ['text', 'json'] as const;
const RECORD_ID = /^[A-Za-z0-9_-]+$/;

interface ExplainOptions extends DeploymentOptions {
  connector: string;
  id: string;
  format: string;
}

export function registerExplainCommand(program: Command, io: CliIo, connectors: ConnectorRegistry): void {
  withDeploymentOptions(
    program
      .command('explain')
      .description(
        'Show why one CRM record scores what it does and what a sync would write and hand off for it; writes nothing',
      )
      .requiredOption('-c, --connector <name>', 'the connector')
      .requiredOption('--id <id>', 'the record id in the CRM (HubSpot: the contact id)')
      .option('-f, --format <format>', `output: ${FORMATS.join(' | ')}`, 'text'),
  )
    .addHelpText(
      'after',
      '\nReads the record from the CRM (credentials as for sync) and the state file; takes no lock.\n\nExamples:\n  leadscore explain --connector hubspot --id 101\n  leadscore explain --connector hubspot --id 101 --format json | jq .score.contributions',
    )
    .action(async (options: ExplainOptions) => {
      if (!(FORMATS as readonly string[]).includes(options.format))
        throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, got "${options.format}"`);
      if (!RECORD_ID.test(options.id))
        throw new UsageError(`--id: "${options.id}" is not a record id (letters, digits, _ and - only)`);
      await withRuntime(options, io, connectors, async (runtime) => {
        const [name] = runtime.connectorNames(options.connector);
        const config = runtime.connectorConfig(name!);
        const explanation = await explainRecord(
          {
            connector: name!,
            adapter: await runtime.adapter(name!),
            model: runtime.model.compiled,
            state: runtime.state,
            hysteresis: runtime.deployment.lifecycle.hysteresis,
            salesFeedback: config.salesFeedback,
            now: new Date(),
          },
          options.id,
        );
        io.stdout.write(
          options.format === 'json'
            ? JSON.stringify(explanation, null, 2) + '\n'
            : formatExplanation(explanation).join('\n') + '\n',
        );
      });
    });
}
