import { createPrng, type Prng } from '../../../sandbox-kit/prng.js';
import { SandboxError } from '../sandbox-error.js';
import { faultOptionsSchema, type FaultOptions, type ServerErrorStatus } from './fault-options.js';

export interface FaultDecision {
  delayMs: number;
  drop: boolean;
  status?: 403 | ServerErrorStatus;
  /** A 403 for the concurrent-request limit rather than the daily total. */
  concurrent?: boolean;
}

const ALL_5XX: ServerErrorStatus[] = [500, 502, 503];

/** Draws, per request and from a seeded sequence, whether to delay, drop or fail it. */
export class FaultInjector {
  private faults: FaultOptions = {};
  private prng: Prng;

  constructor(
    private readonly defaultSeed: number,
    faults: FaultOptions = {},
  ) {
    this.prng = createPrng(defaultSeed);
    this.set(faults);
  }

  /** Replaces the whole fault configuration and restarts the seeded sequence. */
  set(faults: FaultOptions): void {
    const parsed = faultOptionsSchema.safeParse(faults);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => i.message).join('; ');
      throw new SandboxError('SANDBOX_OPTIONS', `Invalid faults: ${detail}`);
    }
    this.faults = parsed.data;
    this.prng = createPrng((parsed.data.seed ?? this.defaultSeed) ^ 0x5eed);
  }

  decide(): FaultDecision {
    const f = this.faults;
    const latency = f.latency;
    const delayMs =
      latency && this.prng.chance(latency.rate ?? 1) ? this.prng.int(latency.minMs, latency.maxMs) : 0;
    if (this.prng.chance(f.dropConnection ?? 0)) return { delayMs, drop: true };
    if (this.prng.chance(f.requestLimitExceeded ?? 0)) return { delayMs, drop: false, status: 403 };
    // Drawn only when set, so that configurations without it keep their seeded sequence.
    if (f.concurrentRequestLimit && this.prng.chance(f.concurrentRequestLimit)) {
      return { delayMs, drop: false, status: 403, concurrent: true };
    }
    if (this.prng.chance(f.serverErrors ?? 0)) {
      return { delayMs, drop: false, status: this.prng.pick(f.serverErrorStatuses ?? ALL_5XX) };
    }
    return { delayMs, drop: false };
  }
}
