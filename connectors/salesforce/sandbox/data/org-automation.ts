/** A lead the assignment rule gave an owner. */
export interface LeadAssignment {
  at: string;
  ruleId: string;
  leadId: string;
  from: string | null;
  to: string;
}

/** One input of a flow invocation, as received, and whether its interview succeeded. */
export interface FlowInvocation {
  at: string;
  flow: string;
  inputs: Record<string, unknown>;
  isSuccess: boolean;
}

/**
 * What the org's automation did, for tests to assert on: leads assigned by an assignment rule (and each
 * rule's place in its round robin), flow interviews run through the REST API.
 */
export class OrgAutomation {
  private readonly assigned: LeadAssignment[] = [];
  private readonly invocations: FlowInvocation[] = [];
  private readonly turns = new Map<string, number>();

  /** The next of `users` in the rule's round robin; undefined when there is nobody to assign to. */
  nextOwner(ruleId: string, users: readonly string[]): string | undefined {
    if (users.length === 0) return undefined;
    const turn = this.turns.get(ruleId) ?? 0;
    this.turns.set(ruleId, turn + 1);
    return users[turn % users.length];
  }

  recordAssignment(assignment: LeadAssignment): void {
    this.assigned.push(assignment);
  }

  /** Every lead an assignment rule assigned, oldest first. */
  assignments(): LeadAssignment[] {
    return structuredClone(this.assigned);
  }

  recordFlowInvocation(invocation: FlowInvocation): void {
    this.invocations.push(invocation);
  }

  /** Every flow interview started through the REST API, oldest first. */
  flowInvocations(): FlowInvocation[] {
    return structuredClone(this.invocations);
  }
}
