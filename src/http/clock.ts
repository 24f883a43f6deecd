/** Time as the scheduler sees it; injected so that tests drive it instead of waiting. */
export interface Clock {
  /** Milliseconds since the epoch (Retry-After dates are compared with it). */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Node fires a longer setTimeout at once, which would turn an absurd Retry-After into hammering. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(0, ms), LONGEST_TIMER_MS))),
};
