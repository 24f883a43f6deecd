import type { Command } from 'commander';
import type { ConnectorRegistry } from '../connector/connector-registry.js';
import type { CliIo } from './cli-io.js';
import { lineWriter } from './cli-io.js';
import { wholeNumber } from './int-option.js';
import { startSandboxes, stopSandboxes } from './sandbox-launch.js';
import type { SandboxRequest } from './sandbox-launch.js';

interface SandboxCommandOptions {
  connector?: string;
  port: string;
  contacts: string;
  seed?: string;
  perTenSeconds: string;
  persist?: string;
}

export function registerSandboxCommand(program: Command, io: CliIo, connectors: ConnectorRegistry): void {
  program
    .command('sandbox')
    .description("Run a local stand-in for the CRM's API with made-up contacts (127.0.0.1 only) until Ctrl-C")
    .option('-c, --connector <name>', 'only this connector’s sandbox (default: every connector that has one)')
    .option('--port <n>', 'the port to listen on (0 picks a free one)', '4010')
    .option('--contacts <n>', 'contacts of a new portal', '2000')
    .option('--seed <n>', 'the seed of the made-up data (the same seed gives the same portal)')
    .option('--per-ten-seconds <n>', 'the rate limit it enforces, in requests per rolling 10 s', '190')
    .option('--persist <file>', 'restore the portal from this file when it exists, save it there on stop')
    .addHelpText(
      'after',
      '\nIt prints the environment variables that point config/sandbox.yaml at it (the token is a fixed fake).\n\nExamples:\n  leadscore sandbox\n  leadscore sandbox --contacts 20000 --port 4011\n  leadscore sandbox --persist .leadscore/my-portal.json   # edits and scores survive a restart',
    )
    .action(async (options: SandboxCommandOptions) => {
      const out = lineWriter(io.stdout);
      const started = await startSandboxes(connectors, sandboxRequest(options));
      started.lines.forEach(out);
      const signal = await stopSignal();
      out(`${signal}: stopping`);
      await stopSandboxes(started.sandboxes);
      if (options.persist) out(`saved ${options.persist}`);
    });
}

export function sandboxRequest(options: SandboxCommandOptions): SandboxRequest {
  return {
    connector: options.connector,
    port: wholeNumber('--port', options.port, 0, 65_535),
    contacts: wholeNumber('--contacts', options.contacts, 0, 200_000),
    seed: options.seed === undefined ? undefined : wholeNumber('--seed', options.seed, 0, 2 ** 31 - 1),
    perTenSeconds: wholeNumber('--per-ten-seconds', options.perTenSeconds, 1, 100_000),
    persist: options.persist,
  };
}

function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
