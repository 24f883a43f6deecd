export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Route<H> {
  method: HttpMethod;
  /** Path with `{name}` placeholders, e.g. `/crm/v3/properties/contacts/{propertyName}` or `/services/data/{version}/query`. */
  template: string;
  handler: H;
}

export interface RouteMatch<R> {
  route: R;
  params: Record<string, string>;
}

/** Literal segments win over placeholders, so `/groups` is not read as a property named "groups". Shared by the local sandboxes of every CRM. */
export function matchRoute<R extends Route<unknown>>(
  routes: readonly R[],
  method: string,
  pathname: string,
): RouteMatch<R> | undefined {
  const segments = pathname.replace(/\/+$/, '').split('/');
  let best: { match: RouteMatch<R>; literals: number } | undefined;
  for (const route of routes) {
    if (route.method !== method) continue;
    const found = matchTemplate(route.template.split('/'), segments);
    if (found && (!best || found.literals > best.literals)) {
      best = { match: { route, params: found.params }, literals: found.literals };
    }
  }
  return best?.match;
}

function matchTemplate(
  template: string[],
  segments: string[],
): { params: Record<string, string>; literals: number } | undefined {
  if (template.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  let literals = 0;
  for (let i = 0; i < template.length; i++) {
    const want = template[i] ?? '';
    const got = segments[i] ?? '';
    if (want.startsWith('{') && want.endsWith('}')) {
      if (got === '') return undefined;
      params[want.slice(1, -1)] = decodeURIComponent(got);
    } else if (want === got) {
      literals++;
    } else {
      return undefined;
    }
  }
  return { params, literals };
}
