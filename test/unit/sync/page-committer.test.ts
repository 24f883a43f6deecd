import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import type {
  AdapterUsage,
  CrmAdapter,
  Cursor,
  Page,
  ReadQuery,
  ScoreUpdate,
  ScoreValues,
  WriteGrouping,
  WriteResult,
} from '../../../src/connector/crm-adapter.js';
import { HUBSPOT_SALES_FEEDBACK } from '../../../src/config/deployment-schema.js';
import { silentLogger } from '../../../src/ops/logger.js';
import type { CompiledModel } from '../../../src/scoring/compile-model.js';
import { loadModel } from '../../../src/scoring/load-model.js';
import { SqliteStateStore } from '../../../src/state/index.js';
import type { StateStore } from '../../../src/state/index.js';
import { runSync } from '../../../src/sync/run-sync.js';
import type { SyncOptions } from '../../../src/sync/sync-types.js';
import { buildLead, NOW } from '../helpers/leads.js';

const GROUPING: WriteGrouping = { updates: 6, pages: 4 };

/**
 * A CRM of pages of record ids. It keeps what was written (a later read returns it as `current`, so an
 * unchanged record needs no write), and for each write the ids it carried and the full-read cursor the
 * state store held at that moment.
 */
class PagedCrm implements CrmAdapter {
  readonly crm = 'file' as const;
  readonly handoffActions = [];
  readonly stored = new Map<string, ScoreValues>();
  writes: { ids: string[]; checkpoint: Cursor | undefined }[] = [];
  failWriteNumber?: number;
  /** While set, writes wait for it; `pagesRead` and `writesInFlight` show what happens meanwhile. */
  gate?: Promise<void>;
  pagesRead = 0;
  writesInFlight = 0;
  mostWritesInFlight = 0;

  constructor(
    private readonly state: StateStore,
    public pages: string[][],
    public total: number | undefined,
    readonly writeGrouping?: WriteGrouping,
  ) {}

  async check(): Promise<void> {}

  async *read(query: ReadQuery): AsyncGenerator<Page> {
    // A finished read starts over, as a CRM's full read does.
    const cursor = query.kind === 'full' ? query.cursor : undefined;
    const from = cursor && !cursor.done ? Number(cursor.page) + 1 : 0;
    for (let page = from; page < this.pages.length; page++) {
      const leads = this.pages[page]!.map((id) => {
        const current = this.stored.get(id);
        return { ...buildLead({ email: `${id}@example.com` }, [], id), ...(current ? { current } : {}) };
      });
      this.pagesRead++;
      const done = page === this.pages.length - 1;
      yield { leads, cursor: { page, done }, ...(this.total === undefined ? {} : { total: this.total }) };
    }
  }

  async write(updates: ScoreUpdate[]): Promise<WriteResult> {
    const checkpoint = (await this.state.cursors.get('crm', 'full'))?.cursor;
    this.writes.push({ ids: updates.map((u) => u.ref.id), checkpoint });
    const number = this.writes.length;
    this.mostWritesInFlight = Math.max(this.mostWritesInFlight, ++this.writesInFlight);
    try {
      await this.gate;
    } finally {
      this.writesInFlight--;
    }
    if (number === this.failWriteNumber) throw new Error('the CRM went away');
    for (const u of updates) this.stored.set(u.ref.id, u.values);
    return { written: updates.map((u) => u.ref), failed: [] };
  }

  async provision() {
    return { changes: [] };
  }

  async handoff() {
    return [];
  }

