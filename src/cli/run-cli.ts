import { Command, CommanderError } from 'commander';
import { EXIT, LeadscoreError } from '../util/errors.js';
import type { ConnectorRegistry } from '../connector/connector-registry.js';
import type { CliIo } from './cli-io.js';
import { registerSetupCommand } from './setup-command.js';
import { registerScoreCommand } from './score-command.js';
import { registerValidateCommand } from './validate-command.js';
import { registerSyncCommand } from './sync-command.js';
import { registerResyncCommand } from './resync-command.js';
import { registerSandboxCommand } from './sandbox-command.js';
import { registerDemoCommand } from './demo-command.js';
import { registerStatusCommand } from './status-command.js';
import { registerExplainCommand } from './explain-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerTrainCommand } from './train-command.js';
import { registerEvaluateCommand } from './evaluate-command.js';
import { registerSuggestCommand } from './suggest-command.js';
import { registerBacktestCommand } from './backtest-command.js';
import { registerReportCommand } from './report-command.js';

/** Runs one command line and returns its exit code; never calls process.exit. */
export async function runCli(
  argv: string[],
  io: CliIo,
  connectors: ConnectorRegistry = new Map(),
): Promise<number> {
  const program = new Command()
    .name('leadscore')
    .description(
      'Transparent lead scoring for HubSpot and Salesforce: one model, both CRMs, explained to the point.',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError()
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 2 invalid input or config, 3 stopped by the CRM daily API limit, 1 unexpected failure.',
    );

  registerScoreCommand(program, io);
  registerValidateCommand(program, io);
  registerSetupCommand(program, io, connectors);
  registerSyncCommand(program, io, connectors);
  registerResyncCommand(program, io, connectors);
  registerSandboxCommand(program, io, connectors);
  registerDemoCommand(program, io, connectors);
  registerStatusCommand(program, io, connectors);
  registerExplainCommand(program, io, connectors);
  registerServeCommand(program, io, connectors);
  registerTrainCommand(program, io, connectors);
  registerEvaluateCommand(program, io);
  registerSuggestCommand(program, io);
  registerBacktestCommand(program, io);
  registerReportCommand(program, io);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

function exitCodeFor(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here too, with exit code 0.
    return error.exitCode === 0 ? EXIT.ok : EXIT.invalid;
  }
  if (error instanceof LeadscoreError) {
    io.stderr.write(`leadscore: ${error.message}\n`);
    return error.exitCode;
  }
  io.stderr.write(
    `leadscore: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  if (process.env.LEADSCORE_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
  return EXIT.failure;
}
