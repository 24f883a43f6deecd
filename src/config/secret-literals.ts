import { literalText } from './interpolate-env.js';
import type { PathProblem } from './interpolate-env.js';

/** Key names that hold credentials: token, secret, password/passwd, api key, private key (and camel/snake variants). */
const SECRET_KEY = /token|secret|passw(or)?d|api_?key|private_?key/i;

/** `scheme://userinfo@`: the userinfo part is a credential. */
const URL_USERINFO = /[a-z][a-z0-9+.-]*:\/\/([^\s/?#@]*)@/i;

export const SECRET_MESSAGE = 'secrets come from the environment: write ${SOME_VAR} instead of a literal value';

/**
 * Paths whose value puts a secret in the file: a literal (or a `${VAR:-default}` default) under a
 * secret-named key, or a URL with literal credentials. Messages never contain the value.
 */
export function literalSecrets(data: unknown): PathProblem[] {
  const problems: PathProblem[] = [];
  const walk = (value: unknown, path: PropertyKey[], secret: boolean): void => {
    if (typeof value === 'string') {
      const literal = literalText(value);
      const userinfo = URL_USERINFO.exec(literal)?.[1]?.replace(/:/g, '');
      if ((secret && literal !== '') || userinfo) problems.push({ path, message: SECRET_MESSAGE });
    } else if (typeof value === 'number' || typeof value === 'bigint') {
      if (secret) problems.push({ path, message: SECRET_MESSAGE });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i], secret));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key], secret || SECRET_KEY.test(key));
    }
  };
  walk(data, [], false);
  return problems;
}
