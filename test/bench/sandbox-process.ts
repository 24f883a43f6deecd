import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface SandboxProcess {
  url: string;
  privateAppToken: string;
  child: ChildProcess;
  /** From spawn to listening: seeding the portal. */
  seedSeconds: number;
}

/**
 * The HubSpot sandbox in its own process, so that its memory and CPU are not counted as leadscore's. Runs
 * the script with this file's extension (tsx from source, node from dist) and our loader flags.
 */
export async function startSandboxProcess(contacts: number, perTenSeconds: number): Promise<SandboxProcess> {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const script = fileURLToPath(
    new URL(`../../connectors/hubspot/sandbox/run-sandbox${ext}`, import.meta.url),
  );
  const started = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [...process.execArgv, script, '--contacts', String(contacts), '--per-ten-seconds', String(perTenSeconds)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code, signal) =>
      reject(new Error(`the sandbox process exited before listening (code ${code}, signal ${signal})`)),
    );
    child.once('error', reject);
  });
  const { url, privateAppToken } = JSON.parse(first) as { url: string; privateAppToken: string };
  return { url, privateAppToken, child, seedSeconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
