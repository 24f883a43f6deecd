import { z } from 'zod';
import type { Cursor } from '../../src/connector/crm-adapter.js';
import { ConnectorConfigError } from '../../src/connector/connector-errors.js';
import { salesforceObjectSchema } from './salesforce-objects.js';

/** The object a read is on; cursors written before Contacts were read have none and were on Lead. */
const objectSchema = salesforceObjectSchema.default('Lead');

/**
 * Where a Salesforce read stopped, written after every page. Full and incremental reads go through the
 * enabled objects in turn (Lead, then Contact); `object` is the one to resume, and `done` is set once the
 * last one is read.
 * full: the query's nextRecordsUrl (null once read to the end, or when `object` is yet to be started), and
 * the keyset of the last record read, for when Salesforce no longer knows the locator (INVALID_QUERY_LOCATOR).
 * incremental: the window (SystemModstamp ≥ `since`, the same for every object) and the keyset
 * (SystemModstamp, Id) of the last record of `object` read (null when it is yet to be started), so a
 * resumed read starts a new query after it instead of relying on a query locator that Salesforce expires.
 */
export const salesforceCursorSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('full'),
    object: objectSchema,
    nextRecordsUrl: z.string().nullable(),
    /**
     * SystemModstamp (ms) and Id of the last record of `object` read: where a new query resumes when the
     * locator has expired. Null before the object's first page (and in cursors saved before they were kept).
     */
    afterStamp: z.number().int().nonnegative().nullable().default(null),
    afterId: z.string().nullable().default(null),
    done: z.boolean(),
  }),
  z.object({
    kind: z.literal('incremental'),
    object: objectSchema,
    /** Window start (ms), the clock-skew overlap already taken off. */
    since: z.number().int().nonnegative(),
    /** SystemModstamp (ms) of the last record read; null before the first page. */
    afterStamp: z.number().int().nonnegative().nullable(),
    /** Id of the last record read (18 characters); null before the first page. */
    afterId: z.string().nullable(),
    /** Highest SystemModstamp seen on any object (ms), or the run's start: the next run starts there. */
    highWater: z.number().int().nonnegative(),
    done: z.boolean(),
  }),
  /** Reads by id or email (resync) are not resumed; the cursor only says how far the list got. */
  z.object({ kind: z.literal('lookup'), read: z.number().int().nonnegative(), done: z.boolean() }),
]);
export type SalesforceCursor = z.infer<typeof salesforceCursorSchema>;
export type FullCursor = Extract<SalesforceCursor, { kind: 'full' }>;
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
