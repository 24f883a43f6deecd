import { z } from 'zod';
import type { Cursor } from '../../src/connector/crm-adapter.js';
import { ConnectorConfigError } from '../../src/connector/connector-errors.js';

/**
 * Where a HubSpot read stopped, written after every page.
 * full: the list endpoint's `after` token. incremental: the search window (records modified at or
 * after `since`), the offset inside it, and — when more than a page of records share one timestamp —
 * the last `hs_object_id` read at that timestamp.
 */
export const hubSpotCursorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('full'), after: z.string().nullable(), done: z.boolean() }),
  z.object({
    kind: z.literal('incremental'),
    since: z.number().int().nonnegative(),
    after: z.string().nullable(),
    /** Highest lastmodifieddate seen so far (ms): where the next run starts, less the overlap. */
    highWater: z.number().int().nonnegative(),
    /** Keyset inside one timestamp: records with lastmodifieddate = since and hs_object_id > this. */
    afterId: z.string().nullable(),
    done: z.boolean(),
  }),
  /** Reads by id or email (resync) are not resumed; the cursor only says how far the list got. */
  z.object({ kind: z.literal('lookup'), read: z.number().int().nonnegative(), done: z.boolean() }),
]);
export type HubSpotCursor = z.infer<typeof hubSpotCursorSchema>;

export function parseHubSpotCursor(cursor: Cursor | undefined): HubSpotCursor | undefined {
  if (cursor === undefined) return undefined;
  const parsed = hubSpotCursorSchema.safeParse(cursor);
  if (!parsed.success) {
    throw new ConnectorConfigError(
      'hubspot',
      `the saved cursor is not a HubSpot cursor (${parsed.error.issues[0]?.message}); run a full sync`,
    );
  }
  return parsed.data;
}
