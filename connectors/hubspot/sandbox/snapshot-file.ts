import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { sandboxSnapshotSchema, type SandboxSnapshot } from './data/store-snapshot.js';
import { EXIT } from '../../../src/util/errors.js';
import { SandboxError } from './sandbox-error.js';

/** The snapshot saved in `file`, or undefined when there is none yet; anything else there is an error. */
export async function readSnapshotFile(file: string): Promise<SandboxSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SandboxError(
      'SANDBOX_SNAPSHOT_UNREADABLE',
      `Cannot read the sandbox snapshot ${file}: ${(error as Error).message}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw invalid(file, 'not JSON');
  }
  const parsed = sandboxSnapshotSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? `${first.path.join('.')}: ` : '';
    throw invalid(file, `${where}${first?.message ?? 'unexpected content'}`);
  }
  return parsed.data;
}

/** Writes a temporary file next to `file` and renames it over, so a crash never leaves half a snapshot. */
export async function writeSnapshotFile(file: string, snapshot: SandboxSnapshot): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, JSON.stringify(snapshot) + '\n');
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw new SandboxError(
      'SANDBOX_SNAPSHOT_WRITE',
      `Cannot save the sandbox snapshot ${file}: ${(error as Error).message}`,
    );
  }
}

function invalid(file: string, detail: string): SandboxError {
  return new SandboxError(
    'SANDBOX_SNAPSHOT_INVALID',
    `${file} is not a HubSpot sandbox snapshot (version 1) leadscore can restore (${detail}); move it away or delete it to start from a freshly seeded portal`,
    EXIT.invalid,
  );
}
