import { dirname } from 'node:path';
import type { Command } from 'commander';
import type { ConnectorRegistry } from '../connector/connector-registry.js';
import type { ProvisionChange } from '../connector/crm-adapter.js';
import { defaultDeploymentFile, enabledConnectors, loadDeployment } from '../config/load-deployment.js';
import type { Deployment } from '../config/load-deployment.js';
import { UsageError } from '../util/errors.js';
import type { CliIo } from './cli-io.js';
import { lineWriter } from './cli-io.js';

interface SetupOptions {
  connector?: string;
  baseUrl?: string;
  mapping?: string;
  config?: string;
}

export function registerSetupCommand(program: Command, io: CliIo, connectors: ConnectorRegistry): void {
  program
    .command('setup')
    .description(
      'Create the score properties (and groups, fields, permissions) in the CRM; safe to run again',
    )
    .option(
      '-c, --connector <name>',
      `the CRM: ${[...connectors.keys()].join(' | ')} (default: every enabled one)`,
    )
    .option('--config <file>', 'the deployment file (default: $LEADSCORE_CONFIG or ./config/leadscore.yaml)')
    .option('--base-url <url>', "the CRM API's base URL, overriding the deployment's (a sandbox for trials)")
    .option('--mapping <file>', "the mapping file naming the properties, overriding the deployment's")
    .addHelpText(
      'after',
      '\nCredentials come from the environment (HubSpot: HUBSPOT_ACCESS_TOKEN, or HUBSPOT_CLIENT_ID,\nHUBSPOT_CLIENT_SECRET and HUBSPOT_REFRESH_TOKEN; Salesforce: SALESFORCE_CLIENT_ID with\nSALESFORCE_USERNAME and SALESFORCE_PRIVATE_KEY for the JWT bearer flow, or see config/leadscore.yaml).\n\nWith --connector and --base-url no deployment file is needed.\n\nExamples:\n  leadscore setup\n  leadscore setup --connector hubspot\n  leadscore setup --connector hubspot --base-url http://127.0.0.1:4010',
    )
    .action(async (options: SetupOptions) => {
      const out = lineWriter(io.stdout);
      for (const target of await targets(options, connectors)) {
        const factory = connectors.get(target.name);
        if (!factory)
          throw new UsageError(
            `--connector: expected one of ${[...connectors.keys()].join(', ')}, got "${target.name}"`,
          );
        const adapter = await factory.create({
          baseUrl: options.baseUrl ?? target.baseUrl,
          mappingFile: options.mapping ?? target.mapping,
          ...(target.file ? { configDir: dirname(target.file) } : {}),
          settings: target.settings,
          env: process.env,
          onProblem: () => {},
        });
        const report = await adapter.provision();
        for (const change of report.changes.filter((c) => c.outcome !== 'unchanged'))
          out(`${factory.name}: ${describe(change)}`);
        out(`${factory.name}: ${provisionSummary(report.changes)}`);
      }
    });
}

interface Target {
  name: string;
  baseUrl?: string;
  mapping?: string;
  settings?: unknown;
  /** The deployment file the target comes from. */
  file?: string;
}

/** The deployment's connectors; a named connector with an explicit base URL needs no deployment file. */
async function targets(options: SetupOptions, connectors: ConnectorRegistry): Promise<Target[]> {
  if (options.connector !== undefined && !connectors.has(options.connector))
    throw new UsageError(
      `--connector: expected one of ${[...connectors.keys()].join(', ')}, got "${options.connector}"`,
    );
  if (options.connector && options.baseUrl && !options.config) return [{ name: options.connector }];
  const deployment: Deployment = await loadDeployment(
    options.config ?? defaultDeploymentFile(process.env, process.cwd()),
    process.env,
  );
  const configured = enabledConnectors(deployment).map(([name, c]) => ({
    name,
    file: deployment.file,
    ...c,
  }));
  if (!options.connector) return configured;
  const one = deployment.connectors[options.connector];
  if (!one)
    throw new UsageError(`--connector: "${options.connector}" is not configured in ${deployment.file}`);
  return [{ name: options.connector, file: deployment.file, ...one }];
}

function describe(change: ProvisionChange): string {
  return `${change.target} ${change.outcome}${change.detail ? ` (${change.detail})` : ''}`;
}

/** One line for a provisioning: `no change (…)` or what was created and updated. */
export function provisionSummary(changes: ProvisionChange[]): string {
  const count = (outcome: ProvisionChange['outcome']) => changes.filter((c) => c.outcome === outcome).length;
  const [created, updated, unchanged] = [count('created'), count('updated'), count('unchanged')];
  if (created + updated === 0) return `no change (${unchanged} already in place)`;
  return `${created} created, ${updated} updated, ${unchanged} already in place`;
}
