import type Database from 'better-sqlite3';
import { z } from 'zod';
import { formatPath } from '../../util/errors.js';
import { StateRowInvalidError } from '../state-errors.js';

/** What every SQLite-backed part of the store shares: the connection, the file name for errors, the clock. */
export interface SqliteContext {
  readonly db: Database.Database;
  readonly file: string;
  /** Milliseconds since the epoch; injected so that tests drive lock expiry and timestamps. */
  readonly now: () => number;
}

/** Times are stored as integer milliseconds since the epoch: exact, and compared without parsing. */
export const epochMs = z.number().int();

/** Validates a row read back; a damaged or hand-edited file fails here, naming the table, not deep in a caller. */
export function parseRow<T extends z.ZodType>(
  ctx: SqliteContext,
  table: string,
  schema: T,
  row: unknown,
): z.output<T> {
  const parsed = schema.safeParse(row);
  if (!parsed.success) throw new StateRowInvalidError(ctx.file, table, describeIssues(parsed.error));
  return parsed.data;
}

export function parseJsonColumn<T extends z.ZodType>(
  ctx: SqliteContext,
  table: string,
  schema: T,
  text: string,
): z.output<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StateRowInvalidError(ctx.file, table, `not JSON: ${(error as Error).message}`);
  }
  return parseRow(ctx, table, schema, value);
}

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ');
}
