import { ApiError } from '../http/api-error.js';
import { REQUEST_LIMIT_EXCEEDED } from '../http/error-bodies.js';

/**
 * The org's daily API request allocation. Every admitted API call counts one; the usage goes out in
 * `Sforce-Limit-Info: api-usage=N/M` on every API response. Salesforce's window is a rolling 24 hours; here the
 * count restarts when the sandbox clock's UTC date changes.
 */
export class ApiUsage {
  private used = 0;
  private day = '';

  constructor(
    private readonly daily: number,
    private readonly now: () => Date,
  ) {}

  /** Counts the call, or throws 403 REQUEST_LIMIT_EXCEEDED once the allocation is used up. */
  admit(): void {
    this.roll();
    if (this.used >= this.daily) throw new ApiError(403, REQUEST_LIMIT_EXCEEDED);
    this.used++;
  }

  header(): Record<string, string> {
    this.roll();
    return { 'Sforce-Limit-Info': `api-usage=${this.used}/${this.daily}` };
  }

  snapshot(): { used: number; daily: number } {
    this.roll();
    return { used: this.used, daily: this.daily };
  }

  private roll(): void {
    const today = this.now().toISOString().slice(0, 10);
    if (today !== this.day) {
      this.day = today;
      this.used = 0;
    }
  }
}
