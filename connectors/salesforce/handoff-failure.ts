import { ConnectorRequestError } from '../../src/connector/connector-errors.js';
import { describeFailure } from '../../src/http/describe-failure.js';
import { LeadscoreError } from '../../src/util/errors.js';
import { SALESFORCE_REQUEST_CLASS } from './salesforce-api.js';
import { salesforcePolicy } from './salesforce-policy.js';

const MAX_MESSAGE = 300;

/**
 * A failed Salesforce call in a few secret-free words for an outcome detail: Salesforce's status, error code
 * and message; the network code when there was no answer; leadscore's own message (daily limit, session) as is.
 */
export function describeSalesforceFailure(error: unknown): string {
  if (error instanceof ConnectorRequestError) {
    const status = error.status === undefined ? '' : ` ${error.status}`;
    const code = error.category ? ` ${error.category}` : '';
    return `Salesforce answered${status}${code}: ${clip(error.body.message)}`;
  }
  if (error instanceof LeadscoreError) return error.message;
  const networkCode = failureOf(error).networkCode;
  if (networkCode !== undefined) return `no answer from Salesforce (${networkCode})`;
  return `unexpected error: ${clip(error instanceof Error ? error.message : String(error))}`;
}

/**
 * A failure the scheduler would retry were the call idempotent (a 5xx, a timeout, a dropped connection): the
 * request may have been carried out. Refusals (4xx, the daily limit, the session) were not.
 */
export function answerMayBeLost(error: unknown): boolean {
  return salesforcePolicy().classify(failureOf(error)).kind === 'retry';
}

/** `STATUS_CODE: message (Field, …)` for each error of a SaveResult or an action result. */
export function describeRecordErrors(
  errors: readonly { statusCode?: string; message?: string; fields?: readonly string[] }[] | null | undefined,
): string {
  const words = (errors ?? []).map((e) => {
    const fields = e.fields?.length ? ` (${e.fields.join(', ')})` : '';
    return `${e.statusCode ?? 'ERROR'}: ${clip(e.message ?? '')}${fields}`;
  });
  return words.length > 0 ? words.join('; ') : 'Salesforce gave no reason';
}

/** As the scheduler saw it: a ConnectorRequestError keeps Salesforce's errorCode as its category. */
function failureOf(error: unknown) {
  const failure = describeFailure(error, {
    requestClass: SALESFORCE_REQUEST_CLASS,
    endpoint: 'handoff',
    attempt: 1,
  });
  if (error instanceof ConnectorRequestError && error.category && failure.errorCode === undefined) {
    failure.errorCode = error.category;
  }
  return failure;
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}
