export { backoffDelayMs } from './backoff.js';
export { systemClock, type Clock } from './clock.js';
export { DailyLimitError } from './daily-limit-error.js';
export { defaultClassify, TRANSIENT_NETWORK_CODES } from './default-classify.js';
export { describeFailure } from './describe-failure.js';
export { normalizeHeaders, type HeaderInput, type HeaderMap } from './headers.js';
export { RequestScheduler, type RunOptions, type SchedulerOptions } from './request-scheduler.js';
export { retryAfterFrom, retryAfterMs } from './retry-after.js';
export type { SchedulerEvent, SchedulerLogger } from './scheduler-events.js';
export type { EndpointCounts, RetriedSignal, SchedulerMetrics } from './scheduler-metrics.js';
export type {
  AttemptFailure,
  BackoffPolicy,
  BudgetObservation,
  RateWindow,
  Signal,
  SignalKind,
  VendorPolicy,
} from './vendor-policy.js';
