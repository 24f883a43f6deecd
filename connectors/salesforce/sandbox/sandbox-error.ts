import { EXIT, LeadscoreError } from '../../../src/util/errors.js';

/** A misuse of the sandbox itself (bad options, bad store helper call); never sent over HTTP. */
export class SandboxError extends LeadscoreError {
  constructor(code: string, message: string, exitCode: number = EXIT.failure) {
    super(code, message, exitCode);
  }
}
