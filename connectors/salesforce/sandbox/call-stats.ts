export interface SandboxStats {
  /** Requests by `METHOD /route/{template}` (unknown paths as `METHOD (unmatched)`), whatever the answer. */
  calls: Record<string, number>;
  total: number;
  /** Responses by HTTP status. */
  statuses: Record<number, number>;
  /** 403 REQUEST_LIMIT_EXCEEDED answers, from the allocation and from injected faults. */
  requestLimitExceeded: number;
  /** Connections destroyed without a response. */
  dropped: number;
  /** The daily allocation as the `Sforce-Limit-Info` header reports it. */
  apiUsage: { used: number; daily: number };
}

export class CallStats {
  private data = emptyStats();

  count(routeKey: string): void {
    this.data.calls[routeKey] = (this.data.calls[routeKey] ?? 0) + 1;
    this.data.total++;
  }

  answered(status: number, errorCode: string | undefined): void {
    this.data.statuses[status] = (this.data.statuses[status] ?? 0) + 1;
    if (errorCode === 'REQUEST_LIMIT_EXCEEDED') this.data.requestLimitExceeded++;
  }

  dropped(): void {
    this.data.dropped++;
  }

  snapshot(apiUsage: SandboxStats['apiUsage']): SandboxStats {
    return { ...structuredClone(this.data), apiUsage };
  }

  reset(): void {
    this.data = emptyStats();
  }
}

function emptyStats(): Omit<SandboxStats, 'apiUsage'> {
  return { calls: {}, total: 0, statuses: {}, requestLimitExceeded: 0, dropped: 0 };
}
