/**
 * Shared set-up for the Salesforce read contract tests: the real SalesforceApi (jsforce and the shared
 * scheduler) against nock, answering with the shape of the REST API's Query resource (totalSize, done,
 * nextRecordsUrl, records with `attributes` and parent records nested). No request leaves the process.
 */
import nock from 'nock';
import { SalesforceApi } from '../../../../connectors/salesforce/salesforce-api.js';
import { normalizeSalesforceId } from '../../../../connectors/salesforce/salesforce-id.js';
import { salesforcePolicy } from '../../../../connectors/salesforce/salesforce-policy.js';
import { RequestScheduler } from '../../../../src/http/request-scheduler.js';

export const INSTANCE = 'https://acme.my.salesforce.com';
export const QUERY = '/services/data/v62.0/query';

export type Row = Record<string, unknown>;
export interface Answer {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Row[];
}

/** The n-th valid 18-character id of an object (00Q Lead, 003 Contact, 00T Task, …). */
export const idOf = (prefix: string, n: number) =>
  normalizeSalesforceId(`${prefix}5g0${n.toString(36).toUpperCase().padStart(9, '0')}`);

/** A record as a query returns it (or a parent nested in one): `attributes` first. */
export const record = (type: string, fields: Row): Row => ({
  attributes: { type, url: `${QUERY.replace('/query', '')}/sobjects/${type}/${String(fields.Id)}` },
  ...fields,
});

export const answer = (records: Row[], nextRecordsUrl?: string): Answer => ({
  totalSize: records.length,
  done: nextRecordsUrl === undefined,
  ...(nextRecordsUrl ? { nextRecordsUrl } : {}),
  records,
});

/** Every query sent (its SOQL, decoded) and queryMore; each answered by the object it selects from. */
export class FakeQueries {
  readonly soql: string[] = [];
  readonly urls: string[] = [];
  readonly more: string[] = [];

  constructor(private readonly answers: Record<string, (soql: string) => Answer>) {
    nock(INSTANCE)
      .persist()
      .get(QUERY)
      .query(true)
      .reply((uri) => {
        const soql = new URL(uri, INSTANCE).searchParams.get('q') ?? '';
        this.soql.push(soql);
        this.urls.push(uri);
        const from = /\bFROM (\w+)/.exec(soql)?.[1] ?? '';
        const handler = this.answers[from];
        return handler ? [200, handler(soql)] : [400, [{ errorCode: 'INVALID_TYPE', message: from }]];
      });
  }

  /** Answers `GET <nextRecordsUrl>` once. */
  page(locator: string, body: Answer): void {
    nock(INSTANCE)
      .get(`${QUERY}/${locator}`)
      .reply(() => {
        this.more.push(locator);
        return [200, body];
      });
  }
}

export function api(): SalesforceApi {
  const scheduler = new RequestScheduler({ policy: salesforcePolicy({ concurrency: 4 }) });
  return new SalesforceApi(scheduler, { instanceUrl: INSTANCE, accessToken: '00Dxx0000001gPL!AQ4AQFake' });
}
