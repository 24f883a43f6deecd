import type { Command } from 'commander';
import type { ConnectorRegistry } from '../connector/connector-registry.js';
import { UsageError } from '../util/errors.js';
import type { CliIo } from './cli-io.js';
import { parseNow } from './parse-now.js';
import { withDeploymentOptions, withRuntime } from './deployment-options.js';
import type { DeploymentOptions } from './deployment-options.js';
import { runWithProgress } from './run-with-progress.js';

interface SyncCommandOptions extends DeploymentOptions {
  connector?: string;
  full?: boolean;
  dryRun?: boolean;
  wait?: string;
  now?: string;
}

export function registerSyncCommand(program: Command, io: CliIo, connectors: ConnectorRegistry): void {
  withDeploymentOptions(
    program
      .command('sync')
      .description(
        'Score the CRM records changed since the last run (or all with --full) and write the results back',
      )
      .option('-c, --connector <name>', 'only this connector (default: every enabled one)')
      .option(
        '--full',
        'rescore every record: applies decay and model changes; resumes an interrupted full run',
      )
      .option('--dry-run', 'show what would be written and handed off; write nothing')
      .option(
        '--wait <seconds>',
        'wait this long for a running sync of the same connector instead of refusing',
        '0',
      )
      .option(
        '--now <iso-8601>',
        'score as of this moment instead of the clock (reproducible reruns and tests)',
      ),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  leadscore sync                      # incremental, every enabled connector\n  leadscore sync --connector hubspot --full\n  leadscore sync --full --dry-run     # what a full rescore would change',
    )
    .action(async (options: SyncCommandOptions) => {
      await withRuntime(options, io, connectors, async (runtime) => {
        for (const name of runtime.connectorNames(options.connector)) {
          await runWithProgress(
            runtime,
            io,
            name,
            { kind: options.full ? 'full' : 'incremental' },
            {
              dryRun: options.dryRun === true,
              lockWaitMs: seconds(options.wait) * 1000,
              ...(options.now ? { now: fixedNow(options.now) } : {}),
            },
          );
        }
      });
    });
}

export function seconds(text: string | undefined): number {
  const value = Number(text ?? 0);
  if (!Number.isFinite(value) || value < 0)
    throw new UsageError(`--wait: expected a number of seconds ≥ 0, got "${text}"`);
  return value;
}

/** `--now` as the run's clock: every record of the run is scored as of this moment. */
export function fixedNow(text: string): () => Date {
  const now = parseNow(text);
  return () => now;
}
