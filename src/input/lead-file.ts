import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../util/errors.js';

export type LeadFileFormat = 'jsonl' | 'csv';

export const FORMAT_BY_EXTENSION: Readonly<Record<string, LeadFileFormat>> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'jsonl',
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
};

export function formatFromExtension(file: string): LeadFileFormat {
  const format = FORMAT_BY_EXTENSION[path.extname(file).toLowerCase()];
  if (format) return format;
  const accepted = Object.keys(FORMAT_BY_EXTENSION).join(', ');
  throw new InputError(
    `${file}: cannot tell the format from the extension; expected one of ${accepted}, or name the format explicitly`,
  );
}

/** Opens a lead file for reading, failing early (with the file's name) when that is impossible. */
export async function openLeadFile(file: string): Promise<FileHandle> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    if ((await handle.stat()).isDirectory())
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return handle;
  } catch (error) {
    await handle?.close();
    throw asInputError(file, error);
  }
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'file not found',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a file',
};

/** File-system errors become an InputError naming the file; anything else is passed through. */
export function asInputError(file: string, error: unknown): unknown {
  // Duck-typed: errors from node:fs are not always `instanceof Error` here (e.g. under Jest's VM contexts).
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof InputError || typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error;
  const detail = (error as { message?: unknown }).message;
  return new InputError(`${file}: ${REASONS[code] ?? `cannot be read (${String(detail ?? code)})`}`);
}
