import type { Caller } from '../auth/token-authority.js';
import type { ErrorBody } from '../http/error-bodies.js';
import { rateLimitBody, searchRateLimitBody } from './rate-limit-bodies.js';

export interface Limits {
  /**
   * Burst limit per app in a rolling 10 s window: 100 Free/Starter, 190 Professional/Enterprise, 250 with the
   * capacity pack (https://developers.hubspot.com/changelog/increasing-our-api-limits).
   */
  perTenSeconds: number;
  /** Requests per day for a private app; "Apps using OAuth are only subject to a limit of 100 requests every 10
   * seconds" (https://developers.hubspot.com/apisbytier). */
  daily: number;
  /** CRM search requests per second per token. */
  searchPerSecond: number;
}

export type LimitVerdict =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; body: ErrorBody; headers: Record<string, string> };

const WINDOW_MS = 10_000;

/** Rolling-window accounting of HubSpot's burst, daily and search limits. */
export class RateLimiter {
  private readonly bursts = new Map<string, number[]>();
  private readonly searches = new Map<string, number[]>();
  private readonly days = new Map<string, { day: string; count: number }>();

  constructor(
    private readonly limits: Limits,
    private readonly now: () => Date,
  ) {}

  admit(caller: Caller, isSearch: boolean): LimitVerdict {
    const nowMs = this.now().getTime();
    const burst = recent(this.bursts, caller.appKey, nowMs - WINDOW_MS);
    const daily = this.dayCounter(caller.appKey, nowMs);
    const search = recent(this.searches, caller.token, nowMs - 1000);
    const headersFor = () => (isSearch ? {} : this.headers(caller, burst, daily.count, nowMs));

    if (caller.kind === 'private-app' && daily.count >= this.limits.daily) {
      return { ok: false, body: rateLimitBody('DAILY'), headers: headersFor() };
    }
    if (burst.length >= this.limits.perTenSeconds) {
      return { ok: false, body: rateLimitBody('TEN_SECONDLY_ROLLING'), headers: headersFor() };
    }
    if (isSearch && search.length >= this.limits.searchPerSecond) {
      return { ok: false, body: searchRateLimitBody(), headers: {} };
    }
    burst.push(nowMs);
    daily.count++;
    if (isSearch) search.push(nowMs);
    return { ok: true, headers: headersFor() };
  }

  /**
   * X-HubSpot-RateLimit-*: Daily, Daily-Remaining, Secondly, Secondly-Remaining from
   * https://developers.hubspot.com/changelog/2018-11-06-rate-limit-information-headers-will-be-included-in-http-responses;
   * Max, Remaining, Interval-Milliseconds from the usage guidelines
   * (https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines), which also leave them off
   * search responses. OAuth calls carry no Daily headers
   * (https://developers.hubspot.com/changelog/rate-limit-headers-will-now-appear-for-oauth-authenticated-calls).
   */
  private headers(
    caller: Caller,
    burst: number[],
    dailyCount: number,
    nowMs: number,
  ): Record<string, string> {
    const perSecond = Math.ceil(this.limits.perTenSeconds / 10);
    const lastSecond = burst.filter((t) => t > nowMs - 1000).length;
    const headers: Record<string, string> = {
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(WINDOW_MS),
      'X-HubSpot-RateLimit-Max': String(this.limits.perTenSeconds),
      'X-HubSpot-RateLimit-Remaining': String(Math.max(0, this.limits.perTenSeconds - burst.length)),
      'X-HubSpot-RateLimit-Secondly': String(perSecond),
      'X-HubSpot-RateLimit-Secondly-Remaining': String(Math.max(0, perSecond - lastSecond)),
    };
    if (caller.kind === 'private-app') {
      headers['X-HubSpot-RateLimit-Daily'] = String(this.limits.daily);
      headers['X-HubSpot-RateLimit-Daily-Remaining'] = String(Math.max(0, this.limits.daily - dailyCount));
    }
    return headers;
  }

  /** The daily count resets at midnight (UTC here; HubSpot uses the account's time zone). */
  private dayCounter(appKey: string, nowMs: number): { day: string; count: number } {
    const day = new Date(nowMs).toISOString().slice(0, 10);
    const current = this.days.get(appKey);
    if (current && current.day === day) return current;
    const fresh = { day, count: 0 };
    this.days.set(appKey, fresh);
    return fresh;
  }
}

function recent(log: Map<string, number[]>, key: string, since: number): number[] {
  const kept = (log.get(key) ?? []).filter((t) => t > since);
  log.set(key, kept);
  return kept;
}
