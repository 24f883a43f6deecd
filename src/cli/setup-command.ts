import type { Command } from 'commander';
import type { ConnectorRegistry } from '../connector/connector-registry.js';
import type { ProvisionChange } from '../connector/crm-adapter.js';
import { UsageError } from '../util/errors.js';
import type { CliIo } from './cli-io.js';
import { lineWriter } from './cli-io.js';

interface SetupOptions {
  connector: string;
  baseUrl?: string;
  mapping?: string;
}

export function registerSetupCommand(program: Command, io: CliIo, connectors: ConnectorRegistry): void {
  program
    .command('setup')
    .description(
      'Create the score properties (and groups, fields, permissions) in the CRM; safe to run again',
    )
    .requiredOption('-c, --connector <name>', `the CRM: ${[...connectors.keys()].join(' | ')}`)
    .option('--base-url <url>', "the CRM API's base URL (default: the vendor's; a sandbox for trials)")
    .option('--mapping <file>', 'the mapping file naming the properties (default: mappings/<connector>.yaml)')
    .addHelpText(
      'after',
      '\nCredentials come from the environment (HubSpot: HUBSPOT_ACCESS_TOKEN, or HUBSPOT_CLIENT_ID,\nHUBSPOT_CLIENT_SECRET and HUBSPOT_REFRESH_TOKEN).\n\nExamples:\n  leadscore setup --connector hubspot\n  leadscore setup --connector hubspot --base-url http://127.0.0.1:4010',
    )
    .action(async (options: SetupOptions) => {
      const factory = connectors.get(options.connector);
      if (!factory)
        throw new UsageError(
          `--connector: expected one of ${[...connectors.keys()].join(', ')}, got "${options.connector}"`,
        );
      const out = lineWriter(io.stdout);
      const adapter = await factory.create({
        baseUrl: options.baseUrl,
        mappingFile: options.mapping,
        env: process.env,
        onProblem: () => {},
      });
      const report = await adapter.provision();
      for (const change of report.changes.filter((c) => c.outcome !== 'unchanged'))
        out(`${factory.name}: ${describe(change)}`);
      out(`${factory.name}: ${summary(report.changes)}`);
    });
}

function describe(change: ProvisionChange): string {
  return `${change.target} ${change.outcome}${change.detail ? ` (${change.detail})` : ''}`;
}

function summary(changes: ProvisionChange[]): string {
  const count = (outcome: ProvisionChange['outcome']) => changes.filter((c) => c.outcome === outcome).length;
  const [created, updated, unchanged] = [count('created'), count('updated'), count('unchanged')];
  if (created + updated === 0) return `no change (${unchanged} already in place)`;
  return `${created} created, ${updated} updated, ${unchanged} already in place`;
}
