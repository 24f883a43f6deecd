import { createProgress } from '../ops/progress.js';
import type { DeploymentRuntime } from '../runtime/deployment-runtime.js';
import type { SyncOptions, SyncReport, SyncScope } from '../sync/sync-types.js';
import type { CliIo } from './cli-io.js';
import { lineWriter } from './cli-io.js';
import { formatSyncReport } from './sync-report-format.js';

/**
 * Runs one connector's sync for a manual command: a progress bar on a terminal (plain lines otherwise),
 * SIGINT/SIGTERM finishing the current page and keeping its checkpoint, the summary on stdout.
 */
export async function runWithProgress(
  runtime: DeploymentRuntime,
  io: CliIo,
  connector: string,
  scope: SyncScope,
  over: Partial<SyncOptions> = {},
): Promise<SyncReport> {
  const stream = io.stderr as NodeJS.WriteStream;
  const progress = createProgress({ stream, isTTY: stream.isTTY === true, label: connector });
  const abort = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    runtime.logger.warn(`${signal}: finishing the current page, then stopping`, { connector });
    abort.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const report = await runtime.sync(connector, scope, {
      ...over,
      signal: abort.signal,
      onProgress: (p) => progress.update({ read: p.read, written: p.written, failed: p.failed }),
    });
    progress.stop();
    if (!over.dryRun) await runtime.pruneHistory();
    for (const line of formatSyncReport(report)) lineWriter(io.stdout)(line);
    return report;
  } finally {
    progress.stop();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
