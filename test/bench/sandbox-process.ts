import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface SandboxProcess {
  url: string;
  privateAppToken: string;
  child: ChildProcess;
  /** From spawn to listening: seeding the portal. */
  seedSeconds: number;
}

/** A sandbox script running in a child process, and the JSON line it printed once listening. */
export interface SpawnedSandbox<Info> {
  info: Info;
  child: ChildProcess;
  /** From spawn to listening: seeding the portal or org. */
  seedSeconds: number;
}

/** The extension this module runs with: `.ts` from source (tsx), `.js` from dist. */
export const scriptExtension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/**
 * Runs a sandbox script (a path relative to this folder, without its extension) in its own process, so that
 * its memory and CPU are not counted as leadscore's; with our loader flags and this module's extension (tsx
 * from source, node from dist). Resolves with the first line of its stdout, parsed as JSON. With `ipc`, the
 * child gets an IPC channel (for runners that answer questions about their calls).
 */
export async function spawnSandbox<Info>(
  relativeScript: string,
  args: readonly string[],
  options: { ipc?: boolean } = {},
): Promise<SpawnedSandbox<Info>> {
  const script = fileURLToPath(new URL(`${relativeScript}${scriptExtension}`, import.meta.url));
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [...process.execArgv, script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit', ...(options.ipc ? (['ipc'] as const) : [])],
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code, signal) =>
      reject(new Error(`the sandbox process exited before listening (code ${code}, signal ${signal})`)),
    );
    child.once('error', reject);
  });
  return {
    info: JSON.parse(first) as Info,
    child,
    seedSeconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

/** The HubSpot sandbox in its own process (connectors/hubspot/sandbox/run-sandbox). */
export async function startSandboxProcess(contacts: number, perTenSeconds: number): Promise<SandboxProcess> {
  const { info, child, seedSeconds } = await spawnSandbox<{ url: string; privateAppToken: string }>(
    '../../connectors/hubspot/sandbox/run-sandbox',
    ['--contacts', String(contacts), '--per-ten-seconds', String(perTenSeconds)],
  );
  return { url: info.url, privateAppToken: info.privateAppToken, child, seedSeconds };
}

/** CPU seconds (user + system) of another process, from /proc/<pid>/stat; undefined when unreadable. */
export function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after the state; clock ticks, 100 per second.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
