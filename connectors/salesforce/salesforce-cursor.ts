import { z } from 'zod';
import type { Cursor } from '../../src/connector/crm-adapter.js';
import { ConnectorConfigError } from '../../src/connector/connector-errors.js';

/**
 * Where a Salesforce read stopped, written after every page.
 * full: the query's nextRecordsUrl (null once read to the end). incremental: the window (SystemModstamp ≥
 * `since`) and the keyset (SystemModstamp, Id) of the last record read, so a resumed read starts a new
 * query after it instead of relying on a query locator that Salesforce expires.
 */
export const salesforceCursorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('full'), nextRecordsUrl: z.string().nullable(), done: z.boolean() }),
  z.object({
    kind: z.literal('incremental'),
    /** Window start (ms), the clock-skew overlap already taken off. */
    since: z.number().int().nonnegative(),
    /** SystemModstamp (ms) of the last record read; null before the first page. */
    afterStamp: z.number().int().nonnegative().nullable(),
    /** Id of the last record read (18 characters); null before the first page. */
    afterId: z.string().nullable(),
    /** Highest SystemModstamp seen (ms), or the run's start: where the next run starts, less the overlap. */
    highWater: z.number().int().nonnegative(),
    done: z.boolean(),
  }),
  /** Reads by id or email (resync) are not resumed; the cursor only says how far the list got. */
  z.object({ kind: z.literal('lookup'), read: z.number().int().nonnegative(), done: z.boolean() }),
]);
export type SalesforceCursor = z.infer<typeof salesforceCursorSchema>;
export type IncrementalCursor = Extract<SalesforceCursor, { kind: 'incremental' }>;

export function parseSalesforceCursor(cursor: Cursor | undefined): SalesforceCursor | undefined {
  if (cursor === undefined) return undefined;
  const parsed = salesforceCursorSchema.safeParse(cursor);
  if (!parsed.success) {
    throw new ConnectorConfigError(
      'salesforce',
      `the saved cursor is not a Salesforce cursor (${parsed.error.issues[0]?.message}); run a full sync`,
    );
  }
  return parsed.data;
}
