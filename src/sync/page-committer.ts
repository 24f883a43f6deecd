import type { Page, WriteGrouping } from '../connector/crm-adapter.js';
import { finishPages, preparePage } from './commit-page.js';
import type { CommitContext, PreparedPage } from './commit-page.js';

/**
 * Commits pages in read order, one write per page — or, on a read large enough for the adapter's
 * `writeGrouping` (a page's `total` at least `grouping.updates`), one write for the updates of several
 * consecutive pages: until they reach `grouping.updates`, span `grouping.pages` pages, or the read ends.
 * Each page is still planned and handed off as it arrives (ledger before write); only its write, dead
 * letters, history and checkpoint wait for the group, so a crash re-reads at most the group's pages.
 * Pages that bring no update while nothing waits are checkpointed at once.
 *
 * A group's write (a Bulk API job that takes a while) runs while the next group is read and handed off;
 * writes and checkpoints still happen one after the other in read order, and the next group's write waits
 * for the one before, so at most one group is being written while one gathers. A failed write stops the
 * run at the next page.
 */
export class PageCommitter {
  private readonly waiting: PreparedPage[] = [];
  private readonly waitingIds = new Set<string>();
  private waitingUpdates = 0;
  private writing: Promise<void> = Promise.resolve();
  private failed: { error: unknown } | undefined;
  private writeRunning = false;

  constructor(
    private readonly ctx: CommitContext,
    private readonly grouping?: WriteGrouping,
  ) {}

  async add(page: Page): Promise<void> {
    if (this.failed) throw this.failed.error;
    const prepared = await preparePage(this.ctx, page);
    if (!prepared) return;
    const grouping = this.grouping;
    if (!grouping || page.total === undefined || page.total < grouping.updates) {
      await this.flush();
      await finishPages(this.ctx, [prepared]);
      return;
    }
    // One write must not carry a record twice (a bulk job would update it twice, in no set order).
    if (prepared.updates.some((u) => this.waitingIds.has(u.ref.id))) await this.startWrite();
    this.waiting.push(prepared);
    for (const update of prepared.updates) this.waitingIds.add(update.ref.id);
    this.waitingUpdates += prepared.updates.length;
    if (
      this.waitingUpdates === 0 ||
      this.waitingUpdates >= grouping.updates ||
      this.waiting.length >= grouping.pages
    )
      await this.startWrite();
  }

  /**
   * Writes and checkpoints what waits and waits for every write; call at the end of a read and before
   * stopping early. Whether anything was waiting or being written (its counts are new since the last page).
   */
  async flush(): Promise<boolean> {
    const any = this.waiting.length > 0 || this.writeRunning;
    await this.startWrite();
    await this.writing;
    return any;
  }

  /** Starts the write of what waits, once the write before it has finished. */
  private async startWrite(): Promise<void> {
    await this.writing;
    if (this.waiting.length === 0) return;
    const pages = this.waiting.splice(0);
    this.waitingIds.clear();
    this.waitingUpdates = 0;
    this.writeRunning = true;
    this.writing = finishPages(this.ctx, pages).finally(() => {
      this.writeRunning = false;
    });
    this.writing.catch((error: unknown) => {
      this.failed ??= { error };
    });
  }
}
