export interface SandboxStats {
  /** Requests by `METHOD /route/{template}` (unknown paths as `METHOD (unmatched)`), whatever the answer. */
  calls: Record<string, number>;
  total: number;
  /** Responses by HTTP status. */
  statuses: Record<number, number>;
  /** 429s sent, from the limits and from injected faults. */
  tooManyRequests: number;
  /** Connections destroyed without a response. */
  dropped: number;
}

export class CallStats {
  private data: SandboxStats = emptyStats();

  count(routeKey: string): void {
    this.data.calls[routeKey] = (this.data.calls[routeKey] ?? 0) + 1;
    this.data.total++;
  }

  answered(status: number): void {
    this.data.statuses[status] = (this.data.statuses[status] ?? 0) + 1;
    if (status === 429) this.data.tooManyRequests++;
  }

  dropped(): void {
    this.data.dropped++;
  }

  snapshot(): SandboxStats {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = emptyStats();
  }
}

function emptyStats(): SandboxStats {
  return { calls: {}, total: 0, statuses: {}, tooManyRequests: 0, dropped: 0 };
}
