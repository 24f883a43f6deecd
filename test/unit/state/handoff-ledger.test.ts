import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { HandoffAction, HandoffRequest, Transition } from '../../../src/connector/crm-adapter.js';
import { SqliteStateStore } from '../../../src/state/sqlite/sqlite-state-store.js';
import { manualClock, memoryStore, tempDir } from './state-fixtures.js';
import type { ManualClock } from './state-fixtures.js';

const KEY = 'hubspot:contact:101:became_mql:default-b2b@1a2b3c4d';
const CONFIGURED: HandoffAction[] = ['lifecycle_stage', 'owner_task', 'webhook'];

function request(key: string, actions: HandoffAction[]): HandoffRequest {
  const transition = { key } as Transition;
  return { transition, actions };
}

describe('the handoff ledger', () => {
  let clock: ManualClock;
  let store: SqliteStateStore;
  beforeEach(() => {
    clock = manualClock();
    store = memoryStore({ now: clock.now });
  });
  afterEach(() => store.close());

  it('has every configured action pending for a new transition, in configured order', async () =>
    expect(await store.handoffs.pendingActions(KEY, CONFIGURED)).toEqual(CONFIGURED));

  it('never has an action recorded ok pending again', async () => {
    await store.handoffs.begin(KEY, 'owner_task');
    await store.handoffs.recordOutcome(KEY, 'owner_task', true, 'task 9001 created');
    expect(await store.handoffs.pendingActions(KEY, CONFIGURED)).toEqual(['lifecycle_stage', 'webhook']);
  });

  it('keeps a failed action pending', async () => {
    await store.handoffs.begin(KEY, 'webhook');
    await store.handoffs.recordOutcome(KEY, 'webhook', false, '503 from receiver');
    expect(await store.handoffs.pendingActions(KEY, CONFIGURED)).toEqual(CONFIGURED);
  });

  it('keeps the ledger of one transition apart from another’s', async () => {
    await store.handoffs.recordOutcome(KEY, 'webhook', true, 'delivered');
    expect(await store.handoffs.pendingActions(`${KEY}-other`, CONFIGURED)).toEqual(CONFIGURED);
  });

  it('lists each configured action once, even when configured twice', async () =>
    expect(await store.handoffs.pendingActions(KEY, ['webhook', 'webhook'])).toEqual(['webhook']));

  it('refuses to begin an action that has succeeded with STATE_HANDOFF_SUCCEEDED', async () => {
    await store.handoffs.recordOutcome(KEY, 'webhook', true, 'delivered');
    await expect(store.handoffs.begin(KEY, 'webhook')).rejects.toMatchObject({
      code: 'STATE_HANDOFF_SUCCEEDED',
    });
  });

  it('treats recording the same success twice as a no-op', async () => {
    await store.handoffs.recordOutcome(KEY, 'webhook', true, 'delivered');
    clock.advance(1000);
    await store.handoffs.recordOutcome(KEY, 'webhook', true, 'delivered again');
    expect(await store.handoffs.entries(KEY)).toMatchObject([
      { state: 'succeeded', detail: 'delivered', attempts: 1 },
    ]);
  });

  it('refuses to record a failure over a success with STATE_HANDOFF_SUCCEEDED', async () => {
    await store.handoffs.recordOutcome(KEY, 'webhook', true, 'delivered');
    await expect(store.handoffs.recordOutcome(KEY, 'webhook', false, 'timeout')).rejects.toMatchObject({
      code: 'STATE_HANDOFF_SUCCEEDED',
    });
    expect(await store.handoffs.pendingActions(KEY, ['webhook'])).toEqual([]);
  });

  it('counts an attempt per begin, not again for its outcome', async () => {
    await store.handoffs.begin(KEY, 'webhook');
    await store.handoffs.recordOutcome(KEY, 'webhook', false, '503');
    await store.handoffs.begin(KEY, 'webhook');
    await store.handoffs.recordOutcome(KEY, 'webhook', true, 'delivered');
    expect(await store.handoffs.entries(KEY)).toMatchObject([{ attempts: 2, state: 'succeeded' }]);
  });

  it('counts an outcome recorded without a begin as an attempt', async () => {
    await store.handoffs.recordOutcome(KEY, 'webhook', false, '503');
    await store.handoffs.recordOutcome(KEY, 'webhook', false, '503');
    expect(await store.handoffs.entries(KEY)).toMatchObject([{ attempts: 2, state: 'failed' }]);
  });

  it('shows an entry’s state, detail and times', async () => {
    const begunAt = clock.now();
    await store.handoffs.begin(KEY, 'owner_task');
    clock.advance(250);
    await store.handoffs.recordOutcome(KEY, 'owner_task', true, 'task 9001 created');
    expect(await store.handoffs.entries(KEY)).toEqual([
      {
        key: KEY,
        action: 'owner_task',
        state: 'succeeded',
        attempts: 1,
        detail: 'task 9001 created',
        startedAt: new Date(begunAt),
        updatedAt: new Date(clock.now()),
      },
    ]);
  });

  describe('in batches', () => {
    it('begins every action of every request', async () => {
      await store.handoffs.beginMany([request(KEY, ['webhook', 'owner_task']), request('k2', ['webhook'])]);
      expect((await store.handoffs.startedButUnconfirmed()).map((e) => `${e.key} ${e.action}`)).toEqual([
        `${KEY} owner_task`,
        `${KEY} webhook`,
        'k2 webhook',
      ]);
    });

    it('begins none when one of them cannot be begun', async () => {
      await store.handoffs.recordOutcome('k2', 'webhook', true, 'delivered');
      await expect(
        store.handoffs.beginMany([request(KEY, ['webhook']), request('k2', ['webhook'])]),
      ).rejects.toMatchObject({ code: 'STATE_HANDOFF_SUCCEEDED' });
      expect(await store.handoffs.entries(KEY)).toEqual([]);
    });

    it('records every outcome of every result', async () => {
      await store.handoffs.beginMany([request(KEY, ['webhook', 'owner_task'])]);
      await store.handoffs.recordResults([
        {
          key: KEY,
          outcomes: [
            { action: 'webhook', ok: true, detail: 'delivered' },
            { action: 'owner_task', ok: false, detail: 'owner 7 is inactive' },
          ],
        },
      ]);
      expect(await store.handoffs.pendingActions(KEY, CONFIGURED)).toEqual(['lifecycle_stage', 'owner_task']);
      expect(await store.handoffs.startedButUnconfirmed()).toEqual([]);
    });
  });

  describe('a crash between sending and recording', () => {
    let dir: ReturnType<typeof tempDir>;
    beforeEach(() => {
      dir = tempDir();
    });
    afterEach(() => dir.remove());

    /** Begins the webhook, "sends" it, and dies before recording the outcome. */
    async function crashAfterSending(): Promise<void> {
      const crashed = SqliteStateStore.open({ file: dir.path(), now: clock.now });
      await crashed.handoffs.recordOutcome(KEY, 'owner_task', true, 'task 9001 created');
      await crashed.handoffs.begin(KEY, 'webhook');
      await crashed.close();
    }

    it('is detected on reopening: the action is started but unconfirmed', async () => {
      await crashAfterSending();
      const next = SqliteStateStore.open({ file: dir.path(), now: clock.now });
      expect(await next.handoffs.startedButUnconfirmed()).toEqual([
        expect.objectContaining({ key: KEY, action: 'webhook', state: 'started', attempts: 1 }),
      ]);
      await next.close();
    });

    it('leaves the unconfirmed action out of the pending ones, so it is not blindly sent again', async () => {
      await crashAfterSending();
      const next = SqliteStateStore.open({ file: dir.path(), now: clock.now });
      expect(await next.handoffs.pendingActions(KEY, CONFIGURED)).toEqual(['lifecycle_stage']);
      await next.close();
    });

    it('refuses to begin the unconfirmed action again with STATE_HANDOFF_UNCONFIRMED', async () => {
      await crashAfterSending();
      const next = SqliteStateStore.open({ file: dir.path(), now: clock.now });
      await expect(next.handoffs.begin(KEY, 'webhook')).rejects.toMatchObject({
        code: 'STATE_HANDOFF_UNCONFIRMED',
      });
      await next.close();
    });

    it('is settled by verifying: confirmed sent, it is done', async () => {
      await crashAfterSending();
      const next = SqliteStateStore.open({ file: dir.path(), now: clock.now });
      await next.handoffs.recordOutcome(KEY, 'webhook', true, 'verified: receiver has it');
      expect(await next.handoffs.startedButUnconfirmed()).toEqual([]);
      expect(await next.handoffs.pendingActions(KEY, ['webhook'])).toEqual([]);
      await next.close();
    });

    it('is settled by verifying: found not sent, it is pending again', async () => {
      await crashAfterSending();
      const next = SqliteStateStore.open({ file: dir.path(), now: clock.now });
      await next.handoffs.recordOutcome(KEY, 'webhook', false, 'verified: never arrived');
      expect(await next.handoffs.pendingActions(KEY, ['webhook'])).toEqual(['webhook']);
      await next.close();
    });
  });

  it('narrows the unconfirmed actions to keys with a prefix', async () => {
    await store.handoffs.begin('hubspot:contact:1', 'webhook');
    await store.handoffs.begin('salesforce:lead:1', 'webhook');
    expect((await store.handoffs.startedButUnconfirmed('hubspot:')).map((e) => e.key)).toEqual([
      'hubspot:contact:1',
    ]);
  });
});
