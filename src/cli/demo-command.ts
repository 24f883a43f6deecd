import { rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { Command } from 'commander';
import type { ConnectorRegistry, RunningSandbox, SandboxLauncher } from '../connector/connector-registry.js';
import { enabledConnectors, loadDeployment } from '../config/load-deployment.js';
import { DeploymentRuntime } from '../runtime/deployment-runtime.js';
import { UsageError } from '../util/errors.js';
import { packageRoot } from '../util/package-root.js';
import type { CliIo } from './cli-io.js';
import { lineWriter } from './cli-io.js';
import { wholeNumber } from './int-option.js';
import { runWithProgress } from './run-with-progress.js';
import { sandboxConfigPath, shellQuote, stopSandboxes } from './sandbox-launch.js';
import { provisionSummary } from './setup-command.js';

/** The demo portal: the same made-up contacts on every machine, at HubSpot Professional's limit. */
export const DEMO_PORTAL = { seed: 42, perTenSeconds: 190 } as const;

export interface DemoOptions {
  contacts: string;
  fresh?: boolean;
  config?: string;
}

export function registerDemoCommand(program: Command, io: CliIo, connectors: ConnectorRegistry): void {
  program
    .command('demo')
    .description(
      'Score a made-up CRM end to end: start the local sandbox, set it up, run a full sync, print the summary',
    )
    .option('--contacts <n>', 'contacts of a new demo portal', '2000')
    .option('--fresh', 'forget the saved demo portal and state and start over')
    .option('--config <file>', 'the deployment to run (default: config/sandbox.yaml of leadscore)')
    .addHelpText(
      'after',
      '\nThe portal and the state are kept next to the state file (.leadscore/), so a second run finds\nnothing to write. Nothing leaves 127.0.0.1.\n\nExamples:\n  leadscore demo                 # npm start\n  leadscore demo --fresh --contacts 500',
    )
    .action(async (options: DemoOptions) => {
      await runDemo(options, io, connectors);
    });
}

export async function runDemo(options: DemoOptions, io: CliIo, connectors: ConnectorRegistry): Promise<void> {
  const out = lineWriter(io.stdout);
  const contacts = wholeNumber('--contacts', options.contacts, 1, 200_000);
  const configFile = options.config ?? join(packageRoot(), 'config', 'sandbox.yaml');
  // Read once for the state file's folder: the snapshots live there, and the sandboxes need them to start.
  const preview = await loadDeployment(configFile, process.env);
  const stateFile = preview.state.file;
  const launchers = enabledConnectors(preview).flatMap(([name]): [string, SandboxLauncher][] => {
    const launcher = connectors.get(name)?.sandbox;
    return launcher ? [[name, launcher]] : [];
  });
  if (launchers.length === 0)
    throw new UsageError(
      `${configFile} enables no connector that has a sandbox, so there is nothing to demo`,
    );
  const names = launchers.map(([name]) => name);
  const snapshotFile = (name: string) => join(dirname(stateFile), `sandbox-${name}.json`);
  if (options.fresh) await removeDemoFiles(stateFile, names.map(snapshotFile));

  const sandboxes: RunningSandbox[] = [];
  try {
    for (const [name, launcher] of launchers) {
      const sandbox = await launcher.start({
        port: 0,
        contacts,
        ...DEMO_PORTAL,
        snapshotFile: snapshotFile(name),
      });
      sandboxes.push(sandbox);
      const portal = sandbox.restored
        ? `the demo portal restored from ${shown(snapshotFile(name))}`
        : `a new demo ${sandbox.description}`;
      out(`${name} sandbox: ${sandbox.url}, ${portal}`);
    }
    const sandboxEnv = Object.assign({}, ...sandboxes.map((s) => s.env)) as Record<string, string>;
    const runtime = await DeploymentRuntime.open({
      configFile,
      env: { ...process.env, ...sandboxEnv },
      connectors,
      logStream: io.stderr,
      jsonLogs: false,
    });
    try {
      for (const sandbox of sandboxes) await demoOne(runtime, io, sandbox);
    } finally {
      await runtime.close();
    }
  } finally {
    await stopSandboxes(sandboxes);
  }
  closingHint(out, options, stateFile, names.map(snapshotFile));
}

async function demoOne(runtime: DeploymentRuntime, io: CliIo, sandbox: RunningSandbox): Promise<void> {
  const name = sandbox.connector;
  const baseUrl = runtime.connectorConfig(name).baseUrl;
  // A deployment that ignores the sandbox's URL variable would send the demo to a real CRM.
  if (baseUrl !== sandbox.url)
    throw new UsageError(
      `${runtime.deployment.file}: connectors.${name}.baseUrl is ${baseUrl ?? 'not set'}; the demo runs only against the local sandbox (set it from ${Object.keys(sandbox.env).join(' or ')})`,
    );
  const adapter = await runtime.adapter(name);
  const provisioned = await adapter.provision();
  lineWriter(io.stdout)(`${name}: setup: ${provisionSummary(provisioned.changes)}`);
  await runWithProgress(runtime, io, name, { kind: 'full' });
}

/** The state file with its SQLite companions, and the saved portals. */
async function removeDemoFiles(stateFile: string, snapshots: string[]): Promise<void> {
  const files = [stateFile, `${stateFile}-wal`, `${stateFile}-shm`, `${stateFile}-journal`, ...snapshots];
  await Promise.all(files.map((file) => rm(file, { force: true })));
}

function closingHint(
  out: (line: string) => void,
  options: DemoOptions,
  stateFile: string,
  snapshots: string[],
): void {
  const config = options.config ? shellQuote(options.config) : shellQuote(sandboxConfigPath());
  out('');
  out(
    `The demo portal is saved in ${snapshots.map(shown).join(', ')}, leadscore's state in ${shown(stateFile)}.`,
  );
  out(`  npx leadscore status --config ${config}   # what the state holds`);
  out('Run it again (npm start) and it finds nothing to write: written 0, MQLs handed off: 0.');
  out('A run hours later rewrites the few scores that decay has moved since.');
  out('`npm start -- --fresh` starts over with a new portal.');
}

/** A path as short as the user can still use it from here. */
function shown(path: string): string {
  const near = relative(process.cwd(), path);
  return near.startsWith('..') ? path : near;
}
