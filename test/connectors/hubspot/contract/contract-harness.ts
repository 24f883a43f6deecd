/**
 * Shared set-up for the HubSpot contract tests: the real HubSpotAdapter (and so the real @hubspot/api-client
 * SDK and the shared RequestScheduler) against nock at https://api.hubapi.com, answering with the JSON
 * fixtures in test/fixtures/hubspot (each shaped like HubSpot's documented response; sources in its README).
 * No request leaves the process: nock refuses every connection it has no interceptor for.
 */
import { expect, jest } from '@jest/globals';
import nock from 'nock';
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { fileURLToPath } from 'node:url';
import { HubSpotAdapter } from '../../../../connectors/hubspot/hubspot-adapter.js';
import type { HubSpotCredentials } from '../../../../connectors/hubspot/hubspot-credentials.js';
import type { Page, ScoreUpdate } from '../../../../src/connector/crm-adapter.js';
import { loadMapping } from '../../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../../src/mapping/mapping-schema.js';
import type { RecordProblem } from '../../../../src/mapping/crm-record.js';
import type { Lead } from '../../../../src/model/lead.js';

export const BASE_URL = 'https://api.hubapi.com';

/** Secrets the adapter holds; no thrown error may ever contain one of them. */
export const SECRETS = {
  privateAppToken: 'pat-na1-7c1f2e3d-4b5a-4c6d-8e9f-0a1b2c3d4e5f',
  clientId: '5d2a9f0e-1c3b-4d5e-8f7a-6b9c0d1e2f3a',
  clientSecret: 'e8d7c6b5-a4f3-4e2d-9c1b-0a9f8e7d6c5b',
  /** The refresh token the token endpoint hands back (oauth-token.json), as HubSpot returns the same one. */
  refreshToken: '6f18f21e-a743-4509-b7fd-1a5e632fffa1',
} as const;

const root = (path: string): string => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are JSON read field by field
export type Json = any;

/** A fixture from test/fixtures/hubspot, parsed afresh on every call (tests may change their copy). */
export function fixture(name: string): Json {
  return JSON.parse(readFileSync(root(`test/fixtures/hubspot/${name}`), 'utf8'));
}

export function loadHubSpotMapping(): Promise<Mapping> {
  return loadMapping(root('mappings/hubspot.yaml'));
}

export const privateApp: HubSpotCredentials = { kind: 'private-app', accessToken: SECRETS.privateAppToken };

export function oauthApp(): HubSpotCredentials {
  return {
    kind: 'oauth',
    clientId: SECRETS.clientId,
    clientSecret: SECRETS.clientSecret,
    refreshToken: SECRETS.refreshToken,
  };
}

export interface Harness {
  adapter: HubSpotAdapter;
  problems: RecordProblem[];
}

/**
 * The adapter as the CLI builds it; limits as for a Professional portal, one request at a time. The
 * mapping's `engagements` are left out: reading associated engagements (associations v4, engagement batch
 * reads) after each page of contacts is a contract of its own, and these tests pin the contact endpoints.
 */
export function buildAdapter(mapping: Mapping, credentials: HubSpotCredentials = privateApp): Harness {
  const problems: RecordProblem[] = [];
  const adapter = new HubSpotAdapter({
    baseUrl: BASE_URL,
    mapping: { ...mapping, engagements: {} },
    credentials,
    limits: { perTenSeconds: 190, searchPerSecond: 4, concurrency: 1 },
    onProblem: (p) => problems.push(p),
  });
  return { adapter, problems };
}

/** One request nock answered: what the adapter actually sent. */
export interface Sent {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Json;
}

/** Records requests as they are answered: `reply(log, status, body)` in place of nock's reply. */
export class RequestLog {
  readonly sent: Sent[] = [];

  /** A nock reply callback that records the request, then answers with `answer(request)`. */
  reply(
    answer: (request: Sent) => [number, Json] | [number, Json, Record<string, string>],
  ): (this: nock.ReplyFnContext, uri: string, body: nock.Body) => nock.ReplyFnResult {
    const sent = this.sent;
    return function (this: nock.ReplyFnContext, uri: string, body: nock.Body) {
      const url = new URL(uri, BASE_URL);
      const request: Sent = {
        method: this.req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: this.req.headers,
        body: parseBody(body),
      };
      sent.push(request);
      return answer(request);
    };
  }

