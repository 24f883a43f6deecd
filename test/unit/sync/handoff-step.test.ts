import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type {
  CrmAdapter,
  HandoffAction,
  HandoffRequest,
  HandoffResult,
  Transition,
} from '../../../src/connector/crm-adapter.js';
import { silentLogger } from '../../../src/ops/logger.js';
import { SqliteStateStore } from '../../../src/state/index.js';
import type { StateStore } from '../../../src/state/index.js';
import { handOff, unconfirmedByKey } from '../../../src/sync/handoff-step.js';

const ACTIONS: HandoffAction[] = ['lifecycle_stage', 'owner_task'];

/** An adapter that records every request and answers with the outcomes a test decides. */
function fakeAdapter(
  actions: readonly HandoffAction[],
  fail: (key: string, action: HandoffAction) => boolean = () => false,
) {
  const requests: HandoffRequest[] = [];
  const adapter = {
    handoffActions: actions,
    async handoff(batch: HandoffRequest[]): Promise<HandoffResult[]> {
      requests.push(...structuredClone(batch));
      return batch.map((r) => ({
        key: r.transition.key,
        outcomes: r.actions.map((action) => ({
          action,
          ok: !fail(r.transition.key, action),
          detail: fail(r.transition.key, action) ? 'refused' : 'done',
        })),
      }));
    },
  } as unknown as CrmAdapter;
  return { adapter, requests };
}

const transition = (id: string): Transition => ({
  key: `hubspot:contact:${id}:mql:0:default-b2b@1a2b3c4d`,
  ref: { crm: 'hubspot', object: 'contact', id },
  kind: 'became_mql',
  model: 'default-b2b@1a2b3c4d',
  score: 72,
  grade: 'A',
  reasons: '+30 Demo request',
  at: new Date('2026-11-21T09:00:00Z'),
});

let state: StateStore;
beforeEach(async () => {
  state = await SqliteStateStore.open({ file: ':memory:' });
});
afterEach(async () => {
  await state.close();
});

describe('handOff', () => {
  it('sends every configured action of a new transition and reports it completed', async () => {
    const { adapter, requests } = fakeAdapter(ACTIONS);
    const result = await handOff(adapter, state.handoffs, [transition('1')], new Map(), silentLogger());
    expect(requests.map((r) => r.actions)).toEqual([ACTIONS]);
    expect(result.completed.has(transition('1').key)).toBe(true);
    expect(result.sent).toBe(2);
  });

  it('sends nothing for a transition the ledger has seen succeed: the same key twice is handed off once', async () => {
    const { adapter, requests } = fakeAdapter(ACTIONS);
    await handOff(adapter, state.handoffs, [transition('1')], new Map(), silentLogger());
    const again = await handOff(adapter, state.handoffs, [transition('1')], new Map(), silentLogger());
    expect(requests).toHaveLength(1);
    expect(again.completed.has(transition('1').key)).toBe(true);
    expect(again.sent).toBe(0);
  });

  it('a failed action is incomplete with its reason and only it is sent again next time', async () => {
    let failing = true;
    const { adapter, requests } = fakeAdapter(ACTIONS, (_key, action) => failing && action === 'owner_task');
    const first = await handOff(adapter, state.handoffs, [transition('1')], new Map(), silentLogger());
    expect(first.incomplete.get(transition('1').key)).toBe('owner_task: refused');
    failing = false;
    const second = await handOff(adapter, state.handoffs, [transition('1')], new Map(), silentLogger());
    expect(requests[1]!.actions).toEqual(['owner_task']);
    expect(second.completed.has(transition('1').key)).toBe(true);
  });

  it('an action a crash left unconfirmed goes to the adapter flagged for verification, not as a fresh send', async () => {
    const key = transition('1').key;
    await state.handoffs.begin(key, 'owner_task'); // the process died after this
    await state.handoffs.recordOutcome(key, 'lifecycle_stage', true, 'done');
    const { adapter, requests } = fakeAdapter(ACTIONS);
    const unconfirmed = await unconfirmedByKey(state.handoffs, 'hubspot');
    const result = await handOff(adapter, state.handoffs, [transition('1')], unconfirmed, silentLogger());
    expect(requests).toEqual([
      expect.objectContaining({ actions: ['owner_task'], unconfirmed: ['owner_task'] }),
    ]);
    expect(result.completed.has(key)).toBe(true);
    expect(unconfirmed.size).toBe(0);
    expect((await state.handoffs.entries(key)).map((e) => e.state)).toEqual(['succeeded', 'succeeded']);
  });

  it('with no handoff actions configured every transition is complete and nothing is sent', async () => {
    const { adapter, requests } = fakeAdapter([]);
    const result = await handOff(adapter, state.handoffs, [transition('1')], new Map(), silentLogger());
    expect(requests).toEqual([]);
    expect(result.completed.has(transition('1').key)).toBe(true);
  });

  it('unconfirmedByKey only returns the connector’s own keys', async () => {
    await state.handoffs.begin(transition('1').key, 'owner_task');
    await state.handoffs.begin('salesforce:Lead:00Q1:mql:0:m@1', 'owner_task');
    expect([...(await unconfirmedByKey(state.handoffs, 'hubspot')).keys()]).toEqual([transition('1').key]);
  });

  it('an uncertain failure (the answer was lost, the adapter could not check) stays unconfirmed for the next run to verify', async () => {
    const adapter = {
      handoffActions: ['owner_task'],
      async handoff(batch: HandoffRequest[]): Promise<HandoffResult[]> {
        return batch.map((r) => ({
          key: r.transition.key,
          outcomes: [{ action: 'owner_task', ok: false, uncertain: true, detail: 'connection reset' }],
        }));
      },
    } as unknown as CrmAdapter;
    const result = await handOff(adapter, state.handoffs, [transition('1')], new Map(), silentLogger());
    expect(result.incomplete.has(transition('1').key)).toBe(true);
    expect((await state.handoffs.entries(transition('1').key)).map((e) => e.state)).toEqual(['started']);
    expect([...(await unconfirmedByKey(state.handoffs, 'hubspot')).keys()]).toEqual([transition('1').key]);
  });
});
