/**
 * The Salesforce adapter against nock, answering with the shapes Salesforce documents: the OAuth token
 * answer (refresh token flow), a query page with `nextRecordsUrl` (REST API guide, "Execute a SOQL Query"),
 * an sObject Collections update with a per-record error, `REQUEST_LIMIT_EXCEEDED` (403) and
 * `INVALID_SESSION_ID` (401). No request leaves the process.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { fileURLToPath } from 'node:url';
import { SalesforceAdapter } from '../../../../connectors/salesforce/salesforce-adapter.js';
import type { Page, ScoreUpdate } from '../../../../src/connector/crm-adapter.js';
import { loadMapping } from '../../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../../src/mapping/mapping-schema.js';
import {
  COLLECTIONS,
  DATA,
  guardNetwork,
  INSTANCE,
  LEAD_A,
  LEAD_B,
  QUERY,
  RequestLog,
} from './handoff-harness.js';

guardNetwork({ beforeAll, afterEach, afterAll });

const LOGIN = 'https://login.salesforce.com';
const LIMIT_INFO = { 'Sforce-Limit-Info': 'api-usage=120/15000' };
let mapping: Mapping;

beforeAll(async () => {
  const file = fileURLToPath(new URL('../../../../mappings/salesforce.yaml', import.meta.url));
  mapping = await loadMapping(file);
});

const adapter = () =>
  new SalesforceAdapter({
    credentials: {
      kind: 'refresh_token',
      loginUrl: LOGIN,
      clientId: 'consumer-key',
      refreshToken: 'refresh-token',
    },
    mapping,
    activities: false,
    onProblem: () => {},
  });

/** The token endpoint's documented answer; each grant issues the next session id. */
function tokenEndpoint(log: RequestLog, sessions: string[]) {
  const scope = nock(LOGIN);
  for (const session of sessions) {
    scope.post('/services/oauth2/token').reply(
      log.reply(200, {
        access_token: session,
        instance_url: INSTANCE,
        id: `${LOGIN}/id/00D5g000000AbCdEAK/0055g00000AbCdEAAV`,
        token_type: 'Bearer',
        issued_at: '1781524800000',
        signature: 'c2lnbmF0dXJl',
      }),
    );
  }
}

const leadRow = (id: string, title: string) => ({
  attributes: { type: 'Lead', url: `${DATA}/sobjects/Lead/${id}` },
  Id: id,
  Email: `${id.slice(-4)}@northwind.example`,
  Title: title,
  SystemModstamp: '2026-06-14T09:30:00.000+0000',
});

