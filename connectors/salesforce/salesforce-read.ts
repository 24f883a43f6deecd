import { ConnectorRequestError } from '../../src/connector/connector-errors.js';
import type { CrmRecord } from '../../src/mapping/crm-record.js';
import type { SalesforceApi, SalesforceQueryPage, SalesforceRow } from './salesforce-api.js';
import type { IncrementalCursor, SalesforceCursor } from './salesforce-cursor.js';
import { READ_FILTERS } from './salesforce-objects.js';
import type { SalesforceObject } from './salesforce-objects.js';
import { selectStatement, soqlId, soqlString } from './soql.js';
import { soqlInUrlChunks } from './soql-url-chunks.js';

/** Paging goes before other requests: the next batch's locator is in this answer. */
const PAGING_PRIORITY = 1;
const ORDER = ['SystemModstamp', 'Id'];

export interface RecordPage {
  records: CrmRecord[];
  cursor: SalesforceCursor;
  /** Records the query holds in all (its totalSize; a resumed query counts from where it resumed). */
  total: number;
}

export interface ReadSpec {
  /** Lead (the default; unconverted ones only) or Contact. */
  object?: SalesforceObject;
  /** The object's fields to select (the mapping's); Id and SystemModstamp are added. */
  fields: string[];
  batchSize: number;
}

/** Where a full read of one object resumes: the next batch's locator, and the last record's keyset. */
export interface FullReadResume {
  nextRecordsUrl: string | null;
  afterStamp: number | null;
  afterId: string | null;
}

interface Keyset {
  stamp: number;
  id: string;
}

/**
 * Every unconverted Lead (or every Contact), in (SystemModstamp, Id) order, following nextRecordsUrl to the
 * end. Each page's cursor holds the next locator and the last record's keyset. A locator Salesforce no
 * longer knows (INVALID_QUERY_LOCATOR: it expires after some 15 minutes idle, and only the newest cursors
 * of a user stay open) — when resuming an interrupted read or between two batches — is replaced by a new
 * query for the records after that keyset, so the read neither fails for ever nor starts over.
 *
 * Records saved during the read are not lost by the switch: a save moves SystemModstamp forward, so a
 * record changed after it was read comes again (harmless: the diff writes nothing new; this includes every
 * record the read's own score writes moved on, the price of a fallback), and one not read yet stays ahead
 * of the keyset. A save whose SystemModstamp lands behind the keyset (committed after the
 * read passed that time: the writers' clocks, long transactions) is missed by this read; that is fine: it
 * was saved during the run, so its SystemModstamp is newer than where the next incremental run's window
 * starts (this run's start less the clock-skew overlap), and that run reads it.
 */
export async function* readAllLeads(
  api: SalesforceApi,
  spec: ReadSpec,
  resume?: FullReadResume,
): AsyncGenerator<RecordPage> {
  const object = spec.object ?? 'Lead';
  let after: Keyset | undefined =
    resume && resume.afterStamp !== null && resume.afterId !== null
      ? { stamp: resume.afterStamp, id: resume.afterId }
      : undefined;
  // A cursor saved before keysets were kept can only start its object over when the locator is gone.
  let resumeUrl = resume?.nextRecordsUrl ?? undefined;
  for (;;) {
    const where = after ? filtered(object, afterKeyset(after)) : READ_FILTERS[object];
    const soql = selectStatement({ fields: selectFields(spec.fields), object, where, orderBy: ORDER });
    let read = false;
    try {
      for await (const page of queryPages(api, soql, spec.batchSize, resumeUrl)) {
        after = lastKeyset(page.records) ?? after;
        read = true;
        const next = page.nextRecordsUrl ?? null;
        yield {
          records: page.records.map(toCrmRecord),
          total: page.totalSize,
          cursor: {
            kind: 'full',
            object,
            nextRecordsUrl: next,
            afterStamp: after?.stamp ?? null,
            afterId: after?.id ?? null,
            done: next === null,
          },
        };
      }
      return;
    } catch (error) {
      // A new query's first batch comes before any locator: no progress since it means something else is wrong.
      if (!isExpiredLocator(error) || (!read && resumeUrl === undefined)) throw error;
      resumeUrl = undefined;
    }
  }
}

/**
 * Records of `spec.object` with SystemModstamp ≥ `since`, in (SystemModstamp, Id) order. The cursor after
 * each page holds the last record's keyset, so a resumed read is a new query for what comes after it.
 */
export async function* readChangedLeads(
  api: SalesforceApi,
  spec: ReadSpec,
  start: IncrementalCursor,
): AsyncGenerator<RecordPage> {
  if (start.done) return;
  let { afterStamp, afterId, highWater } = start;
  const object = spec.object ?? 'Lead';
  let where = filtered(object, `SystemModstamp >= ${soqlDateTime(start.since)}`);
  if (afterStamp !== null && afterId !== null)
    where += ` AND ${afterKeyset({ stamp: afterStamp, id: afterId })}`;
  const soql = selectStatement({ fields: selectFields(spec.fields), object, where, orderBy: ORDER });
  let yielded = false;
  for await (const page of queryPages(api, soql, spec.batchSize)) {
    for (const row of page.records) {
      const stamp = Date.parse(normalizeDateTime(String(row.SystemModstamp ?? '')));
      if (Number.isFinite(stamp)) {
        afterStamp = stamp;
        highWater = Math.max(highWater, stamp);
      }
      afterId = String(row.Id);
    }
    const done = !page.nextRecordsUrl;
    yielded = true;
    yield {
      records: page.records.map(toCrmRecord),
      total: page.totalSize,
      cursor: { kind: 'incremental', object, since: start.since, afterStamp, afterId, highWater, done },
    };
  }
  if (!yielded) {
    yield {
      records: [],
      total: 0,
      cursor: { kind: 'incremental', object, since: start.since, afterStamp, afterId, highWater, done: true },
    };
  }
}

