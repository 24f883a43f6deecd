import { EXIT, LeadscoreError } from '../../src/util/errors.js';

/** A misuse of a sandbox itself (bad options, unknown record in a store helper, bad snapshot); never sent over HTTP. */
export class SandboxError extends LeadscoreError {
  constructor(code: string, message: string, exitCode: number = EXIT.failure) {
    super(code, message, exitCode);
  }
}
