/** A problem found at a path of the parsed document, before it is given a line. */
export interface PathProblem {
  path: PropertyKey[];
  message: string;
}

// `$${` first so that an escaped reference is never read as one; a bare `${` is a malformed reference.
const REFERENCE = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$\{/g;

export type Interpolation = { ok: true; value: string } | { ok: false; messages: string[] };

/**
 * Replaces `${NAME}` and `${NAME:-default}` (default when unset or empty, as in a shell) from `env`;
 * `$${` stands for a literal `${`.
 */
export function interpolate(text: string, env: NodeJS.ProcessEnv): Interpolation {
  const messages: string[] = [];
  const value = text.replace(REFERENCE, (match, name: string | undefined, fallback: string | undefined) => {
    if (match === '$${') return '${';
    if (name === undefined) {
      messages.push('malformed reference: write ${NAME} or ${NAME:-default} (or $${ for a literal ${)');
      return match;
    }
    const set = env[name];
    if (fallback !== undefined) return set ? set : fallback;
    if (set === undefined) messages.push(`environment variable ${name} is not set`);
    return set ?? '';
  });
  return messages.length ? { ok: false, messages } : { ok: true, value };
}

/** The part of `text` written in the file itself: everything but `${NAME}` references (defaults count). */
export function literalText(text: string): string {
  return text.replace(REFERENCE, (match, name: string | undefined, fallback: string | undefined) => {
    if (match === '$${') return '${';
    return name === undefined ? match : (fallback ?? '');
  });
}

/** Interpolates every string value of a parsed document (keys are left as written). */
export function interpolateValues(data: unknown, env: NodeJS.ProcessEnv): { data: unknown; problems: PathProblem[] } {
  const problems: PathProblem[] = [];
  const walk = (value: unknown, path: PropertyKey[]): unknown => {
    if (typeof value === 'string') {
      const result = interpolate(value, env);
      if (result.ok) return result.value;
      problems.push(...result.messages.map((message) => ({ path, message })));
      return value;
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, i]));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, [...path, key])]));
    }
    return value;
  };
  return { data: walk(data, []), problems };
}
