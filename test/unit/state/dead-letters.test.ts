import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { SqliteStateStore } from '../../../src/state/sqlite/sqlite-state-store.js';
import { manualClock, memoryStore } from './state-fixtures.js';
import type { ManualClock } from './state-fixtures.js';

describe('dead letters', () => {
  let clock: ManualClock;
  let store: SqliteStateStore;
  beforeEach(() => {
    clock = manualClock();
    store = memoryStore({ now: clock.now });
  });
  afterEach(() => store.close());

  async function failTimes(n: number, recordId = '101'): Promise<void> {
    for (let i = 1; i <= n; i++) {
      await store.deadLetters.add('hubspot', recordId, `failure ${i}`, 'VALIDATION_ERROR');
      clock.advance(1000);
    }
  }

  it('keeps a first failure as due, with one attempt, its reason and code', async () => {
    const at = new Date(clock.now());
    expect(
      await store.deadLetters.add('hubspot', '101', 'Property values were not valid', 'VALIDATION_ERROR'),
    ).toEqual({
      connector: 'hubspot',
      recordId: '101',
      status: 'due',
      attempts: 1,
      reason: 'Property values were not valid',
      code: 'VALIDATION_ERROR',
      firstAt: at,
      lastAt: at,
    });
  });

  it('counts further failures, keeping the first time and the last reason', async () => {
    const firstAt = new Date(clock.now());
    await failTimes(3);
    const [letter] = await store.deadLetters.due('hubspot');
    expect(letter).toMatchObject({
      attempts: 3,
      reason: 'failure 3',
      firstAt,
      lastAt: new Date(clock.now() - 1000),
    });
  });

  it('drops the code when the last failure had none', async () => {
    await store.deadLetters.add('hubspot', '101', 'bad', 'VALIDATION_ERROR');
    expect((await store.deadLetters.add('hubspot', '101', 'timeout')).code).toBeUndefined();
  });

  it('is still due after N−1 failures', async () => {
    await failTimes(4);
    expect((await store.deadLetters.due('hubspot')).map((d) => d.attempts)).toEqual([4]);
  });

  it('gives up exactly on the Nth failure (N = 5 by default), keeping the last reason', async () => {
    await failTimes(5);
    expect(await store.deadLetters.due('hubspot')).toEqual([]);
    expect(await store.deadLetters.list({ status: 'given_up' })).toMatchObject([
      { recordId: '101', status: 'given_up', attempts: 5, reason: 'failure 5' },
    ]);
  });

  it('gives up on the configured number of failures', async () => {
    await store.close();
    store = memoryStore({ now: clock.now, deadLetterMaxAttempts: 2 });
    expect((await store.deadLetters.add('hubspot', '101', 'bad')).status).toBe('due');
    expect((await store.deadLetters.add('hubspot', '101', 'bad')).status).toBe('given_up');
  });

  it('gives up on the first failure when the limit is one', async () => {
    await store.close();
    store = memoryStore({ now: clock.now, deadLetterMaxAttempts: 1 });
    expect((await store.deadLetters.add('hubspot', '101', 'bad')).status).toBe('given_up');
  });

  it('lists due records oldest failure first, for the connector asked about only', async () => {
    await store.deadLetters.add('hubspot', '202', 'bad');
    clock.advance(1);
    await store.deadLetters.add('hubspot', '101', 'bad');
    await store.deadLetters.add('salesforce', '00Q1', 'bad');
    expect((await store.deadLetters.due('hubspot')).map((d) => d.recordId)).toEqual(['202', '101']);
  });

  it('forgets a record resolved by a later success', async () => {
    await failTimes(2);
    expect(await store.deadLetters.resolve('hubspot', '101')).toBe(true);
    expect(await store.deadLetters.list()).toEqual([]);
  });

  it('resolves a given-up record too', async () => {
    await failTimes(5);
    expect(await store.deadLetters.resolve('hubspot', '101')).toBe(true);
    expect(await store.deadLetters.list()).toEqual([]);
  });

  it('starts counting afresh when a resolved record fails again', async () => {
    await failTimes(4);
    await store.deadLetters.resolve('hubspot', '101');
    expect((await store.deadLetters.add('hubspot', '101', 'bad')).attempts).toBe(1);
  });

  it('says so when resolving a record that was not a dead letter', async () =>
    expect(await store.deadLetters.resolve('hubspot', '101')).toBe(false));

  it('adds a page of write failures at once', async () => {
    const ref = (id: string) => ({ crm: 'hubspot' as const, object: 'contacts', id });
    const added = await store.deadLetters.addFailures('hubspot', [
      { ref: ref('1'), reason: 'bad email', code: 'INVALID_EMAIL' },
      { ref: ref('2'), reason: 'bad owner' },
    ]);
    expect(added.map((d) => [d.recordId, d.code])).toEqual([
      ['1', 'INVALID_EMAIL'],
      ['2', undefined],
    ]);
  });

  it('resolves a page of written records at once, counting the ones that were dead letters', async () => {
    await store.deadLetters.add('hubspot', '1', 'bad');
    await store.deadLetters.add('hubspot', '2', 'bad');
    expect(await store.deadLetters.resolveMany('hubspot', ['1', '2', '3'])).toBe(2);
    expect(await store.deadLetters.list()).toEqual([]);
  });

  it('lists by connector and by status', async () => {
    await store.deadLetters.add('hubspot', '1', 'bad');
    await failTimes(5, '2');
    await store.deadLetters.add('salesforce', '00Q1', 'bad');
    expect((await store.deadLetters.list()).map((d) => d.recordId)).toEqual(['1', '2', '00Q1']);
    expect((await store.deadLetters.list({ connector: 'salesforce' })).map((d) => d.recordId)).toEqual([
      '00Q1',
    ]);
    expect(
      (await store.deadLetters.list({ connector: 'hubspot', status: 'due' })).map((d) => d.recordId),
    ).toEqual(['1']);
  });
});
