import type { Clock } from '../../../src/http/clock.js';

/** 2026-11-21T09:00:00Z: whole seconds, so Retry-After dates (second precision) round-trip exactly. */
export const START = Date.UTC(2026, 10, 21, 9, 0, 0);

const flushPromises = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Timer {
  at: number;
  resolve: () => void;
}

/** Time that only moves when a test moves it; nothing ever waits for real. */
export class FakeClock implements Clock {
  /** Every sleep asked for, in ms, in order: shows waits are computed, not polled. */
  readonly sleeps: number[] = [];
  #now: number;
  #timers: Timer[] = [];

  constructor(start = START) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((resolve) => {
      this.#timers.push({ at: this.#now + Math.max(0, ms), resolve });
      this.#timers.sort((a, b) => a.at - b.at);
    });
  }

  /** Moves time forward by `ms`, waking due sleepers in order and letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    for (;;) {
      await flushPromises();
      const next = this.#timers[0];
      if (next === undefined || next.at > target) break;
      this.#fire();
    }
    this.#now = target;
    await flushPromises();
  }

  /** Runs the clock until `promise` settles; fails instead of hanging if nothing could settle it. */
  async settle<T>(promise: Promise<T>): Promise<T> {
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      await flushPromises();
      if (settled) return promise;
      if (this.#timers.length === 0) throw new Error('the promise waits for something other than the clock');
      this.#fire();
    }
  }

  #fire(): void {
    const timer = this.#timers.shift();
    if (timer === undefined) return;
    this.#now = Math.max(this.#now, timer.at);
    timer.resolve();
  }
}
