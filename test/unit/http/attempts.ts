import { defaultClassify } from '../../../src/http/default-classify.js';
import { RequestScheduler, type SchedulerOptions } from '../../../src/http/request-scheduler.js';
import type { VendorPolicy } from '../../../src/http/vendor-policy.js';
import type { FakeClock } from './fake-clock.js';

export type Step<T> = { fail: unknown } | { value: T };
export const fail = (error: unknown): Step<never> => ({ fail: error });
export const succeed = <T>(value: T): Step<T> => ({ value });

/** An attempt that plays `steps` in order (repeating the last) and records when each call was sent. */
export function scripted<T>(clock: FakeClock, ...steps: Step<T>[]) {
  const sentAt: number[] = [];
  const attempt = async (): Promise<T> => {
    const step = steps[Math.min(sentAt.length, steps.length - 1)];
    sentAt.push(clock.now());
    if (step === undefined) throw new Error('scripted() needs at least one step');
    if ('fail' in step) throw step.fail;
    return step.value;
  };
  /** Time between consecutive attempts. */
  const gaps = () => sentAt.slice(1).map((at, i) => at - (sentAt[i] ?? at));
  return { attempt, sentAt, gaps };
}

/** Shaped like the HubSpot SDK's ApiException: `code` is the HTTP status. */
export function httpError(status: number, headers: Record<string, string> = {}, body?: unknown): Error {
  return Object.assign(new Error(`HTTP-Code: ${status}`), { code: status, headers, body });
}

/** Shaped like jsforce's HttpApiError. */
export function jsforceError(errorCode: string, message = errorCode): Error {
  return Object.assign(new Error(message), { name: errorCode, errorCode, data: { errorCode, message } });
}

export function networkError(code: string, message = `connect ${code}`): Error {
  return Object.assign(new Error(message), { code });
}

export function testPolicy(overrides: Partial<VendorPolicy> = {}): VendorPolicy {
  return {
    name: 'TestCRM',
    concurrency: 8,
    windows: [],
    backoff: { baseMs: 100, maxMs: 1_000, maxAttempts: 4, jitter: 'none' },
    classify: defaultClassify,
    ...overrides,
  };
}

export function testScheduler(
  clock: FakeClock,
  policy: Partial<VendorPolicy> = {},
  options: Omit<Partial<SchedulerOptions>, 'policy'> = {},
): RequestScheduler {
  return new RequestScheduler({ policy: testPolicy(policy), clock, ...options });
}
