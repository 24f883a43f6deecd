import { SeededFaults } from '../../../sandbox-kit/seeded-faults.js';
import { faultOptionsSchema, type FaultOptions, type ServerErrorStatus } from './fault-options.js';

export interface FaultDecision {
  delayMs: number;
  drop: boolean;
  status?: 429 | 423 | ServerErrorStatus;
}

/** HubSpot's refusals among the seeded faults: 429 (ten-secondly rolling limit), then 423 Locked. */
export class FaultInjector extends SeededFaults<FaultOptions, FaultDecision> {
  constructor(defaultSeed: number, faults: FaultOptions = {}) {
    const refuse = (f: FaultOptions, prng: { chance(p: number): boolean }, delayMs: number) => {
      if (prng.chance(f.tooManyRequests ?? 0)) return { delayMs, drop: false, status: 429 as const };
      if (prng.chance(f.locked ?? 0)) return { delayMs, drop: false, status: 423 as const };
      return undefined;
    };
    super(faultOptionsSchema, defaultSeed, [500, 502, 503, 504], refuse, faults);
  }
}
