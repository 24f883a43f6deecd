import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { SalesforceAdapter } from '../../../connectors/salesforce/salesforce-adapter.js';
import { startSalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { Cursor, Page } from '../../../src/connector/crm-adapter.js';
import { loadMapping } from '../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../src/mapping/mapping-schema.js';
import { repoRoot } from './final-state.js';

/**
 * Salesforce expires a query locator (nextRecordsUrl) after about 15 idle minutes, and keeps only a user's
 * newest cursors open. A full read that meets INVALID_QUERY_LOCATOR — resumed from a saved cursor, or
 * between two batches — goes on with a new query after the last record it read, (SystemModstamp, Id)
 * being the read's order: it neither fails for ever nor starts over.
 */

const LEADS = 700;
const CONTACTS = 300;
const BATCH = 200;
const QUERY = 'GET /services/data/{version}/query';
const QUERY_MORE = 'GET /services/data/{version}/query/{locator}';
let clock = new Date('2026-06-15T12:00:00.000Z');

let sandbox: SalesforceSandbox;
let objects: { Lead: Mapping; Contact: Mapping };

const adapter = () =>
  new SalesforceAdapter({
    credentials: { instanceUrl: sandbox.instanceUrl, accessToken: sandbox.accessToken },
    objects,
    queryBatchSize: BATCH,
    activities: false,
    onProblem: () => {},
  });

/** Every unconverted Lead's and every Contact's id: what a full read returns. */
const everyId = () =>
  [...sandbox.store.list('Lead').filter((l) => l.IsConverted !== true), ...sandbox.store.list('Contact')].map(
    (r) => String(r.Id),
  );

const idsOf = (pages: Page[]) => pages.flatMap((p) => p.leads.map((l) => l.ref.id));

/** The first `count` pages of a full read (from `cursor`), then stops reading. */
async function firstPages(count: number, cursor?: Cursor): Promise<Page[]> {
  const pages: Page[] = [];
  for await (const page of adapter().read({ kind: 'full', cursor })) {
    pages.push(page);
    if (pages.length === count) break;
  }
  return pages;
}

async function allPages(cursor?: Cursor, between?: (page: Page) => void): Promise<Page[]> {
  const pages: Page[] = [];
  for await (const page of adapter().read({ kind: 'full', cursor })) {
    pages.push(page);
    between?.(page);
  }
  return pages;
}

/** Ids read more than once. */
const repeats = (ids: string[]) => [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];

/**
 * SOQL datetime literals have whole seconds, so the query after a keyset may read again the records of
 * that keyset's second (the sandbox stamps milliseconds; Salesforce's SystemModstamp has none).
 */
const sameSecondAs = (stamp: number) => (id: string) =>
  Math.floor(Date.parse(String(sandbox.store.get(id)?.SystemModstamp).replace('+0000', 'Z')) / 1000) ===
  Math.floor(stamp / 1000);

const keysetStamp = (page: Page | undefined) => (page?.cursor as { afterStamp: number }).afterStamp;

const calls = () => {
  const stats = sandbox.stats().calls;
  return { query: stats[QUERY] ?? 0, queryMore: stats[QUERY_MORE] ?? 0 };
};

beforeAll(async () => {
  sandbox = await startSalesforceSandbox({ leads: LEADS, contacts: CONTACTS, seed: 17, now: () => clock });
  objects = {
    Lead: await loadMapping(join(repoRoot, 'mappings', 'salesforce.yaml')),
    Contact: await loadMapping(join(repoRoot, 'mappings', 'salesforce-contact.yaml')),
  };
  await adapter().provision();
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('the sandbox', () => {
  it('answers a locator idle for more than 15 minutes of the org clock with 400 INVALID_QUERY_LOCATOR', async () => {
    const [page] = await firstPages(1);
    const next = page?.cursor as { nextRecordsUrl: string };
    clock = new Date(clock.getTime() + 16 * 60_000);

    const answer = await fetch(new URL(next.nextRecordsUrl, sandbox.url), {
      headers: { Authorization: `Bearer ${sandbox.accessToken}` },
    });

    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual([
      { errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' },
    ]);
  });
});

describe('a full read whose query locator has expired', () => {
  it('resumed from its saved cursor, reads what comes after the last record it read', async () => {
    const [first, second] = await firstPages(2);
    sandbox.expireQueryLocators();
    sandbox.resetStats();

    const rest = await allPages(second?.cursor);

    const ids = [...idsOf([first!, second!]), ...idsOf(rest)];
    expect(new Set(ids)).toEqual(new Set(everyId()));
    expect(repeats(ids).filter((id) => !sameSecondAs(keysetStamp(second))(id))).toEqual([]);
    // The saved locator was refused, then one new query per object: Leads after the keyset, then Contacts.
    expect(calls().query).toBe(2);
  });

  it('expiring between two batches of a running read, goes on after the last record read', async () => {
    let first = true;
    const pages = await allPages(undefined, () => {
      if (first) sandbox.expireQueryLocators();
      first = false;
    });

    const ids = idsOf(pages);
    expect(new Set(ids)).toEqual(new Set(everyId()));
    const keysets = pages.map(keysetStamp);
    expect(repeats(ids).filter((id) => !keysets.some((stamp) => sameSecondAs(stamp)(id)))).toEqual([]);
  });

  it('resumed from a cursor saved without a keyset (before it was kept), starts that object over instead of failing', async () => {
    const [, second] = await firstPages(2);
    const withoutKeyset: Record<string, unknown> = { ...second!.cursor };
    delete withoutKeyset.afterStamp;
    delete withoutKeyset.afterId;
    sandbox.expireQueryLocators();

    const pages = await allPages(withoutKeyset as Cursor);

    expect(new Set(idsOf(pages))).toEqual(new Set(everyId()));
  });

  it('ends with a cursor that says the read is done', async () => {
    sandbox.expireQueryLocators();
    const [, second] = await firstPages(2);
    sandbox.expireQueryLocators();

    const pages = await allPages(second?.cursor);

    expect(pages.at(-1)?.cursor).toMatchObject({ kind: 'full', object: 'Contact', done: true });
  });
});
