import {
  startHubSpotSandbox,
  type HubSpotSandbox,
  type SandboxOptions,
} from '../../../../connectors/hubspot/sandbox/index.js';

/** A clock the test moves by hand, so expiry and rate-limit windows do not depend on real time. */
export interface FakeClock {
  now: () => Date;
  advance(ms: number): void;
}

export function fakeClock(start = '2026-06-15T12:00:00.000Z'): FakeClock {
  let current = Date.parse(start);
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
  };
}

export function start(options: SandboxOptions = {}): Promise<HubSpotSandbox> {
  return startHubSpotSandbox({ contacts: 200, ...options });
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- bodies are asserted field by field
}

/** Plain fetch against the sandbox with a bearer token (the private-app token unless told otherwise). */
export async function call(
  sandbox: HubSpotSandbox,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = sandbox.privateAppToken,
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

export const post = (sandbox: HubSpotSandbox, path: string, body: unknown, token?: string | null) =>
  call(sandbox, 'POST', path, body, token);
export const get = (sandbox: HubSpotSandbox, path: string, token?: string | null) =>
  call(sandbox, 'GET', path, undefined, token);

/** The per-property entries HubSpot serialises into a VALIDATION_ERROR message. */
export function propertyProblems(message: string): { name: string; error: string; message: string }[] {
  const prefix = 'Property values were not valid: ';
  if (!message.startsWith(prefix)) throw new Error(`not a property validation message: ${message}`);
  return JSON.parse(message.slice(prefix.length));
}
