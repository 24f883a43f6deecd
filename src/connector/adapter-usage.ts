import type { SchedulerMetrics } from '../http/scheduler-metrics.js';
import type { AdapterUsage } from './crm-adapter.js';

/** An adapter's API usage as the shared scheduler counted it: every attempt, retries included. */
export function usageFromMetrics(metrics: SchedulerMetrics): AdapterUsage {
  const byEndpoint: Record<string, number> = {};
  let apiCalls = 0;
  for (const [endpoint, counts] of Object.entries(metrics.endpoints)) {
    byEndpoint[endpoint] = counts.attempts;
    apiCalls += counts.attempts;
  }
  return { apiCalls, rateLimited: metrics.rateLimited, byEndpoint };
}
