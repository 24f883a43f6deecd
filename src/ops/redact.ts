export const REDACTED = '[REDACTED]';
export const REDACTED_PRIVATE_KEY = '[REDACTED PRIVATE KEY]';

const SECRET_ENV_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|PRIVATE_KEY|API_KEY|CLIENT_SECRET|REFRESH/i;
/** Shorter values would redact everyday words and numbers all over the logs. */
const MIN_SECRET_LENGTH = 6;
const MAX_DEPTH = 12;

const SECRET_KEYS = new Set([
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'hapikey',
  'xapikey',
  'secret',
]);
const SECRET_KEY_SUFFIXES = ['token', 'secret', 'password', 'passwd', 'privatekey', 'apikey'];

const SECRET_PARAM = /token|secret|passw(?:or)?d|api_?key|hapikey|private_?key|signature|^code$|^key$/i;

const PEM_BLOCK = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----/g;
/** A key cut off before its END line (a truncated message) must not leak either. */
const PEM_UNTERMINATED = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*$/;
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi;
const HUBSPOT_PAT = /\bpat-(?:na|eu)\d?-[0-9a-f-]{20,}/gi;
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*):[^\s/?#@]+@/gi;
const QUERY_PARAM = /(^|[?&\s])([A-Za-z0-9_.-]+)=([^&#\s"'<>]*)/g;
/** A response body quoted inside an error message, e.g. `{"access_token":"..."}`. */
const JSON_MEMBER = /"([A-Za-z0-9_-]+)"(\s*:\s*)"(?:[^"\\]|\\.)*"/g;

/** True for object keys whose values are credentials whatever they contain (`authorization`, `clientSecret`, ...). */
export function isSecretKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[-_]/g, '');
  return SECRET_KEYS.has(normalized) || SECRET_KEY_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
}

/**
 * Values of environment variables named like secrets, longest first so that a secret containing another
 * is replaced whole. Also includes the forms a value commonly takes once it is used: a PEM key kept in an
 * env var with literal `\n` escapes, and a password percent-encoded inside a URL.
 */
export function secretValuesFromEnv(env: NodeJS.ProcessEnv): string[] {
  const values = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || !SECRET_ENV_NAME.test(name)) continue;
    for (const form of [value, value.replace(/\\n/g, '\n'), encodeURIComponent(value)]) {
      if (form.trim().length >= MIN_SECRET_LENGTH) values.add(form);
    }
  }
  return [...values].sort((a, b) => b.length - a.length);
}

/** Removes known secret values and anything shaped like a credential from one string. */
export function redactString(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(PEM_BLOCK, REDACTED_PRIVATE_KEY)
    .replace(PEM_UNTERMINATED, REDACTED_PRIVATE_KEY)
    .replace(AUTH_SCHEME, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(HUBSPOT_PAT, REDACTED)
    .replace(URL_PASSWORD, (_match, prefix: string) => `${prefix}:${REDACTED}@`)
    .replace(QUERY_PARAM, (match, lead: string, name: string) =>
      SECRET_PARAM.test(name) ? `${lead}${name}=${REDACTED}` : match,
    )
    .replace(JSON_MEMBER, (match, name: string, colon: string) =>
      isSecretKey(name) ? `"${name}"${colon}"${REDACTED}"` : match,
    );
}

/**
 * A copy of `value` that is safe to log or show: strings are scrubbed with {@link redactString}, values
 * under secret-named keys are replaced, and Errors become plain objects (name, message, stack, own fields,
 * cause) so their text is scrubbed too. Cycles become `[Circular]`.
 */
export function redact(value: unknown, secrets: readonly string[]): unknown {
  return redactValue(value, secrets, new WeakSet(), 0);
}

function redactValue(
  value: unknown,
  secrets: readonly string[],
  seen: WeakSet<object>,
  depth: number,
): unknown {
  if (typeof value === 'string') return redactString(value, secrets);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return value;
  if (value instanceof URL) return redactString(value.href, secrets);
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  try {
    const next = (item: unknown) => redactValue(item, secrets, seen, depth + 1);
    if (Array.isArray(value)) return value.map(next);
    if (value instanceof Map)
      return redactEntries(
        [...value.entries()].map(([k, v]) => [String(k), v]),
        next,
      );
    if (value instanceof Set) return [...value].map(next);
    if (ArrayBuffer.isView(value)) return `[${value.constructor.name} ${value.byteLength} bytes]`;
    if (value instanceof Error) return redactEntries(errorEntries(value), next);
    return redactEntries(Object.entries(value), next);
  } finally {
    seen.delete(value);
  }
}

function redactEntries(
  entries: Array<[string, unknown]>,
  next: (value: unknown) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    out[key] = isSecretKey(key) && item !== undefined && item !== null ? REDACTED : next(item);
  }
  return out;
}

/** `message`, `stack` and `cause` are not enumerable, so a plain copy would drop exactly the useful parts. */
function errorEntries(error: Error): Array<[string, unknown]> {
  const fields = error as unknown as Record<string, unknown>;
  const own = Object.getOwnPropertyNames(error).filter((key) => !['name', 'message', 'stack'].includes(key));
  return [
    ['name', error.name],
    ['message', error.message],
    ...own.map((key): [string, unknown] => [key, fields[key]]),
    ['stack', error.stack],
  ];
}
