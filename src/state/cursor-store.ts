import { z } from 'zod';
import type { Cursor } from '../connector/crm-adapter.js';

/** A cursor is a flat JSON object: adapters keep paging tokens and timestamps, never nested documents. */
export const cursorSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export interface StoredCursor {
  cursor: Cursor;
  updatedAt: Date;
}

/** Where each connector's streams resume: one cursor per (connector, stream), overwritten after every page. */
export interface CursorStore {
  get(connector: string, stream: string): Promise<StoredCursor | undefined>;
  /** Throws STATE_VALUE_INVALID for anything but a flat JSON object (nested values, NaN, Infinity). */
  set(connector: string, stream: string, cursor: Cursor): Promise<void>;
}