  to(method: string, path: string): Sent[] {
    return this.sent.filter((s) => s.method === method && s.path === path);
  }
}

function parseBody(body: nock.Body): Json {
  if (typeof body !== 'string' || body === '') return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/**
 * Installs the nock guard for a test file: no real connections, every interceptor used, nothing left over,
 * and no request that matched no interceptor. Call from the file's top level.
 */
export function guardNetwork(hooks: {
  beforeAll: (fn: () => void) => void;
  afterEach: (fn: () => void) => void;
  afterAll: (fn: () => void) => void;
}): { unmatched: string[] } {
  const state = { unmatched: [] as string[] };
  const onNoMatch = (req: { method?: string; path?: string; href?: string }) => {
    state.unmatched.push(`${req.method ?? '?'} ${req.path ?? req.href ?? '?'}`);
  };
  hooks.beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
    nock.emitter.on('no match', onNoMatch);
  });
  hooks.afterEach(() => {
    const pending = nock.pendingMocks();
    const unmatched = state.unmatched.splice(0);
    nock.cleanAll();
    expect(pending).toEqual([]);
    expect(unmatched).toEqual([]);
  });
  hooks.afterAll(() => {
    nock.emitter.removeListener('no match', onNoMatch);
    nock.cleanAll();
    nock.enableNetConnect();
    // Other test files in this worker (the sandbox e2e tests) use real sockets on 127.0.0.1.
    nock.restore();
  });
  return state;
}

/** Every page of a read, in order. */
export async function collect(pages: AsyncIterable<Page>): Promise<{ pages: Page[]; leads: Lead[] }> {
  const all: Page[] = [];
  for await (const page of pages) all.push(page);
  return { pages: all, leads: all.flatMap((p) => p.leads) };
}

/** What `promise` rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** Asserts that neither the message nor the stack of `error` holds a token, secret or refresh token. */
export function expectNoSecrets(error: Error): void {
  const text = `${error.message}\n${error.stack ?? ''}\n${String(error)}`;
  for (const [name, secret] of Object.entries(SECRETS)) {
    if (name === 'clientId') continue; // an id, not a secret
    expect(text).not.toContain(secret);
  }
}

/**
 * Runs `work` under Jest's fake clock, moving it on in 100 ms steps (and letting real I/O — nock's
 * replies — through between steps) until `work` settles. The scheduler's waits (10 s for a 429
 * TEN_SECONDLY_ROLLING, 2 s for a 423) then pass in milliseconds of real time, and the scheduler's
 * own metrics measure them in fake time.
 */
export async function onFakeClock<T>(work: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  try {
    let settled = false;
    const running = work().finally(() => {
      settled = true;
    });
    running.catch(() => {});
    for (let step = 0; !settled; step++) {
      if (step > 6000) throw new Error('still running after 10 minutes of fake time');
      await jest.advanceTimersByTimeAsync(100);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return await running;
  } finally {
    jest.useRealTimers();
  }
}

/** The score property names mappings/hubspot.yaml declares (group and groupLabel are not properties). */
export function scorePropertyNames(mapping: Mapping): string[] {
  return Object.entries(mapping.scoreProperties)
    .filter(([key, name]) => key !== 'group' && key !== 'groupLabel' && typeof name === 'string')
    .map(([, name]) => name as string);
}

const NOW = new Date('2026-06-15T12:00:00.000Z');

/** A score update for contact `id`; `predictive` only when given. */
export function scoreUpdate(id: string, overrides: Partial<ScoreUpdate['values']> = {}): ScoreUpdate {
  return {
    ref: { crm: 'hubspot', object: 'contact', id },
    values: {
      score: 72,
      fit: 40,
      engagement: 32,
      grade: 'A',
      status: 'mql',
      reasons: '+25 VP title; +15 software',
      model: 'default@3',
      scoredAt: NOW,
      ...overrides,
    },
  };
}
