import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runHubSpotHandoff } from '../../../connectors/hubspot/handoff-actions.js';
import { parseHubSpotHandoffConfig } from '../../../connectors/hubspot/handoff-config.js';
import { HubSpotApi } from '../../../connectors/hubspot/hubspot-api.js';
import { hubSpotPolicy } from '../../../connectors/hubspot/hubspot-policy.js';
import { HubSpotTokenSource } from '../../../connectors/hubspot/hubspot-token-source.js';
import { startHubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { CrmRecord, HubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { HandoffRequest, HandoffResult } from '../../../src/connector/crm-adapter.js';
import { RequestScheduler } from '../../../src/http/request-scheduler.js';
import { startLossyProxy } from '../sync/lossy-proxy.js';
import type { LossyProxy } from '../sync/lossy-proxy.js';

/** Owner tasks go to HubSpot 100 per batch create, and stay exactly-once when a batch's answer is lost. */

const NOW = new Date('2026-06-15T12:00:00.000Z');
const REASONS = '+30 Demo or quote request · +20 Decision-maker role';
const CREATE_TASKS = '/crm/v3/objects/tasks/batch/create';
const LOOKUPS = [
  'POST /crm/v4/associations/contacts/{toObjectType}/batch/read',
  'POST /crm/v3/objects/{objectType}/batch/read',
];

let sandbox: HubSpotSandbox;
let contacts: CrmRecord[];
let nextContact = 0;

function takeContacts(n: number): CrmRecord[] {
  const taken = contacts.slice(nextContact, nextContact + n);
  nextContact += n;
  if (taken.length < n) throw new Error('the sandbox ran out of seeded contacts');
  return taken;
}

function api(baseUrl = sandbox.url): HubSpotApi {
  const tokens = new HubSpotTokenSource(
    { kind: 'private-app', accessToken: sandbox.privateAppToken },
    baseUrl,
  );
  const scheduler = new RequestScheduler({
    policy: hubSpotPolicy({ perTenSeconds: 1000, searchPerSecond: 4, concurrency: 5 }),
  });
  return new HubSpotApi(tokens, scheduler, baseUrl);
}

const keyOf = (contact: CrmRecord) => `hubspot:contact:${contact.id}:became_mql:b2b-default@3`;

function request(contact: CrmRecord, unconfirmed = false): HandoffRequest {
  return {
    transition: {
      key: keyOf(contact),
      ref: { crm: 'hubspot', object: 'contact', id: contact.id },
      kind: 'became_mql',
      model: 'b2b-default@3',
      score: 87,
      grade: 'A',
      reasons: REASONS,
      ownerId: '70000003',
      at: NOW,
    },
    actions: ['owner_task'],
    ...(unconfirmed ? { unconfirmed: ['owner_task' as const] } : {}),
  };
}

function handoff(requests: HandoffRequest[], through = api()): Promise<HandoffResult[]> {
  return runHubSpotHandoff(through, parseHubSpotHandoffConfig({ owner_task: {} }), requests, {
    now: () => NOW,
  });
}

const tasksOf = (contactId: string) =>
  sandbox.store.listTasks().filter((t) => t.contactIds.includes(contactId));
const outcomesOf = (results: HandoffResult[]) => results.map((r) => r.outcomes[0]);

beforeAll(async () => {
  sandbox = await startHubSpotSandbox({ contacts: 300, limits: { perTenSeconds: 100_000 } });
  contacts = sandbox.store.listContacts();
});
afterAll(async () => {
  await sandbox.stop();
});

describe('owner tasks by batch create', () => {
  it('250 MQL transitions take 3 batch creates: one task per contact, with its body, owner and association', async () => {
    const mqls = takeContacts(250);
    sandbox.resetStats();
    const results = await handoff(mqls.map((c) => request(c)));

    expect(sandbox.stats().calls).toEqual({
      'POST /crm/v3/objects/contacts/batch/read': 3,
      [`POST ${CREATE_TASKS}`]: 3,
    });
    expect(outcomesOf(results).filter((o) => !o?.ok)).toEqual([]);
    for (const contact of mqls) {
      const tasks = tasksOf(contact.id);
      expect(tasks).toHaveLength(1);
      expect(tasks[0]?.contactIds).toEqual([contact.id]);
      expect(tasks[0]?.properties).toMatchObject({
        hs_task_body: `${REASONS}\n\nleadscore transition ${keyOf(contact)}`,
        hubspot_owner_id: '70000003',
        hs_timestamp: '2026-06-16T12:00:00.000Z',
      });
    }
  });

  describe('a batch HubSpot created but whose answer was lost', () => {
    let proxy: LossyProxy;
    let batch: CrmRecord[];
    let first: HandoffResult[];

    beforeAll(async () => {
      let creates = 0;
      proxy = await startLossyProxy(
        sandbox.url,
        (method, path) => method === 'POST' && path === CREATE_TASKS && ++creates === 1,
      );
      batch = takeContacts(3);
      sandbox.resetStats();
      first = await handoff(
        batch.map((c) => request(c)),
        api(proxy.url),
      );
    });
    afterAll(async () => {
      await proxy.stop();
    });

    it('is found by the same attempt, not sent again: every task succeeds, once each', () => {
      expect(proxy.lost).toEqual([`POST ${CREATE_TASKS}`]);
      expect(sandbox.stats().calls[`POST ${CREATE_TASKS}`]).toBe(1);
      expect(outcomesOf(first)).toEqual(
        batch.map(() => ({
          action: 'owner_task',
          ok: true,
          detail: expect.stringMatching(
            /^task \d+ created for owner 70000003, .*\(found after: no answer from HubSpot/,
          ),
        })),
      );
      for (const contact of batch) expect(tasksOf(contact.id)).toHaveLength(1);
    });

    it('a retry of the same transitions as unconfirmed finds the tasks and creates none', async () => {
      sandbox.resetStats();
      const retry = await handoff(batch.map((c) => request(c, true)));

      expect(outcomesOf(retry).map((o) => o?.detail)).toEqual(
        batch.map((c) => `task already created by an earlier attempt (task ${tasksOf(c.id)[0]?.id})`),
      );
      expect(Object.keys(sandbox.stats().calls).sort()).toEqual(
        ['POST /crm/v3/objects/contacts/batch/read', ...LOOKUPS].sort(),
      );
      for (const contact of batch) expect(tasksOf(contact.id)).toHaveLength(1);
    });
  });
});