  usage(): AdapterUsage {
    return { apiCalls: 0, rateLimited: 0, byEndpoint: {} };
  }
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const writeSizes = (crm: PagedCrm) => crm.writes.map((w) => w.ids.length);

let model: CompiledModel;
let state: StateStore;

beforeAll(async () => {
  const file = fileURLToPath(new URL('../../../config/scoring.yaml', import.meta.url));
  model = (await loadModel(file)).compiled;
});

beforeEach(() => {
  state = SqliteStateStore.open({ file: ':memory:' });
});

afterEach(async () => {
  await state.close();
});

const sync = (crm: PagedCrm, over: Partial<SyncOptions> = {}) =>
  runSync({
    connector: 'crm',
    adapter: crm,
    model,
    state,
    scope: { kind: 'full' },
    lifecycle: { hysteresis: 10, salesFeedback: HUBSPOT_SALES_FEEDBACK },
    now: () => NOW,
    logger: silentLogger(),
    ...over,
  });

/** Pages of 2 new records each: p1-1, p1-2 on page 1, and so on. */
const newPages = (n: number) => Array.from({ length: n }, (_, i) => ids(`p${i + 1}-`, 2));

describe('gathering the writes of several pages for an adapter that writes them cheaper together', () => {
  it('writes once per page when the read holds fewer records than the grouping asks for', async () => {
    const crm = new PagedCrm(state, newPages(5), 5, GROUPING);
    await sync(crm);
    expect(writeSizes(crm)).toEqual([2, 2, 2, 2, 2]);
  });

  it('writes once per page when the pages say nothing of the total', async () => {
    const crm = new PagedCrm(state, newPages(5), undefined, GROUPING);
    await sync(crm);
    expect(writeSizes(crm)).toEqual([2, 2, 2, 2, 2]);
  });

  it('writes once per page for an adapter without grouping, whatever the total', async () => {
    const crm = new PagedCrm(state, newPages(5), 1_000_000);
    await sync(crm);
    expect(writeSizes(crm)).toEqual([2, 2, 2, 2, 2]);
  });

  it('gathers pages until their updates reach the grouping, exactly at it, on a read that holds as many', async () => {
    const crm = new PagedCrm(state, newPages(7), GROUPING.updates, GROUPING);
    const report = await sync(crm);
    // 3 pages × 2 = 6 updates: one write; then 3 more pages; the last page alone at the end of the read.
    expect(writeSizes(crm)).toEqual([6, 6, 2]);
    expect(report.counts).toMatchObject({ read: 14, written: 14, failed: 0 });
  });

  it('does not gather on a read that holds one record less than the grouping', async () => {
    const crm = new PagedCrm(state, newPages(3), GROUPING.updates - 1, GROUPING);
    await sync(crm);
    expect(writeSizes(crm)).toEqual([2, 2, 2]);
  });

  it("checkpoints a group's pages only after its write, at the group's last page", async () => {
    const crm = new PagedCrm(state, newPages(6), 12, GROUPING);
    await sync(crm);
    expect(crm.writes.map((w) => w.checkpoint)).toEqual([undefined, { page: 2, done: false }]);
    expect((await state.cursors.get('crm', 'full'))?.cursor).toEqual({ page: 5, done: true });
  });

  it('writes sparse updates when the group spans its most pages, not at the end of the read', async () => {
    const crm = new PagedCrm(state, newPages(10), 20, GROUPING);
    await sync(crm);
    // Every record unchanged but one per page: 4 pages make a group of 4 updates.
    crm.writes = [];
    for (const page of crm.pages) crm.stored.delete(page[0]!);
    await sync(crm);
    expect(writeSizes(crm)).toEqual([4, 4, 2]);
  });

  it('checkpoints pages without updates at once while nothing waits', async () => {
    const crm = new PagedCrm(state, newPages(4), 20, GROUPING);
    await sync(crm);
    crm.writes = [];
    const checkpoints: unknown[] = [];
    await sync(crm, {
      onProgress: () => {
        checkpoints.push(state.cursors.get('crm', 'full').then((c) => c?.cursor));
      },
    });
    expect(await Promise.all(checkpoints)).toEqual([
      { page: 0, done: false },
      { page: 1, done: false },
      { page: 2, done: false },
      { page: 3, done: true },
    ]);
    expect(crm.writes).toHaveLength(0);
  });

  it('writes a record that comes twice in a group in two writes, in read order', async () => {
    const crm = new PagedCrm(
      state,
      [
        ['a', 'b'],
        ['c', 'a'],
        ['d', 'e'],
      ],
      20,
      GROUPING,
    );
    await sync(crm);
    expect(crm.writes.map((w) => w.ids)).toEqual([
      ['a', 'b'],
      ['c', 'a', 'd', 'e'],
    ]);
  });

  it('writes and checkpoints the waiting pages before a run stopped on request ends', async () => {
    const controller = new AbortController();
    const crm = new PagedCrm(state, newPages(6), 20, GROUPING);
    let pages = 0;
    const report = await sync(crm, {
      signal: controller.signal,
      onProgress: () => {
        if (++pages === 2) controller.abort();
      },
    });
    expect(report.status).toBe('interrupted');
    expect(writeSizes(crm)).toEqual([4]);
    expect(report.counts.written).toBe(4);
    expect((await state.cursors.get('crm', 'full'))?.cursor).toEqual({ page: 1, done: false });
  });

  it("leaves the checkpoint before a group whose write failed, so the next run reads the group's pages again", async () => {
    const crm = new PagedCrm(state, newPages(6), 12, GROUPING);
    crm.failWriteNumber = 2;
    await expect(sync(crm)).rejects.toThrow('the CRM went away');
    expect((await state.cursors.get('crm', 'full'))?.cursor).toEqual({ page: 2, done: false });
    crm.failWriteNumber = undefined;
    crm.writes = [];
    await sync(crm);
    expect(crm.writes.map((w) => w.ids)).toEqual([[...ids('p4-', 2), ...ids('p5-', 2), ...ids('p6-', 2)]]);
  });

  it("reads and hands off the next group while a group's write runs, one write at a time", async () => {
    const crm = new PagedCrm(state, newPages(9), 18, GROUPING);
    let open!: () => void;
    crm.gate = new Promise<void>((resolve) => (open = resolve));
    let readDuringFirstWrite = 0;
    const run = sync(crm);
    await new Promise((resolve) => setTimeout(resolve, 50));
    readDuringFirstWrite = crm.pagesRead;
    open();
    const report = await run;
    // Group 1 (pages 1–3) is being written; group 2 (pages 4–6) gathers, and the read runs one page ahead.
    expect(readDuringFirstWrite).toBeGreaterThanOrEqual(6);
    expect(readDuringFirstWrite).toBeLessThanOrEqual(7);
    expect(crm.mostWritesInFlight).toBe(1);
    expect(writeSizes(crm)).toEqual([6, 6, 6]);
    expect(report.counts.written).toBe(18);
  });

  it('stops the run when a write that ran behind the read fails, the checkpoint before its group', async () => {
    const crm = new PagedCrm(state, newPages(12), 24, GROUPING);
    crm.failWriteNumber = 1;
    await expect(sync(crm)).rejects.toThrow('the CRM went away');
    expect(await state.cursors.get('crm', 'full')).toBeUndefined();
    expect(crm.writes).toHaveLength(1);
    expect(crm.pagesRead).toBeLessThan(12);
  });

  it("reports progress once more after the read when the last group's write ends after the last page", async () => {
    const crm = new PagedCrm(state, newPages(6), 12, GROUPING);
    const written: number[] = [];
    await sync(crm, { onProgress: (p) => written.push(p.written) });
    expect(written.at(-1)).toBe(12);
  });
});
