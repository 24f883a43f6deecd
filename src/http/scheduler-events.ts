import type { SignalKind } from './vendor-policy.js';

/**
 * What the scheduler tells its logger. Deliberately only names, statuses and numbers: never headers,
 * bodies, error messages or URLs, which can carry tokens and personal data (HubSpot's ApiException
 * message, for one, embeds the response headers and body).
 */
export type SchedulerEvent =
  | { type: 'held-back'; reason: 'window' | 'pacing'; requestClass: string; endpoint: string; waitMs: number }
  | {
      type: 'retry';
      signal: SignalKind;
      requestClass: string;
      endpoint: string;
      attempt: number;
      waitMs: number;
      status?: number;
      networkCode?: string;
    }
  | {
      type: 'give-up';
      signal: SignalKind;
      requestClass: string;
      endpoint: string;
      attempts: number;
      status?: number;
      networkCode?: string;
    }
  | { type: 'auth-refresh'; endpoint: string }
  | { type: 'daily-stop'; endpoint: string }
  | { type: 'pacing'; requestClass?: string; remaining: number; max: number; gapMs: number };

export type SchedulerLogger = (event: SchedulerEvent) => void;
