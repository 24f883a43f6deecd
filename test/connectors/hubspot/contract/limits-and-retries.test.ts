import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { DailyLimitError } from '../../../../src/http/daily-limit-error.js';
import type { Mapping } from '../../../../src/mapping/mapping-schema.js';
import {
  BASE_URL,
  RequestLog,
  buildAdapter,
  collect,
  expectNoSecrets,
  fixture,
  guardNetwork,
  loadHubSpotMapping,
  onFakeClock,
  rejectionOf,
  scoreUpdate,
} from './contract-harness.js';

const network = guardNetwork({ beforeAll, afterEach, afterAll });

const LIST = '/crm/v3/objects/contacts';

let mapping: Mapping;
beforeAll(async () => {
  mapping = await loadHubSpotMapping();
});

describe('HubSpot rate limits and transient failures', () => {
  it('429 TEN_SECONDLY_ROLLING, then 200: waits out the ten-second window and retries once', async () => {
    const log = new RequestLog();
    const scope = nock(BASE_URL)
      .get(LIST)
      .query(true)
      .reply(log.reply(() => [429, fixture('error-429-ten-secondly.json')]))
      .get(LIST)
      .query(true)
      .reply(log.reply(() => [200, fixture('contacts-list-page-2.json')]));

    const { adapter } = buildAdapter(mapping);
    const { leads } = await onFakeClock(() => collect(adapter.read({ kind: 'full' })));
    scope.done();

    expect(log.sent).toHaveLength(2);
    expect(leads.map((l) => l.ref.id)).toEqual(['103']);
    const metrics = adapter.metrics();
    expect(metrics.rateLimited).toBe(1);
    expect(metrics.retries.window).toBe(1);
    expect(metrics.waitedMs).toBeGreaterThanOrEqual(10_000);
  });

  it('429 DAILY: the read rejects with DailyLimitError (DAILY_LIMIT, exit 3) and nothing more is sent', async () => {
    const log = new RequestLog();
    const scope = nock(BASE_URL)
      .get(LIST)
      .query(true)
      .reply(log.reply(() => [200, fixture('contacts-list-page-1.json')]))
      .get(LIST)
      .query((q) => q.after === '103')
      .reply(log.reply(() => [429, fixture('error-429-daily.json')]));

    const { adapter } = buildAdapter(mapping);
    const pages: unknown[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const page of adapter.read({ kind: 'full' })) pages.push(page);
      })(),
    );
    scope.done();

    expect(error).toBeInstanceOf(DailyLimitError);
    expect(error).toMatchObject({ code: 'DAILY_LIMIT', exitCode: 3 });
    expect(error.message).toMatch(/daily/i);
    expect(pages).toHaveLength(1);
    expect(log.sent).toHaveLength(2);
    expectNoSecrets(error);

    // The stop holds for everything the adapter does next: no request leaves (the guard fails on any).
    const again = await rejectionOf(collect(adapter.read({ kind: 'full' })));
    const write = await rejectionOf(adapter.write([scoreUpdate('101')]));
    expect(again).toBe(error);
    expect(write).toBe(error);
    expect(network.unmatched).toEqual([]);
    expect(log.sent).toHaveLength(2);
    expect(adapter.metrics().dailyStops).toBe(1);
  });

  it('423 Locked, then 200: waits at least 2 s and retries the batch update', async () => {
    const log = new RequestLog();
    const scope = nock(BASE_URL)
      .post('/crm/v3/objects/contacts/batch/update')
      .reply(log.reply(() => [423, fixture('error-423.json')]))
      .post('/crm/v3/objects/contacts/batch/update')
      .reply(log.reply(() => [200, fixture('contacts-batch-update-200.json')]));

    const { adapter } = buildAdapter(mapping);
    const update = scoreUpdate('101');
    const result = await onFakeClock(() => adapter.write([update]));
    scope.done();

    expect(log.sent).toHaveLength(2);
    expect(log.sent[1]!.body).toEqual(log.sent[0]!.body);
    expect(result).toEqual({ written: [update.ref], failed: [] });
    const metrics = adapter.metrics();
    expect(metrics.retries.locked).toBe(1);
    expect(metrics.waitedMs).toBeGreaterThanOrEqual(2_000);
  });

  it('503, then 200: retried after a short backoff', async () => {
    const log = new RequestLog();
    const scope = nock(BASE_URL)
      .get(LIST)
      .query(true)
      .reply(log.reply(() => [503, fixture('error-503.json')]))
      .get(LIST)
      .query(true)
      .reply(log.reply(() => [200, fixture('contacts-list-page-2.json')]));

    const { adapter } = buildAdapter(mapping);
    const { leads } = await collect(adapter.read({ kind: 'full' }));
    scope.done();

    expect(log.sent).toHaveLength(2);
    expect(log.sent[1]!.query.toString()).toBe(log.sent[0]!.query.toString());
    expect(leads.map((l) => l.ref.id)).toEqual(['103']);
    expect(adapter.metrics().retries.retry).toBe(1);
  });
});
