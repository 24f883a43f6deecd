import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runHubSpotHandoff } from '../../../connectors/hubspot/handoff-actions.js';
import { parseHubSpotHandoffConfig } from '../../../connectors/hubspot/handoff-config.js';
import { HubSpotApi } from '../../../connectors/hubspot/hubspot-api.js';
import { hubSpotPolicy } from '../../../connectors/hubspot/hubspot-policy.js';
import { HubSpotTokenSource } from '../../../connectors/hubspot/hubspot-token-source.js';
import { startHubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { CrmRecord, HubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type {
  HandoffAction,
  HandoffRequest,
  HandoffResult,
  Transition,
} from '../../../src/connector/crm-adapter.js';
import type { Clock } from '../../../src/http/clock.js';
import { RequestScheduler } from '../../../src/http/request-scheduler.js';

/**
 * Retries after a crash: actions the ledger marked started but never saw finish come back `unconfirmed`, and
 * the non-idempotent ones (owner_task, workflow) must not be done twice.
 */

const NOW = new Date('2026-06-15T12:00:00.000Z');
const REASONS = '+30 Demo or quote request · +20 Decision-maker role';
const WORKFLOW_ID = '4242';
const ASSOCIATIONS = 'POST /crm/v4/associations/contacts/{toObjectType}/batch/read';
const CREATE_TASKS = 'POST /crm/v3/objects/tasks/batch/create';

let sandbox: HubSpotSandbox;
let contacts: CrmRecord[];
let nextContact = 0;

function takeContact(): CrmRecord {
  const contact = contacts[nextContact++];
  if (!contact) throw new Error('the sandbox ran out of seeded contacts');
  return contact;
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

function api(): HubSpotApi {
  const tokens = new HubSpotTokenSource(
    { kind: 'private-app', accessToken: sandbox.privateAppToken },
    sandbox.url,
  );
  const scheduler = new RequestScheduler({
    policy: hubSpotPolicy({ perTenSeconds: 1000, searchPerSecond: 4, concurrency: 5 }),
    clock: instantClock(),
  });
  return new HubSpotApi(tokens, scheduler, sandbox.url);
}

const keyOf = (contact: CrmRecord, model = 'b2b-default@3') =>
  `hubspot:contact:${contact.id}:became_mql:${model}`;

function transition(contact: CrmRecord, model = 'b2b-default@3'): Transition {
  return {
    key: keyOf(contact, model),
    ref: { crm: 'hubspot', object: 'contact', id: contact.id },
    kind: 'became_mql',
    model,
    score: 87,
    grade: 'A',
    reasons: REASONS,
    ownerId: '70000003',
    email: contact.properties.email ?? undefined,
    at: NOW,
  };
}

const request = (
  contact: CrmRecord,
  actions: HandoffAction[],
  unconfirmed?: HandoffAction[],
  model?: string,
): HandoffRequest => ({
  transition: transition(contact, model),
  actions,
  ...(unconfirmed ? { unconfirmed } : {}),
});

function handoff(requests: HandoffRequest[]): Promise<HandoffResult[]> {
  const config = parseHubSpotHandoffConfig({ owner_task: {}, workflow: { workflowId: WORKFLOW_ID } });
  return runHubSpotHandoff(api(), config, requests, { now: () => NOW });
}

function outcome(result: HandoffResult | undefined, action: HandoffAction) {
  const found = result?.outcomes.find((o) => o.action === action);
  if (!found) throw new Error(`no outcome for ${action}`);
  return found;
}

const tasksOf = (contactId: string) =>
  sandbox.store.listTasks().filter((t) => t.contactIds.includes(contactId));
const enrollmentsOf = (email: string | null | undefined) =>
  sandbox.store.listEnrollments().filter((e) => e.email === email);

beforeAll(async () => {
  sandbox = await startHubSpotSandbox({ contacts: 50, limits: { perTenSeconds: 1000 } });
  contacts = sandbox.store.listContacts();
});
afterAll(async () => {
  await sandbox.stop();
});

describe('HubSpot handoff retries of unconfirmed actions', () => {
  describe('owner_task', () => {
    it("the task's body ends with a line naming the transition", async () => {
      const contact = takeContact();
      const [result] = await handoff([request(contact, ['owner_task'])]);

      expect(outcome(result, 'owner_task').ok).toBe(true);
      const body = tasksOf(contact.id)[0]?.properties.hs_task_body ?? '';
      expect(body.split('\n').at(-1)).toBe(`leadscore transition ${keyOf(contact)}`);
      expect(body.startsWith(REASONS)).toBe(true);
    });

    it('a task created by an attempt that crashed before recording it is found, not created again', async () => {
      const contact = takeContact();
      const [first] = await handoff([request(contact, ['owner_task'])]);
      expect(outcome(first, 'owner_task').ok).toBe(true);
      const [created] = tasksOf(contact.id);

      sandbox.resetStats();
      const [retry] = await handoff([request(contact, ['owner_task'], ['owner_task'])]);

      expect(outcome(retry, 'owner_task')).toEqual({
        action: 'owner_task',
        ok: true,
        detail: `task already created by an earlier attempt (task ${created?.id})`,
      });
      expect(tasksOf(contact.id)).toHaveLength(1);
      expect(sandbox.stats().calls[CREATE_TASKS]).toBeUndefined();
    });

    it('unconfirmed with no earlier task: created once, and a further retry finds it', async () => {
      const [a, b] = [takeContact(), takeContact()];
      sandbox.resetStats();
      const first = await handoff([a, b].map((c) => request(c, ['owner_task'], ['owner_task'])));

      expect(first.map((r) => outcome(r, 'owner_task'))).toEqual([
        { action: 'owner_task', ok: true, detail: expect.stringMatching(/^task \d+ created for owner/) },
        { action: 'owner_task', ok: true, detail: expect.stringMatching(/^task \d+ created for owner/) },
      ]);
      expect(sandbox.stats().calls[ASSOCIATIONS]).toBe(1);
      expect(tasksOf(a.id)).toHaveLength(1);
      expect(tasksOf(b.id)).toHaveLength(1);

      const [again] = await handoff([request(a, ['owner_task'], ['owner_task'])]);
      expect(outcome(again, 'owner_task').detail).toMatch(/^task already created by an earlier attempt/);
      expect(tasksOf(a.id)).toHaveLength(1);
    });

    it("another transition's task of the same contact (even a key it starts with) does not count", async () => {
      const contact = takeContact();
      await handoff([request(contact, ['owner_task'], undefined, 'b2b-default@30')]);
      const [retry] = await handoff([request(contact, ['owner_task'], ['owner_task'], 'b2b-default@3')]);

      expect(outcome(retry, 'owner_task').detail).toMatch(/^task \d+ created/);
      expect(tasksOf(contact.id)).toHaveLength(2);
    });

    it('when the check cannot be made, nothing is created and the outcome says why', async () => {
      const contact = takeContact();
      sandbox.setFaults({ serverErrors: 1, serverErrorStatuses: [503] });
      sandbox.resetStats();
      let result: HandoffResult | undefined;
      try {
        [result] = await handoff([request(contact, ['owner_task'], ['owner_task'])]);
      } finally {
        sandbox.setFaults({});
      }

      expect(outcome(result, 'owner_task')).toEqual({
        action: 'owner_task',
        ok: false,
        detail: expect.stringMatching(
          /^task not created: could not check for a task from an earlier attempt \(HubSpot answered 503/,
        ),
      });
      expect(sandbox.stats().calls[CREATE_TASKS]).toBeUndefined();
      expect(tasksOf(contact.id)).toEqual([]);
    });
  });

  describe('workflow', () => {
    it('an unconfirmed enrollment is not repeated, with a reason, while a confirmed-missing one runs', async () => {
      const [crashed, fresh] = [takeContact(), takeContact()];
      await handoff([request(crashed, ['workflow'])]);
      const [retry, other] = await handoff([
        request(crashed, ['workflow', 'owner_task'], ['workflow']),
        request(fresh, ['workflow']),
      ]);

      expect(outcome(retry, 'workflow')).toEqual({
        action: 'workflow',
        ok: false,
        detail: `not enrolled in workflow ${WORKFLOW_ID} again: an earlier enrollment attempt may have succeeded; not repeated — check the workflow's enrollment history`,
      });
      expect(outcome(retry, 'owner_task').ok).toBe(true);
      expect(enrollmentsOf(crashed.properties.email)).toHaveLength(1);
      expect(outcome(other, 'workflow')).toMatchObject({ ok: true });
      expect(enrollmentsOf(fresh.properties.email)).toHaveLength(1);
    });

    it('an unconfirmed enrollment that never happened is not made either (at most one enrollment)', async () => {
      const contact = takeContact();
      const [result] = await handoff([request(contact, ['workflow'], ['workflow'])]);

      expect(outcome(result, 'workflow').ok).toBe(false);
      expect(enrollmentsOf(contact.properties.email)).toEqual([]);
    });
  });
});
