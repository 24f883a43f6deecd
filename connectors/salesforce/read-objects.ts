import type { ReadQuery } from '../../src/connector/crm-adapter.js';
import type { CrmRecord } from '../../src/mapping/crm-record.js';
import type { SalesforceApi } from './salesforce-api.js';
import { parseSalesforceCursor } from './salesforce-cursor.js';
import type { FullCursor, IncrementalCursor, SalesforceCursor } from './salesforce-cursor.js';
import { normalizeSalesforceId } from './salesforce-id.js';
import { readForId } from './salesforce-objects.js';
import type { ObjectRead } from './salesforce-objects.js';
import { incrementalWindow } from '../../src/connector/incremental-window.js';
import { readAllLeads, readChangedLeads, readLeadsBy } from './salesforce-read.js';

/** Records of one enabled object as read, and the cursor to resume after them. */
export interface ObjectBatch {
  read: ObjectRead;
  records: CrmRecord[];
  cursor: SalesforceCursor;
  /** Records the object's query holds in all; unknown for lookups. */
  total?: number;
}

/**
 * A read over the enabled objects (at least one). Full and incremental reads go through them in order,
 * Lead then Contact, the cursor naming the object to resume; the cursor after an object's last page
 * already points at the start of the next one. Lookups by id ask only the object an id's key prefix
 * names; lookups by email ask every object.
 */
export async function* readObjects(
  api: SalesforceApi,
  reads: readonly ObjectRead[],
  query: ReadQuery,
): AsyncGenerator<ObjectBatch> {
  switch (query.kind) {
    case 'full':
      yield* readFull(api, reads, parseSalesforceCursor(query.cursor));
      return;
    case 'incremental': {
      const cursor = parseSalesforceCursor(query.cursor);
      yield* readChanged(api, reads, incrementalStart(cursor, query.since, query.asOf, reads));
      return;
    }
    case 'ids':
    case 'emails':
      yield* readLookup(api, reads, query);
      return;
  }
}

async function* readFull(
  api: SalesforceApi,
  reads: readonly ObjectRead[],
  resume: SalesforceCursor | undefined,
): AsyncGenerator<ObjectBatch> {
  // A finished full read is not resumed, nor one on an object no longer read: the read starts over.
  const from =
    resume?.kind === 'full' && !resume.done ? reads.findIndex((r) => r.object === resume.object) : -1;
  const resumed = from >= 0 && resume?.kind === 'full' ? resume : undefined;
  for (let i = Math.max(0, from); i < reads.length; i++) {
    const read = reads[i]!;
    const next = reads[i + 1];
    for await (const page of readAllLeads(api, read.spec, i === from ? resumed : undefined)) {
      const cursor: FullCursor =
        page.cursor.kind === 'full' && page.cursor.done && next
          ? {
              kind: 'full',
              object: next.object,
              nextRecordsUrl: null,
              afterStamp: null,
              afterId: null,
              done: false,
            }
          : (page.cursor as FullCursor);
      yield { read, records: page.records, cursor, total: page.total };
    }
  }
}

async function* readChanged(
  api: SalesforceApi,
  reads: readonly ObjectRead[],
  start: IncrementalCursor,
): AsyncGenerator<ObjectBatch> {
  const from = reads.findIndex((r) => r.object === start.object);
  // An unfinished read on an object no longer read starts the same window over on the first object.
  let current: IncrementalCursor =
    from >= 0 ? start : { ...start, object: reads[0]!.object, afterStamp: null, afterId: null };
  for (let i = Math.max(0, from); i < reads.length; i++) {
    const read = reads[i]!;
    const next = reads[i + 1];
    for await (const page of readChangedLeads(api, read.spec, current)) {
      let cursor = page.cursor as IncrementalCursor;
      if (cursor.done && next) {
        cursor = { ...cursor, object: next.object, afterStamp: null, afterId: null, done: false };
      }
      current = cursor;
      yield { read, records: page.records, cursor, total: page.total };
    }
  }
}

/**
 * An unfinished incremental read resumes after its keyset; a finished one starts the next at its high-water
 * mark, and a first one at `since` (our clock), both less the clock-skew overlap, on the first object.
 */
function incrementalStart(
  cursor: SalesforceCursor | undefined,
  since: Date | undefined,
  asOf: Date | undefined,
  reads: readonly ObjectRead[],
): IncrementalCursor {
  if (cursor?.kind === 'incremental' && !cursor.done) return cursor;
  const previous = cursor?.kind === 'incremental' ? cursor.highWater : undefined;
  const window = incrementalWindow(previous, since, asOf);
  return {
    kind: 'incremental',
    object: reads[0]!.object,
    ...window,
    afterStamp: null,
    afterId: null,
    done: false,
  };
}

async function* readLookup(
  api: SalesforceApi,
  reads: readonly ObjectRead[],
  query: Extract<ReadQuery, { kind: 'ids' | 'emails' }>,
): AsyncGenerator<ObjectBatch> {
  let read = 0;
  for (const target of reads) {
    // Ids are checked (a malformed one throws) before any is routed by its key prefix.
    const values =
      query.kind === 'emails'
        ? query.emails
        : query.ids.map(normalizeSalesforceId).filter((id) => readForId(reads, id) === target);
    if (values.length === 0) continue;
    const by = query.kind === 'ids' ? 'Id' : 'Email';
    for await (const records of readLeadsBy(api, target.spec, by, values)) {
      read += records.length;
      yield { read: target, records, cursor: { kind: 'lookup', read, done: false } };
    }
  }
}
