import type { CrmRecord } from '../../src/mapping/crm-record.js';
import type { SalesforceApi, SalesforceQueryPage, SalesforceRow } from './salesforce-api.js';
import type { IncrementalCursor, SalesforceCursor } from './salesforce-cursor.js';
import { READ_FILTERS } from './salesforce-objects.js';
import type { SalesforceObject } from './salesforce-objects.js';
import { selectStatement, soqlId, soqlString } from './soql.js';
import { soqlInUrlChunks } from './soql-url-chunks.js';

/** Re-read this much before the last high-water mark: the clocks of Salesforce's writers are not one clock. */
export const INCREMENTAL_OVERLAP_MS = 5 * 60_000;
/** Paging goes before other requests: the next batch's locator is in this answer. */
const PAGING_PRIORITY = 1;
const ORDER = ['SystemModstamp', 'Id'];

export interface RecordPage {
  records: CrmRecord[];
  cursor: SalesforceCursor;
}

export interface ReadSpec {
  /** Lead (the default; unconverted ones only) or Contact. */
  object?: SalesforceObject;
  /** The object's fields to select (the mapping's); Id and SystemModstamp are added. */
  fields: string[];
  batchSize: number;
}

/**
 * Every unconverted Lead (or every Contact), oldest SystemModstamp first, following nextRecordsUrl to the
 * end; resumable from the nextRecordsUrl of an interrupted read (while Salesforce keeps the locator open).
 */
export async function* readAllLeads(
  api: SalesforceApi,
  spec: ReadSpec,
  resumeUrl?: string,
): AsyncGenerator<RecordPage> {
  const object = spec.object ?? 'Lead';
  const soql = selectStatement({
    fields: selectFields(spec.fields),
    object,
    where: READ_FILTERS[object],
    orderBy: ORDER,
  });
  for await (const page of queryPages(api, soql, spec.batchSize, resumeUrl)) {
    const next = page.nextRecordsUrl ?? null;
    yield {
      records: page.records.map(toCrmRecord),
      cursor: { kind: 'full', object, nextRecordsUrl: next, done: next === null },
    };
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
  if (afterStamp !== null && afterId !== null) {
    // Literals have whole seconds: `>` a floored stamp may re-read a few records of that second, never skip one.
    const stamp = soqlDateTime(afterStamp);
    where += ` AND (SystemModstamp > ${stamp} OR (SystemModstamp = ${stamp} AND Id > ${soqlId(afterId)}))`;
  }
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
      cursor: { kind: 'incremental', object, since: start.since, afterStamp, afterId, highWater, done },
    };
  }
  if (!yielded) {
    yield {
      records: [],
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
