import type { HandoffAction, HandoffActionOutcome, HandoffRequest, HandoffResult } from './crm-adapter.js';

export interface ActionResult {
  ok: boolean;
  detail: string;
  /** The action may have taken effect although it failed (see HandoffActionOutcome.uncertain). */
  uncertain?: boolean;
}

/** Collects one outcome per requested action of each request, whatever order the actions finish in. */
export class HandoffOutcomes {
  private readonly byRequest: Map<HandoffAction, ActionResult>[];

  constructor(private readonly requests: readonly HandoffRequest[]) {
    this.byRequest = requests.map(() => new Map());
  }

  set(index: number, action: HandoffAction, result: ActionResult): void {
    this.byRequest[index]?.set(action, result);
  }

  /** Outcomes in the order each request lists its actions (each action once); none is left without one. */
  results(unsettled: string): HandoffResult[] {
    return this.requests.map((request, index) => {
      const recorded = this.byRequest[index];
      const outcomes: HandoffActionOutcome[] = [...new Set(request.actions)].map((action) => {
        const result = recorded?.get(action) ?? { ok: false, detail: unsettled };
        return {
          action,
          ok: result.ok,
          detail: result.detail,
          ...(result.uncertain ? { uncertain: true } : {}),
        };
      });
      return { key: request.transition.key, outcomes };
    });
  }
}