/**
 * Records of `spec.object` by record id (`Id IN (…)`, ids validated and made 18 characters) or by email
 * (`Email IN (…)`), as many queries as the URL length allows.
 */
export async function* readLeadsBy(
  api: SalesforceApi,
  spec: ReadSpec,
  by: 'Id' | 'Email',
  values: readonly string[],
): AsyncGenerator<CrmRecord[]> {
  const object = spec.object ?? 'Lead';
  const literals = by === 'Id' ? [...new Set(values.map(soqlId))] : [...new Set(values)].map(soqlString);
  const prefix = `${selectStatement({ fields: selectFields(spec.fields), object })} WHERE ${filtered(object, `${by} IN `)}`;
  for (const soql of soqlInUrlChunks(prefix, literals)) {
    for await (const page of queryPages(api, soql, spec.batchSize)) {
      yield page.records.map(toCrmRecord);
    }
  }
}

/** A query's batches to the end; the next batch is requested as soon as one arrives. */
export async function* queryPages(
  api: SalesforceApi,
  soql: string,
  batchSize: number,
  resumeUrl?: string,
): AsyncGenerator<SalesforceQueryPage> {
  let pending: Promise<SalesforceQueryPage> | undefined = resumeUrl
    ? api.queryMore(resumeUrl, PAGING_PRIORITY)
    : api.query(soql, batchSize, PAGING_PRIORITY);
  while (pending) {
    const page: SalesforceQueryPage = await pending;
    const next = page.done ? undefined : page.nextRecordsUrl;
    pending = next ? api.queryMore(next, PAGING_PRIORITY) : undefined;
    // A prefetch that fails while the caller is busy must not go unhandled; it rethrows on await.
    pending?.catch(() => {});
    yield next ? page : { ...page, nextRecordsUrl: undefined };
  }
}

/** Records after `after` in (SystemModstamp, Id) order. */
function afterKeyset(after: Keyset): string {
  // Literals have whole seconds: `>` a floored stamp may re-read a few records of that second, never skip one.
  const stamp = soqlDateTime(after.stamp);
  return `(SystemModstamp > ${stamp} OR (SystemModstamp = ${stamp} AND Id > ${soqlId(after.id)}))`;
}

/** The keyset of a batch's last record; undefined for an empty batch or one without the fields. */
function lastKeyset(rows: readonly SalesforceRow[]): Keyset | undefined {
  const last = rows.at(-1);
  if (!last) return undefined;
  const stamp = Date.parse(normalizeDateTime(String(last.SystemModstamp ?? '')));
  return Number.isFinite(stamp) && typeof last.Id === 'string' ? { stamp, id: last.Id } : undefined;
}

/** Salesforce no longer knows a query's locator (expired, or released for a newer cursor). */
function isExpiredLocator(error: unknown): boolean {
  return error instanceof ConnectorRequestError && error.category === 'INVALID_QUERY_LOCATOR';
}

/** `condition`, and the object's read filter (unconverted Leads only) before it. */
function filtered(object: SalesforceObject, condition: string): string {
  const filter = READ_FILTERS[object];
  return filter ? `${filter} AND ${condition}` : condition;
}

function selectFields(fields: string[]): string[] {
  return ['Id', 'SystemModstamp', ...fields];
}

/** A SOQL datetime literal (unquoted ISO-8601 UTC, whole seconds, floored). */
export function soqlDateTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Salesforce writes datetimes as `2026-06-15T12:00:00.000+0000`; the offset gets its colon. */
function normalizeDateTime(value: string): string {
  return value.replace(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?)([+-]\d\d)(\d\d)$/, '$1$2:$3');
}

/**
 * A REST record as a CrmRecord: values as text (numbers and booleans stringified, datetimes with a standard
 * offset), relationship fields flattened to `Account.Industry`, `attributes` dropped.
 */
export function toCrmRecord(row: SalesforceRow): CrmRecord {
  const properties: Record<string, string | null> = {};
  flatten(row, '', properties);
  return { id: String(row.Id), properties };
}

function flatten(row: SalesforceRow, prefix: string, out: Record<string, string | null>): void {
  for (const [key, value] of Object.entries(row)) {
    if (key === 'attributes') continue;
    const name = prefix + key;
    if (value === null || value === undefined) out[name] = null;
    else if (typeof value === 'object' && !Array.isArray(value)) {
      flatten(value as SalesforceRow, `${name}.`, out);
    } else if (typeof value === 'string') out[name] = normalizeDateTime(value);
    else if (typeof value === 'number' || typeof value === 'boolean') out[name] = String(value);
  }
}
