import { checkFlowInputs, findFlow } from '../data/sandbox-flows.js';
import { ApiError } from '../http/api-error.js';
import { NOT_FOUND, restError } from '../http/error-bodies.js';
import type { Handler } from './handler-types.js';

/**
 * POST /services/data/vXX.X/actions/custom/flow/{flowApiName}: one interview per entry of `inputs`, and an
 * action result per entry, in order: `{ actionName, errors, isSuccess, outputValues }` (errors null on
 * success). 200 when every interview succeeded, else 400 with the same list. An unknown flow is 404
 * NOT_FOUND. Each interview is recorded (store.automation.flowInvocations()).
 */
export const invokeFlow: Handler = ({ params, body, store, now }) => {
  const flow = findFlow(params.flowName ?? '');
  if (!flow) throw new ApiError(404, NOT_FOUND);
  const inputs = body && typeof body === 'object' ? (body as { inputs?: unknown }).inputs : undefined;
  if (!Array.isArray(inputs) || inputs.length === 0) {
    throw new ApiError(400, restError('JSON_PARSER_ERROR', 'The request body must contain an inputs array'));
  }
  const results = inputs.map((input: unknown) => {
    const invalid = checkFlowInputs(flow, input);
    const outcome =
      invalid.length > 0 ? { errors: invalid } : flow.run(input as Record<string, unknown>, store);
    const isSuccess = 'outputs' in outcome;
    if (invalid.length === 0) {
      store.automation.recordFlowInvocation({
        at: now().toISOString(),
        flow: flow.apiName,
        inputs: structuredClone(input as Record<string, unknown>),
        isSuccess,
      });
    }
    return {
      actionName: flow.apiName,
      errors: isSuccess ? null : outcome.errors,
      isSuccess,
      outputValues: isSuccess ? outcome.outputs : null,
    };
  });
  return { status: results.every((r) => r.isSuccess) ? 200 : 400, body: results };
};
