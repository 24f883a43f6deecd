import { PerformanceObserver } from 'node:perf_hooks';

/**
 * Garbage-collection pauses that fall inside timed sections: part of the cost of scoring (its
 * results are garbage), reported so that the figure can be read. GC entries arrive asynchronously,
 * so windows are recorded while timing and matched with the entries afterwards.
 */
export class GcAccount {
  private readonly entries: { start: number; end: number }[] = [];
  private readonly windows: { start: number; end: number }[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      this.entries.push({ start: e.startTime, end: e.startTime + e.duration });
  });
  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }
  window(start: number, end: number): void {
    this.windows.push({ start, end });
  }
  /** Milliseconds of GC inside the recorded windows. */
  async total(): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 50));
    this.observer.disconnect();
    let ms = 0;
    let w = 0;
    for (const e of this.entries) {
      while (w < this.windows.length && this.windows[w]!.end < e.start) w++;
      const win = this.windows[w];
      if (win && e.start >= win.start) ms += Math.min(e.end, win.end) - e.start;
    }
    return ms;
  }
}
