import { KEY_PREFIXES, makeId } from '../ids.js';
import { ApiError } from '../http/api-error.js';
import { restError } from '../http/error-bodies.js';
import type { QueryRecord } from './project.js';

export interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: QueryRecord[];
}

interface Cursor {
  records: QueryRecord[];
  batchSize: number;
  /** The org clock's time (ms) of the query or of the last batch read through it. */
  usedAt: number;
}

export const DEFAULT_BATCH_SIZE = 2000;
const MAX_OPEN = 100;
/** A locator expires after 15 minutes of inactivity (SOAP API guide, "QueryLocator"). */
export const LOCATOR_IDLE_MS = 15 * 60_000;

/** `Sforce-Query-Options: batchSize=N`: documented as 200 to 2,000, 2,000 by default; out-of-range values are clamped. */
export function batchSizeFrom(header: string | undefined): number {
  const match = /batchSize\s*=\s*(\d+)/i.exec(header ?? '');
  if (!match) return DEFAULT_BATCH_SIZE;
  return Math.min(2000, Math.max(200, Number(match[1])));
}

/** Open query results, paged through `nextRecordsUrl` (`/services/data/vXX.X/query/01g…-2000`). */
export class QueryCursors {
  private readonly cursors = new Map<string, Cursor>();
  private issued = 0;

  /** `now` is the org's clock: a locator idle for LOCATOR_IDLE_MS by it is gone. */
  constructor(private readonly now: () => Date = () => new Date()) {}

  first(records: QueryRecord[], batchSize: number, apiVersion: string): QueryPage {
    const cursor = { records, batchSize, usedAt: this.now().getTime() };
    if (records.length <= batchSize) return this.page(cursor, '', 0, apiVersion);
    const id = makeId(KEY_PREFIXES.QueryLocator, ++this.issued);
    this.cursors.set(id, cursor);
    // Salesforce expires idle cursors; the sandbox keeps the newest MAX_OPEN so retried pages still answer.
    if (this.cursors.size > MAX_OPEN) this.cursors.delete(this.cursors.keys().next().value ?? '');
    return this.page(cursor, id, 0, apiVersion);
  }

  /** The page at `01g…-offset`; 400 INVALID_QUERY_LOCATOR for an unknown, expired or exhausted locator. */
  next(locator: string, apiVersion: string): QueryPage {
    const [id = '', offsetText = ''] = locator.split('-');
    const now = this.now().getTime();
    const found = this.cursors.get(id);
    if (found && now - found.usedAt > LOCATOR_IDLE_MS) this.cursors.delete(id);
    const cursor = this.cursors.get(id);
    const offset = Number(offsetText);
    if (!cursor || !/^\d+$/.test(offsetText) || offset >= cursor.records.length) {
      throw new ApiError(400, restError('INVALID_QUERY_LOCATOR', 'invalid query locator'));
    }
    cursor.usedAt = now;
    return this.page(cursor, id, offset, apiVersion);
  }

  /** Ends every open locator, as 15 idle minutes would (a test hook: no waiting, no clock to move). */
  expireAll(): void {
    this.cursors.clear();
  }

  private page(cursor: Cursor, id: string, offset: number, apiVersion: string): QueryPage {
    const end = offset + cursor.batchSize;
    const done = end >= cursor.records.length;
    return {
      totalSize: cursor.records.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/${apiVersion}/query/${id}-${end}` }),
      records: cursor.records.slice(offset, end),
    };
  }
}
