import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { EXIT } from '../../src/util/errors.js';
import { SandboxError } from './sandbox-error.js';

/** What a sandbox's snapshot is: its schema and how to name it in errors ("a HubSpot sandbox snapshot (version 1)"). */
export interface SnapshotKind<T> {
  schema: z.ZodType<T>;
  description: string;
  /** What a fresh start is called in the advice: "portal", "org". */
  fresh: string;
}

/** The snapshot saved in `file`, or undefined when there is none yet; anything else there is an error. */
export async function readSnapshotFile<T>(file: string, kind: SnapshotKind<T>): Promise<T | undefined> {
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
    throw invalid(file, kind, 'not JSON');
  }
  const parsed = kind.schema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? `${first.path.join('.')}: ` : '';
    throw invalid(file, kind, `${where}${first?.message ?? 'unexpected content'}`);
  }
  return parsed.data;
}

/** Writes a temporary file next to `file` and renames it over, so a crash never leaves half a snapshot. */
export async function writeSnapshotFile(file: string, snapshot: unknown): Promise<void> {
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

function invalid<T>(file: string, kind: SnapshotKind<T>, detail: string): SandboxError {
  return new SandboxError(
    'SANDBOX_SNAPSHOT_INVALID',
    `${file} is not ${kind.description} leadscore can restore (${detail}); move it away or delete it to start from a freshly seeded ${kind.fresh}`,
    EXIT.invalid,
  );
}
