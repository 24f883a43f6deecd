import { z } from 'zod';
import { DailyLimitError } from '../../src/http/daily-limit-error.js';
import type { BudgetObservation } from '../../src/http/vendor-policy.js';

/** The run spent its share of the org's daily allocation: a clean stop (exit 3), resumable at once. */
export class BudgetShareError extends DailyLimitError {
  constructor(
    readonly share: number,
    readonly spent: number,
    readonly remainingAtStart: number,
  ) {
    super('Salesforce');
    const percent = Math.round(share * 1000) / 10;
    this.message =
      `Salesforce: stopped after spending ${percent} % of the org's remaining daily API allocation ` +
      `(${spent} of ${remainingAtStart}) — configurable (budget share, default 50 %); ` +
      'the next run resumes from the last checkpoint.';
  }
}

export interface BudgetShareGuard {
  readonly share: number;
  /** Requests the org had left at the run's first observation; undefined before it. */
  readonly remainingAtStart: number | undefined;
  /** The daily reserve at which the scheduler stops the run; 0 before the first observation. */
  readonly reserve: number;
  /** Set by the observation that showed the share spent. */
  readonly tripped: BudgetShareError | undefined;
  /** Every daily observation of the run, in order; the first fixes the start. */
  observe(budget: BudgetObservation): void;
  /**
   * The scheduler stops with its generic DailyLimitError; once the guard tripped, that stop was the guard's,
   * so callers rethrow this instead for the message that says why.
   */
  explain(error: unknown): unknown;
  /** A new run: the next observation fixes a new start. */
  reset(): void;
}

const shareSchema = z.number().gt(0).max(1);

/**
 * Never spend more than `share` of what the org had left when the run started, so that one run cannot
 * starve the customer's other integrations. Expressed through the policy's dailyReserve: stopping once
 * `remaining <= start - floor(share × start)` is stopping once `floor(share × start)` were spent.
 * Requests already in flight when it trips still complete (at most `concurrency` more).
 */
export function budgetShareGuard(share = 0.5): BudgetShareGuard {
  shareSchema.parse(share);
  let start: number | undefined;
  let tripped: BudgetShareError | undefined;
  const reserve = () => (start === undefined ? 0 : start - Math.floor(share * start));
  return {
    share,
    get remainingAtStart() {
      return start;
    },
    get reserve() {
      return reserve();
    },
    get tripped() {
      return tripped;
    },
    observe(budget) {
      if (budget.intervalMs !== undefined) return;
      start ??= budget.remaining;
      // An org with nothing left at the start hit the real limit, not the share: the generic stop says so.
      if (tripped === undefined && start > 0 && budget.remaining <= reserve()) {
        tripped = new BudgetShareError(share, start - budget.remaining, start);
      }
    },
    reset() {
      start = undefined;
      tripped = undefined;
    },
    explain(error) {
      return tripped !== undefined && error instanceof DailyLimitError && !(error instanceof BudgetShareError)
        ? tripped
        : error;
    },
  };
}
