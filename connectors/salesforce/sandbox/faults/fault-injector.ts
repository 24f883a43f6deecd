import { SeededFaults } from '../../../sandbox-kit/seeded-faults.js';
import { faultOptionsSchema, type FaultOptions, type ServerErrorStatus } from './fault-options.js';

export interface FaultDecision {
  delayMs: number;
  drop: boolean;
  status?: 403 | ServerErrorStatus;
  /** A 403 for the concurrent-request limit rather than the daily total. */
  concurrent?: boolean;
}

/** Salesforce's refusals among the seeded faults: 403 REQUEST_LIMIT_EXCEEDED, daily total or concurrent. */
export class FaultInjector extends SeededFaults<FaultOptions, FaultDecision> {
  constructor(defaultSeed: number, faults: FaultOptions = {}) {
    const refuse = (f: FaultOptions, prng: { chance(p: number): boolean }, delayMs: number) => {
      if (prng.chance(f.requestLimitExceeded ?? 0)) return { delayMs, drop: false, status: 403 as const };
      // Drawn only when set, so that configurations without it keep their seeded sequence.
      if (f.concurrentRequestLimit && prng.chance(f.concurrentRequestLimit)) {
        return { delayMs, drop: false, status: 403 as const, concurrent: true };
      }
      return undefined;
    };
    super(faultOptionsSchema, defaultSeed, [500, 502, 503], refuse, faults);
  }
}
