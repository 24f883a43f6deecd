import type { HubSpotApi } from './hubspot-api.js';
import type { HubSpotCursor } from './hubspot-cursor.js';

/** One contact as the API returns it: every property value a string (or null). */
export interface HubSpotRecord {
  id: string;
  properties: Record<string, string | null>;
}

export interface RecordPage {
  records: HubSpotRecord[];
  cursor: HubSpotCursor;
}

export const LIST_PAGE_SIZE = 100;
export const SEARCH_PAGE_SIZE = 200;
export const BATCH_READ_SIZE = 100;
/** The search endpoint returns at most 10,000 results per query, whatever the paging. */
export const SEARCH_RESULT_CAP = 10_000;
const PAGING_PRIORITY = 1;

const toRecord = (r: { id: string; properties: Record<string, string | null> }): HubSpotRecord => ({
  id: r.id,
  properties: r.properties,
});

/**
 * Every contact through the list endpoint, 100 per page, resumable from the cursor's `after`.
 * The next page is requested as soon as a page arrives, so the rate budget keeps working while the
 * caller maps, scores and writes this one (at most two pages are held).
 */
export async function* readAllContacts(
  api: HubSpotApi,
  properties: string[],
  resume?: Extract<HubSpotCursor, { kind: 'full' }>,
): AsyncGenerator<RecordPage> {
  if (resume?.done) return;
  const fetchPage = (after: string | undefined) =>
    api.call(
      'GET /crm/v3/objects/contacts',
      (c) => c.crm.contacts.basicApi.getPageWithHttpInfo(LIST_PAGE_SIZE, after, properties),
      // The next page's token is in this answer: paging goes before the bulk reads of pages already read.
      { priority: PAGING_PRIORITY },
    );
  type ListPage = Awaited<ReturnType<typeof fetchPage>>;
  let pending: Promise<ListPage> | undefined = fetchPage(resume?.after ?? undefined);
  while (pending) {
    const page: ListPage = await pending;
    const after: string | undefined = page.paging?.next?.after;
    pending = after ? fetchPage(after) : undefined;
    // A prefetch that fails while the caller is busy must not go unhandled; it rethrows on await.
    pending?.catch(() => {});
    yield {
      records: page.results.map(toRecord),
      cursor: { kind: 'full', after: after ?? null, done: !after },
    };
  }
}

/**
 * Contacts modified since a moment, oldest first, through search (200 per page). Search stops at
 * 10,000 results per query, so the window moves: the next query starts at the latest timestamp read,
 * skipping the records of that timestamp already read; when a whole query's worth of records share
 * one timestamp (a bulk import), the query pins that timestamp and walks hs_object_id instead.
 */
export async function* readChangedContacts(
  api: HubSpotApi,
  properties: string[],
  start: Extract<HubSpotCursor, { kind: 'incremental' }>,
): AsyncGenerator<RecordPage> {
  if (start.done) return;
  const wanted = [...new Set([...properties, 'lastmodifieddate', 'hs_object_id'])];
  let { since, after, highWater, afterId } = start;
  // The latest timestamp read and the ids read at it: what a moved window must not return twice.
  let latest = since;
  let idsAtLatest = new Set<string>();
  let skipAtSince = new Set<string>();
  for (;;) {
    const pinned = afterId !== null;
    const page = await api.call(
      'POST /crm/v3/objects/contacts/search',
      (c) =>
        c.crm.contacts.searchApi.doSearchWithHttpInfo(searchRequest(since, afterId, after, wanted) as never),
      { search: true, priority: PAGING_PRIORITY },
    );
    const records: HubSpotRecord[] = [];
    for (const result of page.results) {
      const modified = Date.parse(result.properties.lastmodifieddate ?? '') || since;
      if (!pinned && modified === since && skipAtSince.has(result.id)) continue;
      if (modified > latest) {
        latest = modified;
        idsAtLatest = new Set();
      }
      if (modified === latest) idsAtLatest.add(result.id);
      highWater = Math.max(highWater, modified);
      records.push(toRecord(result));
    }
    const nextAfter = page.paging?.next?.after;
    const lastId = page.results[page.results.length - 1]?.id;
    const roomForNextPage =
      nextAfter !== undefined && Number(nextAfter) + SEARCH_PAGE_SIZE <= SEARCH_RESULT_CAP;
    let done = false;
    if (roomForNextPage) {
      after = nextAfter;
    } else if (!nextAfter) {
      if (pinned) {
        // The pinned timestamp is read to its end: carry on after it.
        afterId = null;
        after = null;
        since += 1;
        skipAtSince = new Set();
      } else done = true;
    } else if (pinned) {
      afterId = lastId ?? afterId;
      after = null;
    } else if (latest > since) {
      since = latest;
      after = null;
      skipAtSince = new Set(idsAtLatest);
    } else {
      afterId = lastId ?? '0';
      after = null;
    }
    yield { records, cursor: { kind: 'incremental', since, after, highWater, afterId, done } };
    if (done) return;
  }
}

function searchRequest(since: number, afterId: string | null, after: string | null, properties: string[]) {
  const filters =
    afterId !== null
      ? [
          { propertyName: 'lastmodifieddate', operator: 'EQ', value: String(since) },
          { propertyName: 'hs_object_id', operator: 'GT', value: afterId },
        ]
      : [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(since) }];
  return {
    filterGroups: [{ filters }],
    sorts: [{ propertyName: afterId !== null ? 'hs_object_id' : 'lastmodifieddate', direction: 'ASCENDING' }],
    properties,
    limit: SEARCH_PAGE_SIZE,
    ...(after !== null ? { after } : {}),
  };
}

/** Contacts by record id or by email (resync), 100 per batch read. Unknown ids are simply absent. */
export async function* readContactsBy(
  api: HubSpotApi,
  properties: string[],
  idProperty: 'hs_object_id' | 'email',
  values: string[],
): AsyncGenerator<HubSpotRecord[]> {
  for (let i = 0; i < values.length; i += BATCH_READ_SIZE) {
    const chunk = values.slice(i, i + BATCH_READ_SIZE);
    const response = await api.call('POST /crm/v3/objects/contacts/batch/read', (c) =>
      c.crm.contacts.batchApi.readWithHttpInfo({
        properties,
        propertiesWithHistory: [],
        inputs: chunk.map((id) => ({ id })),
        ...(idProperty === 'email' ? { idProperty: 'email' } : {}),
      }),
    );
    yield response.results.map(toRecord);
  }
}
