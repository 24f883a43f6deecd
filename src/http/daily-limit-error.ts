import { EXIT, LeadscoreError } from '../util/errors.js';

/** The CRM's daily allocation is used up: the run stops cleanly (exit 3) and resumes from its checkpoint. */
export class DailyLimitError extends LeadscoreError {
  constructor(
    readonly vendor: string,
    detail?: string,
  ) {
    super(
      'DAILY_LIMIT',
      `${vendor} daily API limit reached${detail ? ` (${detail})` : ''}: the run stops cleanly here ` +
        'and the next run resumes from the last checkpoint once the allocation refills.',
      EXIT.dailyLimit,
    );
  }
}
