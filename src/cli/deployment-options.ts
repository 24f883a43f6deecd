import type { Command } from 'commander';
import type { ConnectorRegistry } from '../connector/connector-registry.js';
import { defaultDeploymentFile } from '../config/load-deployment.js';
import { DeploymentRuntime } from '../runtime/deployment-runtime.js';
import type { CliIo } from './cli-io.js';

export interface DeploymentOptions {
  config?: string;
  logFormat?: 'json' | 'text';
}

/** `--config` and `--log-format`, shared by every command that runs against a deployment. */
export function withDeploymentOptions(command: Command): Command {
  return command
    .option('--config <file>', 'the deployment file (default: $LEADSCORE_CONFIG or ./config/leadscore.yaml)')
    .option('--log-format <format>', 'json (default when not a terminal) or text', undefined);
}

/** Opens the deployment, runs `work` and closes the state store whatever happens. */
export async function withRuntime<T>(
  options: DeploymentOptions,
  io: CliIo,
  connectors: ConnectorRegistry,
  work: (runtime: DeploymentRuntime) => Promise<T>,
): Promise<T> {
  const interactive = (io.stderr as { isTTY?: boolean }).isTTY === true;
  const runtime = await DeploymentRuntime.open({
    configFile: options.config ?? defaultDeploymentFile(process.env, process.cwd()),
    env: process.env,
    connectors,
    logStream: io.stderr,
    jsonLogs: options.logFormat ? options.logFormat === 'json' : !interactive,
  });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}
