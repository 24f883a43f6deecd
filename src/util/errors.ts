/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failure: 1, invalid: 2, dailyLimit: 3 } as const;

/** Base of every error leadscore raises on purpose: a stable `code` and the exit code it maps to. */
export class LeadscoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export interface ProblemLocation {
  /** File the problem is in, as the user named it. */
  file?: string;
  /** 1-based line in that file, when known. */
  line?: number;
  /** Path inside the document, e.g. `engagement[3].points`. */
  path: string;
}

export interface ModelProblem extends ProblemLocation {
  message: string;
}

export function formatLocation(loc: ProblemLocation): string {
  const where = [loc.file, loc.line !== undefined ? String(loc.line) : undefined].filter(Boolean).join(':');
  return [where, loc.path].filter(Boolean).join(': ');
}

/** A scoring model that cannot be used: YAML syntax, schema, or semantics. */
export class ModelError extends LeadscoreError {
  constructor(readonly problems: ModelProblem[]) {
    super(
      'MODEL_INVALID',
      problems.map((p) => `${formatLocation(p)}: ${p.message}`).join('\n'),
      EXIT.invalid,
    );
  }
}

/** An input file that cannot be read at all (missing, unreadable, unknown format). */
export class InputError extends LeadscoreError {
  constructor(message: string) {
    super('INPUT_INVALID', message, EXIT.invalid);
  }
}

/** Bad command-line usage (unknown format, unparsable --now, ...). */
export class UsageError extends LeadscoreError {
  constructor(message: string) {
    super('USAGE', message, EXIT.invalid);
  }
}

/** Renders a zod-style path as `engagement[3].points`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}
