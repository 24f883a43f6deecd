import { EXIT, LeadscoreError } from '../util/errors.js';

export type TrainingDataCode =
  | 'DATA_EMPTY'
  | 'DATA_UNREADABLE'
  | 'DATA_NO_LABEL'
  | 'DATA_BAD_LABEL'
  | 'DATA_SINGLE_CLASS'
  | 'DATA_TOO_FEW'
  | 'DATA_NOT_NUMERIC'
  | 'DATA_UNKNOWN_COLUMN'
  | 'DATA_NO_FEATURES';

/**
 * Training or evaluation data that cannot be used as it is. The message names the file, and the line
 * and column when one value is to blame; the exit code is 2 (invalid input).
 */
export class TrainingDataError extends LeadscoreError {
  constructor(code: TrainingDataCode, message: string) {
    super(code, message, EXIT.invalid);
  }
}

/** A predictive model file that is not JSON, not a leadscore predictive model, or of another version. */
export class PredictiveModelError extends LeadscoreError {
  constructor(message: string) {
    super('PREDICTIVE_MODEL_INVALID', message, EXIT.invalid);
  }
}
