import type { RateWindow } from './vendor-policy.js';

/**
 * The times of the last `limit` requests: a request occupies a slot from its send until its answer plus
 * `intervalMs`, so the next slot opens exactly when the oldest one ages out.
 */
export class RollingWindow {
  readonly #sentAt: number[] = [];
  #blockedUntil = 0;

  constructor(readonly spec: RateWindow) {}

  appliesTo(requestClass: string): boolean {
    return this.spec.requestClass === undefined || this.spec.requestClass === requestClass;
  }

  /** 0 when a request may be sent at `now`; else how long until it may. */
  waitMs(now: number): number {
    this.#expire(now);
    const { limit, intervalMs } = this.spec;
    const oldest = this.#sentAt.length >= limit ? this.#sentAt[this.#sentAt.length - limit] : undefined;
    const untilSlot = oldest === undefined ? 0 : oldest + intervalMs - now;
    return Math.max(0, untilSlot, this.#blockedUntil - now);
  }

  /** Requests of ours still occupying a slot at `now`. */
  used(now: number): number {
    this.#expire(now);
    return this.#sentAt.length;
  }

  record(now: number): void {
    this.#sentAt.push(now);
  }

  /**
   * Moves a slot taken at `sentAt` to `answeredAt`: the CRM counted the request somewhere between the two,
   * so only the answer's time is safe to age out from. Without this, uneven latency lets more than
   * `limit` requests land in the CRM's window (a request sent late but arriving fast).
   */
  settle(sentAt: number, answeredAt: number): void {
    const index = this.#sentAt.indexOf(sentAt);
    if (index < 0 || answeredAt <= sentAt) return;
    this.#sentAt.splice(index, 1);
    let at = this.#sentAt.length;
    while (at > 0 && this.#sentAt[at - 1]! > answeredAt) at--;
    this.#sentAt.splice(at, 0, answeredAt);
  }

  /** The CRM said the window is exhausted although we counted room: nobody uses it until `until`. */
  blockUntil(until: number): void {
    this.#blockedUntil = Math.max(this.#blockedUntil, until);
  }

  #expire(now: number): void {
    const cutoff = now - this.spec.intervalMs;
    while (this.#sentAt[0] !== undefined && this.#sentAt[0] <= cutoff) this.#sentAt.shift();
  }
}
