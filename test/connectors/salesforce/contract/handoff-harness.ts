/**
 * Shared set-up for the Salesforce handoff contract tests: runSalesforceHandoff through the real
 * SalesforceApi (jsforce and the shared scheduler, on a clock that does not wait) against nock, answering
 * with the shapes Salesforce documents: query results (REST API guide, Query), SaveResult lists (sObject
 * Collections, Create/Update Records), action results (Action API guide, Invoking Actions: `[{actionName,
 * errors, isSuccess, outputValues}]`). No request leaves the process.
 */
import { expect } from '@jest/globals';
import nock from 'nock';
import type { IncomingHttpHeaders } from 'node:http';
import { runSalesforceHandoff } from '../../../../connectors/salesforce/handoff-actions.js';
import { parseSalesforceHandoffConfig } from '../../../../connectors/salesforce/handoff-config.js';
import type { SalesforceHandoffConfigInput } from '../../../../connectors/salesforce/handoff-config.js';
import { SalesforceApi } from '../../../../connectors/salesforce/salesforce-api.js';
import { salesforcePolicy } from '../../../../connectors/salesforce/salesforce-policy.js';
import type {
  HandoffAction,
  HandoffRequest,
  HandoffResult,
  Transition,
} from '../../../../src/connector/crm-adapter.js';
import type { Clock } from '../../../../src/http/clock.js';
import { RequestScheduler } from '../../../../src/http/request-scheduler.js';

export const INSTANCE = 'https://acme.my.salesforce.com';
export const DATA = '/services/data/v62.0';
export const COLLECTIONS = `${DATA}/composite/sobjects`;
export const QUERY = `${DATA}/query`;
export const NOW = new Date('2026-06-15T12:00:00.000Z');
export const REASONS = '+30 Demo or quote request · +20 Decision-maker role';
export const OWNER = '0055g00000AbCdEAAV';
/** Three leads with valid 18-character ids. */
export const [LEAD_A, LEAD_B, LEAD_C] = ['00Q5g00000AbCdEEAV', '00Q5g00000AbCdFEAV', '00Q5g00000AbCdGEAV'];

/** Installs the nock guard for a test file: no real connections, every interceptor used, none missed. */
export function guardNetwork(hooks: {
  beforeAll: (fn: () => void) => void;
  afterEach: (fn: () => void) => void;
  afterAll: (fn: () => void) => void;
}): void {
  const unmatched: string[] = [];
  const onNoMatch = (req: { method?: string; path?: string }) => unmatched.push(`${req.method} ${req.path}`);
  hooks.beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
    nock.emitter.on('no match', onNoMatch);
  });
  hooks.afterEach(() => {
    const pending = nock.pendingMocks();
    const missed = unmatched.splice(0);
    nock.cleanAll();
    expect(pending).toEqual([]);
    expect(missed).toEqual([]);
  });
  hooks.afterAll(() => {
    nock.emitter.removeListener('no match', onNoMatch);
    nock.enableNetConnect();
    nock.restore();
  });
}

export interface Sent {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- request bodies are asserted field by field
  body: any;
}

/** Records what the adapter sent, then answers: `.reply(log.reply(200, body))` in place of nock's reply. */
export class RequestLog {
  readonly sent: Sent[] = [];

  reply(status: number, body: unknown, headers: Record<string, string> = {}) {
    const sent = this.sent;
    return function (this: nock.ReplyFnContext, uri: string, body_: nock.Body): nock.ReplyFnResult {
      const url = new URL(uri, INSTANCE);
      sent.push({
        method: this.req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: this.req.headers,
        body: parseBody(body_),
      });
      return [
        status,
        body as nock.ReplyBody,
        { 'Content-Type': 'application/json;charset=UTF-8', ...headers },
      ];
    };
  }

  to(method: string, path: string): Sent[] {
    return this.sent.filter((s) => s.method === method && s.path === path);
  }

  /** The SOQL of each query sent. */
  queries(): string[] {
    return this.to('GET', QUERY).map((s) => s.query.get('q') ?? '');
  }
}

/** nock hands over a JSON body parsed, anything else as text. */
function parseBody(body: nock.Body): unknown {
  if (typeof body !== 'string') return body;
  try {
    return body === '' ? undefined : (JSON.parse(body) as unknown);
  } catch {
    return body;
  }
}

/** Scheduler time that passes without waiting, so that retries with backoff take no real time. */
function instantClock(): Clock {
  let now = NOW.getTime();
  return {
    now: () => now,
    sleep: async (ms) => {
      now += Math.max(0, ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

export function handoff(
  config: SalesforceHandoffConfigInput,
  requests: HandoffRequest[],
): Promise<HandoffResult[]> {
  const scheduler = new RequestScheduler({
    policy: salesforcePolicy({ concurrency: 1 }),
    clock: instantClock(),
  });
  const api = new SalesforceApi(scheduler, {
    instanceUrl: INSTANCE,
    accessToken: '00Dxx0000001gPL!AQ4AQFake',
  });
  return runSalesforceHandoff(api, parseSalesforceHandoffConfig(config), requests, { now: () => NOW });
}

export const keyOf = (id: string) => `salesforce:Lead:${id}:mql:1:b2b-default@3`;

export function transition(id: string): Transition {
  return {
    key: keyOf(id),
    ref: { crm: 'salesforce', object: 'Lead', id },
    kind: 'became_mql',
    model: 'b2b-default@3',
    score: 87,
    grade: 'A',
    reasons: REASONS,
    at: NOW,
  };
}

export const request = (
  id: string,
  actions: HandoffAction[],
  unconfirmed?: HandoffAction[],
): HandoffRequest => ({
  transition: transition(id),
  actions,
  ...(unconfirmed ? { unconfirmed } : {}),
});

export const outcomesOf = (results: HandoffResult[]) => results.flatMap((r) => r.outcomes);

/** A query answer as the REST API gives it: one batch, done. */
export function queryResult(type: string, records: Record<string, unknown>[]) {
  return {
    totalSize: records.length,
    done: true,
    records: records.map((r) => ({
      attributes: { type, url: `${DATA}/sobjects/${type}/${String(r.Id)}` },
      ...r,
    })),
  };
}

/** Lead rows as the handoff reads them. */
export const leadRow = (id: string, status = 'Open - Not Contacted') => ({
  Id: id,
  FirstName: 'Ada',
  LastName: `Lovelace ${id.slice(-4)}`,
  Email: null,
  OwnerId: OWNER,
  Status: status,
});

/** Answers the handoff's read of these leads. */
export const readLeads = (scope: nock.Scope, ...ids: string[]) =>
  scope
    .get(QUERY)
    .query((q) => String(q.q).includes('FROM Lead WHERE Id IN'))
    .reply(
      200,
      queryResult(
        'Lead',
        ids.map((id) => leadRow(id)),
      ),
    );
