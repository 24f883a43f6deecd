import { EXIT, LeadscoreError } from '../util/errors.js';

export type SuggestErrorCode = 'SUGGEST_NO_RULES' | 'SUGGEST_BAD_TARGET';

/** The data gives no rule model to suggest, or a target it cannot meet (exit 2: invalid input). */
export class SuggestError extends LeadscoreError {
  constructor(code: SuggestErrorCode, message: string) {
    super(code, message, EXIT.invalid);
  }
}