async function collect(pages: AsyncIterable<Page>): Promise<Page[]> {
  const all: Page[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

describe('Salesforce adapter contract', () => {
  it('reads a full query page by page through nextRecordsUrl, asking for the batch size', async () => {
    const log = new RequestLog();
    tokenEndpoint(log, ['00D!first']);
    const locator = `${QUERY}/01gD0000002HU6KIAW-2000`;
    nock(INSTANCE)
      .get(QUERY)
      .query(true)
      .reply(
        log.reply(
          200,
          { totalSize: 3, done: false, nextRecordsUrl: locator, records: [leadRow(LEAD_A, 'CEO')] },
          LIMIT_INFO,
        ),
      )
      .get(locator)
      .reply(log.reply(200, { totalSize: 3, done: true, records: [leadRow(LEAD_B, 'Intern')] }, LIMIT_INFO));

    const pages = await collect(adapter().read({ kind: 'full' }));

    expect(pages.map((p) => p.leads.map((l) => l.ref.id))).toEqual([[LEAD_A], [LEAD_B]]);
    expect(pages.map((p) => p.cursor)).toEqual([
      expect.objectContaining({ kind: 'full', nextRecordsUrl: `${INSTANCE}${locator}`, done: false }),
      expect.objectContaining({ kind: 'full', nextRecordsUrl: null, done: true }),
    ]);
    const [grant, query] = log.sent;
    expect(grant?.body).toContain('grant_type=refresh_token');
    expect(query?.headers['sforce-query-options']).toBe('batchSize=2000');
    expect(query?.headers.authorization).toBe('Bearer 00D!first');
    expect(query?.query.get('q')).toMatch(
      /^SELECT .* FROM Lead WHERE IsConverted = false ORDER BY SystemModstamp, Id$/,
    );
  });

  it('writes scores with Sforce-Auto-Assign: FALSE and reports a rejected record on its own', async () => {
    const log = new RequestLog();
    tokenEndpoint(log, ['00D!first']);
    nock(INSTANCE)
      .patch(COLLECTIONS)
      .reply(
        log.reply(200, [
          { id: LEAD_A, success: true, errors: [] },
          {
            success: false,
            errors: [
              {
                statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                message: 'Score must be set by the integration user',
                fields: ['LeadScore_Score__c'],
              },
            ],
          },
        ]),
      );
    const update = (id: string): ScoreUpdate => ({
      ref: { crm: 'salesforce', object: 'Lead', id },
      values: {
        score: 72,
        fit: 40,
        engagement: 32,
        grade: 'A',
        status: 'mql',
        reasons: '+20 Decision-maker role',
        model: 'default-b2b@1',
        scoredAt: new Date('2026-06-15T12:00:00.000Z'),
      },
    });

    const result = await adapter().write([update(LEAD_A), update(LEAD_B)]);

    expect(result.written.map((r) => r.id)).toEqual([LEAD_A]);
    expect(result.failed).toEqual([
      {
        ref: { crm: 'salesforce', object: 'Lead', id: LEAD_B },
        reason: 'Score must be set by the integration user (LeadScore_Score__c)',
        code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      },
    ]);
    const patch = log.sent.find((s) => s.method === 'PATCH');
    expect(patch?.headers['sforce-auto-assign']).toBe('FALSE');
    expect(patch?.body).toMatchObject({
      allOrNone: false,
      records: [
        { attributes: { type: 'Lead' }, Id: LEAD_A, LeadScore_Score__c: 72, LeadScore_Grade__c: 'A' },
        { attributes: { type: 'Lead' }, Id: LEAD_B },
      ],
    });
  });

  it('stops on REQUEST_LIMIT_EXCEEDED (TotalRequests) with the daily-limit exit code, without retrying', async () => {
    const log = new RequestLog();
    tokenEndpoint(log, ['00D!first']);
    nock(INSTANCE)
      .get(QUERY)
      .query(true)
      .reply(
        log.reply(403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }], {
          'Sforce-Limit-Info': 'api-usage=15001/15000',
        }),
      );

    const failure = await collect(adapter().read({ kind: 'full' })).then(
      () => undefined,
      (error: unknown) => error as { exitCode?: number; message: string },
    );

    expect(failure?.exitCode).toBe(3);
    expect(failure?.message).toMatch(/Salesforce daily API limit reached/);
    expect(log.sent.filter((s) => s.method === 'GET')).toHaveLength(1);
  });

  it('renews an expired session once (INVALID_SESSION_ID) and repeats the request with the new one', async () => {
    const log = new RequestLog();
    tokenEndpoint(log, ['00D!expired', '00D!renewed']);
    nock(INSTANCE)
      .get(QUERY)
      .query(true)
      .reply(log.reply(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]))
      .get(QUERY)
      .query(true)
      .reply(log.reply(200, { totalSize: 1, done: true, records: [leadRow(LEAD_A, 'CEO')] }, LIMIT_INFO));

    const pages = await collect(adapter().read({ kind: 'full' }));

    expect(pages.flatMap((p) => p.leads.map((l) => l.ref.id))).toEqual([LEAD_A]);
    const queries = log.sent.filter((s) => s.method === 'GET');
    expect(queries.map((q) => q.headers.authorization)).toEqual(['Bearer 00D!expired', 'Bearer 00D!renewed']);
  });
});
