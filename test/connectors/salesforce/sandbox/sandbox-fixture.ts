import jsforce from 'jsforce';
import {
  startSalesforceSandbox,
  type SalesforceSandbox,
  type SandboxOptions,
} from '../../../../connectors/salesforce/sandbox/index.js';

export const VERSION = '59.0';
export const API = `/services/data/v${VERSION}`;

/** A clock the test moves by hand, so expiry, date literals and the daily window do not depend on real time. */
export function fakeClock(start = '2026-06-15T12:00:00.000Z') {
  let current = Date.parse(start);
  return {
    now: () => new Date(current),
    advance: (ms: number) => {
      current += ms;
    },
  };
}

export function start(options: SandboxOptions = {}): Promise<SalesforceSandbox> {
  return startSalesforceSandbox({ leads: 300, contacts: 80, ...options });
}

export function connect(sandbox: SalesforceSandbox, accessToken = sandbox.accessToken) {
  return new jsforce.Connection({ instanceUrl: sandbox.instanceUrl, accessToken, version: VERSION });
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- bodies are asserted field by field
}

/** Plain fetch against the sandbox with a bearer token (the start-up session unless told otherwise). */
export async function call(
  sandbox: SalesforceSandbox,
  method: string,
  path: string,
  options: { body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? sandbox.accessToken : options.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

export const soql = (sandbox: SalesforceSandbox, q: string, headers?: Record<string, string>) =>
  call(sandbox, 'GET', `${API}/query?q=${encodeURIComponent(q)}`, { headers });

/** Form POST to the token endpoint. */
export async function token(sandbox: SalesforceSandbox, form: Record<string, string>): Promise<Reply> {
  const res = await fetch(sandbox.oauth.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}
