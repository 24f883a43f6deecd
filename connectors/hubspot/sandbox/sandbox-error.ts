/** A misuse of the sandbox itself (bad options, unknown record in a store helper); never sent over HTTP. */
export class SandboxError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxError';
  }
}
