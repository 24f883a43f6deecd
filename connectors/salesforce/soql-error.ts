import { EXIT, LeadscoreError } from '../../src/util/errors.js';

/** A SOQL statement that cannot be built safely: a malformed id, a name that is no API name, too long a value. */
export class SoqlError extends LeadscoreError {
  constructor(message: string) {
    super('SOQL_INVALID', message, EXIT.invalid);
  }
}
