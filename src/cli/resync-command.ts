import type { Command } from 'commander';
import type { ConnectorRegistry } from '../connector/connector-registry.js';
import type { ReadQuery } from '../connector/crm-adapter.js';
import { UsageError } from '../util/errors.js';
import type { CliIo } from './cli-io.js';
import { withDeploymentOptions, withRuntime } from './deployment-options.js';
import type { DeploymentOptions } from './deployment-options.js';
import { parseNow } from './parse-now.js';
import { runWithProgress } from './run-with-progress.js';
import { fixedNow, seconds } from './sync-command.js';

interface ResyncOptions extends DeploymentOptions {
  connector: string;
  ids?: string;
  emails?: string;
  since?: string;
  all?: boolean;
  dryRun?: boolean;
  wait?: string;
  now?: string;
}

const MAX_LIST = 10_000;
// Deliberately loose: the CRM decides what an address is; this only catches a pasted list gone wrong.
const EMAIL = /^[^\s@,;]+@[^\s@,;]+$/;

export function registerResyncCommand(program: Command, io: CliIo, connectors: ConnectorRegistry): void {
  withDeploymentOptions(
    program
      .command('resync')
      .description(
        'Rescore some records now, e.g. to answer "why is this lead not an MQL?"; no cursor is moved',
      )
      .requiredOption('-c, --connector <name>', 'the connector')
      .option('--ids <ids>', 'comma-separated record ids')
      .option('--emails <emails>', 'comma-separated email addresses')
      .option('--since <date>', 'every record modified since this date (ISO 8601; no zone = UTC)')
      .option('--all', 'every record')
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
      '\nExactly one of --ids, --emails, --since, --all.\n\nExamples:\n  leadscore resync --connector hubspot --emails jane@acme.com\n  leadscore resync --connector hubspot --ids 101,102 --dry-run\n  leadscore resync --connector hubspot --since 2026-11-01',
    )
    .action(async (options: ResyncOptions) => {
      const query = resyncQuery(options);
      await withRuntime(options, io, connectors, async (runtime) => {
        const [name] = runtime.connectorNames(options.connector);
        await runWithProgress(
          runtime,
          io,
          name!,
          { kind: 'resync', query },
          {
            dryRun: options.dryRun === true,
            lockWaitMs: seconds(options.wait) * 1000,
            ...(options.now ? { now: fixedNow(options.now) } : {}),
          },
        );
      });
    });
}

export function resyncQuery(options: Pick<ResyncOptions, 'ids' | 'emails' | 'since' | 'all'>): ReadQuery {
  const given = (['ids', 'emails', 'since', 'all'] as const).filter((k) => options[k] !== undefined);
  if (given.length !== 1)
    throw new UsageError(
      `resync: give exactly one of --ids, --emails, --since, --all${given.length ? ` (got ${given.map((g) => `--${g}`).join(', ')})` : ''}`,
    );
  if (options.ids !== undefined) {
    const ids = list('--ids', options.ids);
    const bad = ids.find((id) => !/^[A-Za-z0-9_-]+$/.test(id));
    if (bad !== undefined)
      throw new UsageError(`--ids: "${bad}" is not a record id (letters, digits, _ and - only)`);
    return { kind: 'ids', ids };
  }
  if (options.emails !== undefined) {
    const emails = list('--emails', options.emails);
    const bad = emails.find((e) => !EMAIL.test(e));
    if (bad !== undefined) throw new UsageError(`--emails: "${bad}" is not an email address`);
    return { kind: 'emails', emails };
  }
  if (options.since !== undefined) {
    const since = parseNow(options.since, '--since');
    return { kind: 'incremental', since, asOf: new Date() };
  }
  return { kind: 'full' };
}

function list(flag: string, text: string): string[] {
  const values = [
    ...new Set(
      text
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
  if (values.length === 0) throw new UsageError(`${flag}: expected a comma-separated list, got "${text}"`);
  if (values.length > MAX_LIST)
    throw new UsageError(`${flag}: at most ${MAX_LIST} values, got ${values.length}`);
  return values;
}
