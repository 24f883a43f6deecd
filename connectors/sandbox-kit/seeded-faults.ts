import { z } from 'zod';
import { createPrng, type Prng } from './prng.js';
import { SandboxError } from './sandbox-error.js';

const rate = z.number().min(0).max(1);

/** The fault knobs every sandbox has; each adds its own refusals (HubSpot 429/423, Salesforce 403s). */
export const commonFaultFields = {
  /** Share of requests answered with a 5xx, picked from the sandbox's `serverErrorStatuses`. */
  serverErrors: rate.optional(),
  /** Share of requests whose socket is destroyed without any response. */
  dropConnection: rate.optional(),
  /** Extra delay before answering, for a share of requests (all when `rate` is left out). */
  latency: z
    .object({ rate: rate.optional(), minMs: z.number().int().min(0), maxMs: z.number().int().min(0) })
    .refine((l) => l.maxMs >= l.minMs, 'latency.maxMs must be at least latency.minMs')
    .optional(),
  /** Seed of the fault draws; defaults to the sandbox seed. */
  seed: z.number().int().optional(),
};
export const faultRate = rate;

type CommonFaults = {
  serverErrors?: number;
  serverErrorStatuses?: readonly number[];
  dropConnection?: number;
  latency?: { rate?: number; minMs: number; maxMs: number };
  seed?: number;
};

export interface SeededFaultDecision<S extends number> {
  delayMs: number;
  drop: boolean;
  status?: S;
}

/**
 * Draws, per request and from a seeded sequence, whether to delay, drop or fail it: latency, then a dropped
 * connection, then the sandbox's own refusals (in its order), then a 5xx. The same configuration and seed
 * always give the same sequence.
 */
export class SeededFaults<O extends CommonFaults, D extends SeededFaultDecision<number>> {
  private faults: O;
  private prng: Prng;

  constructor(
    private readonly schema: z.ZodType<O>,
    private readonly defaultSeed: number,
    private readonly allServerErrors: readonly number[],
    /** The sandbox's refusals, drawn after the drop and before a 5xx; undefined = none this time. */
    private readonly refuse: (faults: O, prng: Prng, delayMs: number) => D | undefined,
    faults: unknown = {},
  ) {
    this.faults = this.parse(faults);
    this.prng = createPrng((this.faults.seed ?? defaultSeed) ^ 0x5eed);
  }

  /** Replaces the whole fault configuration and restarts the seeded sequence. */
  set(faults: unknown): void {
    this.faults = this.parse(faults);
    this.prng = createPrng((this.faults.seed ?? this.defaultSeed) ^ 0x5eed);
  }

  current(): O {
    return structuredClone(this.faults);
  }

  decide(): D {
    const f = this.faults;
    const latency = f.latency;
    const delayMs =
      latency && this.prng.chance(latency.rate ?? 1) ? this.prng.int(latency.minMs, latency.maxMs) : 0;
    if (this.prng.chance(f.dropConnection ?? 0)) return { delayMs, drop: true } as D;
    const refused = this.refuse(f, this.prng, delayMs);
    if (refused) return refused;
    if (this.prng.chance(f.serverErrors ?? 0)) {
      const status = this.prng.pick(f.serverErrorStatuses ?? this.allServerErrors);
      return { delayMs, drop: false, status } as D;
    }
    return { delayMs, drop: false } as D;
  }

  private parse(faults: unknown): O {
    const parsed = this.schema.safeParse(faults);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => i.message).join('; ');
      throw new SandboxError('SANDBOX_OPTIONS', `Invalid faults: ${detail}`);
    }
    return parsed.data;
  }
}
