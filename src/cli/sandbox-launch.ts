import { join, relative } from 'node:path';
import type { ConnectorRegistry, RunningSandbox, SandboxLauncher } from '../connector/connector-registry.js';
import { UsageError } from '../util/errors.js';
import { packageRoot } from '../util/package-root.js';

export interface SandboxRequest {
  /** Only this connector's sandbox; every connector that has one by default. */
  connector?: string;
  /** The first sandbox's port (the next ones count up from it); 0 picks free ports. */
  port: number;
  contacts: number;
  seed?: number;
  perTenSeconds: number;
  /** Restored from when it exists, saved to on stop. */
  persist?: string;
}

export interface StartedSandboxes {
  sandboxes: RunningSandbox[];
  /** What to tell the user: where each sandbox listens and how to point leadscore at it. */
  lines: string[];
}

/** Starts the sandboxes on 127.0.0.1 and says how to use them; stops the ones started if one fails. */
export async function startSandboxes(
  connectors: ConnectorRegistry,
  request: SandboxRequest,
): Promise<StartedSandboxes> {
  const launchers = sandboxLaunchers(connectors, request.connector);
  if (request.persist && launchers.length > 1)
    throw new UsageError(
      `--persist: ${launchers.map(([name]) => name).join(', ')} all have a sandbox; choose one with --connector`,
    );
  const sandboxes: RunningSandbox[] = [];
  try {
    for (const [i, [name, launcher]] of launchers.entries()) {
      const port = request.port === 0 ? 0 : request.port + i;
      sandboxes.push(await startOne(name, launcher, { ...request, port }));
    }
  } catch (error) {
    await stopSandboxes(sandboxes);
    throw error;
  }
  return { sandboxes, lines: usageLines(sandboxes, request) };
}

/** Saves (when a snapshot file was given) and stops every sandbox, even when one of them fails. */
export async function stopSandboxes(sandboxes: RunningSandbox[]): Promise<void> {
  const results = await Promise.allSettled(
    sandboxes.map(async (sandbox) => {
      try {
        await sandbox.save();
      } finally {
        await sandbox.stop();
      }
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The connectors with a sandbox: the one named, or all of them. */
export function sandboxLaunchers(
  connectors: ConnectorRegistry,
  connector?: string,
): [string, SandboxLauncher][] {
  const all = [...connectors].flatMap(([name, factory]): [string, SandboxLauncher][] =>
    factory.sandbox ? [[name, factory.sandbox]] : [],
  );
  const chosen = connector === undefined ? all : all.filter(([name]) => name === connector);
  if (chosen.length === 0)
    throw new UsageError(
      connector === undefined
        ? 'no connector has a sandbox'
        : `--connector: expected one of ${all.map(([name]) => name).join(', ') || '(none)'}, got "${connector}"`,
    );
  return chosen;
}

/** config/sandbox.yaml of the package, as the user would type it from the current directory. */
export function sandboxConfigPath(cwd = process.cwd()): string {
  const path = join(packageRoot(), 'config', 'sandbox.yaml');
  const near = relative(cwd, path);
  return near.startsWith('..') ? path : near;
}

/** A value as a POSIX shell reads it back unchanged. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

async function startOne(
  name: string,
  launcher: SandboxLauncher,
  request: SandboxRequest,
): Promise<RunningSandbox> {
  try {
    return await launcher.start({
      port: request.port,
      contacts: request.contacts,
      seed: request.seed,
      perTenSeconds: request.perTenSeconds,
      snapshotFile: request.persist,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new UsageError(
        `--port: ${request.port} is in use on 127.0.0.1 (${name} sandbox); choose another, or 0 for a free one`,
      );
    throw error;
  }
}

function usageLines(sandboxes: RunningSandbox[], request: SandboxRequest): string[] {
  const config = shellQuote(sandboxConfigPath());
  const lines: string[] = [];
  for (const sandbox of sandboxes) {
    const origin = sandbox.restored
      ? `restored from ${request.persist}: `
      : request.seed === undefined
        ? ''
        : `seed ${request.seed}: `;
    lines.push(`${sandbox.connector} sandbox: ${sandbox.url} (${origin}${sandbox.description})`);
  }
  lines.push('', 'Point leadscore at it from another shell:');
  for (const sandbox of sandboxes)
    for (const [key, value] of Object.entries(sandbox.env))
      lines.push(`  export ${key}=${shellQuote(value)}`);
  for (const command of ['setup', 'sync', 'status'])
    lines.push(`  npx leadscore ${command} --config ${config}`);
  lines.push(
    '',
    request.persist
      ? `Ctrl-C stops it and saves the portal to ${request.persist}.`
      : 'Ctrl-C stops it; the portal is not kept (--persist FILE keeps it).',
  );
  return lines;
}
