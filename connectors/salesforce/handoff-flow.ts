import type { Transition } from '../../src/connector/crm-adapter.js';
import type { ActionResult } from '../../src/connector/handoff-outcomes.js';
import type { FlowInputSource, SalesforceFlowConfig } from './handoff-config.js';
import { answerMayBeLost, describeRecordErrors, describeSalesforceFailure } from './handoff-failure.js';
import { flowResultsSchema } from './flow-results.js';
import type { HandoffRecord } from './handoff-records.js';
import type { SalesforceApi } from './salesforce-api.js';

/** The flow's input variables, each from its configured source; a value the transition lacks is left out. */
export function flowInputs(
  config: SalesforceFlowConfig,
  transition: Transition,
  ownerId: string | undefined,
): Record<string, string | number> {
  const values: Record<FlowInputSource, string | number | undefined> = {
    recordId: transition.ref.id,
    score: transition.score,
    grade: transition.grade,
    reasons: transition.reasons,
    model: transition.model,
    email: transition.email,
    ownerId,
    transitionKey: transition.key,
    at: transition.at.toISOString(),
  };
  const inputs: Record<string, string | number> = {};
  for (const [variable, source] of Object.entries(config.inputs)) {
    const value = values[source];
    if (value !== undefined) inputs[variable] = value;
  }
  return inputs;
}

/**
 * Runs the autolaunched flow once for the transition (POST /actions/custom/flow/{name}, one input). One
 * call per transition, so that a lost answer leaves only that one in doubt. Not resent after a failure
 * that may have run it: the outcome is then `uncertain`, and the next attempt does not repeat it either.
 */
export async function runFlow(
  api: SalesforceApi,
  config: SalesforceFlowConfig,
  transition: Transition,
  ownerId: string | undefined,
): Promise<ActionResult> {
  let answer: unknown;
  try {
    answer = await api.invokeFlow(config.name, [flowInputs(config, transition, ownerId)]);
  } catch (error) {
    const why = describeSalesforceFailure(error);
    return answerMayBeLost(error)
      ? { ok: false, uncertain: true, detail: `flow ${config.name} may have run: ${why}` }
      : { ok: false, detail: `flow ${config.name} not run: ${why}` };
  }
  const parsed = flowResultsSchema.safeParse(answer);
  const result = parsed.success && parsed.data.length === 1 ? parsed.data[0] : undefined;
  if (!result) {
    return {
      ok: false,
      uncertain: true,
      detail: `flow ${config.name} may have run: Salesforce's answer did not give one result`,
    };
  }
  if (!result.isSuccess) {
    return { ok: false, detail: `flow ${config.name} failed: ${describeRecordErrors(result.errors)}` };
  }
  const status = result.outputValues?.Flow__InterviewStatus;
  return {
    ok: true,
    detail: `flow ${config.name} ran${typeof status === 'string' ? ` (interview ${status})` : ''}`,
  };
}

/**
 * For an invocation an earlier attempt may have made, without `confirmField`: the REST API offers no check
 * of whether an autolaunched flow ran for a record (FlowInterviewLog covers screen flows only), so this
 * attempt does not repeat it and says so. The failure is recorded, and the next attempt runs the flow: a
 * flow whose answer was lost may run twice (at least once), where never running it would silently drop the
 * handoff. With `confirmField` see confirmedFlow.
 */
export function unconfirmedFlow(config: SalesforceFlowConfig): ActionResult {
  return {
    ok: false,
    detail: `flow ${config.name} not run again: an earlier attempt may have run it — check the flow's run history before running it by hand (settings.handoff.flow.confirmField makes this check automatic)`,
  };
}

/**
 * For an invocation an earlier attempt may have made, with `confirmField`: the flow writes the transition
 * key to that field in the interview's own transaction, so the record read before this attempt's actions
 * tells. The key there: the flow ran, done. Anything else: it did not (its transaction rolled back, or the
 * call never arrived), and undefined says to run it now — exactly once. (A call still running inside
 * Salesforce when its answer was lost would be missed; the scheduler gives up on a request long before a
 * flow could run that long, and the next attempt comes a page or a run later.)
 */
export function confirmedFlow(
  config: SalesforceFlowConfig & { confirmField: string },
  record: HandoffRecord,
  transition: Transition,
): ActionResult | undefined {
  if (record.extra[config.confirmField] !== transition.key) return undefined;
  return {
    ok: true,
    detail: `flow ${config.name} had already run for this transition (${config.confirmField} holds its key); not run again`,
  };
}
