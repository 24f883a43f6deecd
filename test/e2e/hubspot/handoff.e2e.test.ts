import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runHubSpotHandoff } from '../../../connectors/hubspot/handoff-actions.js';
import { parseHubSpotHandoffConfig } from '../../../connectors/hubspot/handoff-config.js';
import type { HubSpotHandoffConfigInput } from '../../../connectors/hubspot/handoff-config.js';
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

const NOW = new Date('2026-06-15T12:00:00.000Z');
const REASONS = '+30 Demo or quote request · +20 Decision-maker role · +15 Target industry';
const SECRET = 'whsec-7f3a9c2e1b';
const WORKFLOW_ID = '4242';
const ALL: HandoffAction[] = ['lifecycle_stage', 'lead_status', 'owner_task', 'workflow', 'webhook'];

let sandbox: HubSpotSandbox;
let hook: WebhookReceiver;
let contacts: CrmRecord[];
let nextContact = 0;

/** A fresh seeded contact per use, so the tests do not depend on each other's writes. */
function takeContact(properties: Record<string, string | null> = {}): CrmRecord {
  const contact = contacts[nextContact++];
  if (!contact) throw new Error('the sandbox ran out of seeded contacts');
  return sandbox.store.editContact(contact.id, properties);
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

function api(clock?: Clock): HubSpotApi {
  const tokens = new HubSpotTokenSource(
    { kind: 'private-app', accessToken: sandbox.privateAppToken },
    sandbox.url,
  );
  const scheduler = new RequestScheduler({
    policy: hubSpotPolicy({ perTenSeconds: 1000, searchPerSecond: 4, concurrency: 5 }),
    ...(clock ? { clock } : {}),
  });
  return new HubSpotApi(tokens, scheduler, sandbox.url);
}

function transition(contact: CrmRecord, over: Partial<Transition> = {}): Transition {
  return {
    key: `hubspot:contact:${contact.id}:became_mql:b2b-default@3`,
    ref: { crm: 'hubspot', object: 'contact', id: contact.id },
    kind: 'became_mql',
    model: 'b2b-default@3',
    score: 87,
    grade: 'A',
    reasons: REASONS,
    ownerId: '70000003',
    email: contact.properties.email,
    at: NOW,
    ...over,
  };
}

const request = (
  contact: CrmRecord,
  actions: HandoffAction[],
  over: Partial<Transition> = {},
): HandoffRequest => ({
  transition: transition(contact, over),
  actions,
});

function config(over: HubSpotHandoffConfigInput = {}) {
  return parseHubSpotHandoffConfig({
    lifecycle_stage: {},
    lead_status: {},
    owner_task: {},
    workflow: { workflowId: WORKFLOW_ID },
    webhook: { url: hook.url, timeoutMs: 2_000 },
    ...over,
  });
}

function handoff(requests: HandoffRequest[], over: HubSpotHandoffConfigInput = {}): Promise<HandoffResult[]> {
  return runHubSpotHandoff(api(), config(over), requests, { now: () => NOW });
}

function outcome(result: HandoffResult | undefined, action: HandoffAction) {
  const found = result?.outcomes.find((o) => o.action === action);
  if (!found) throw new Error(`no outcome for ${action}`);
  return found;
}

const tasksOf = (contactId: string) =>
  sandbox.store.listTasks().filter((t) => t.contactIds.includes(contactId));
const enrollmentsOf = (email: string | undefined) =>
  sandbox.store.listEnrollments().filter((e) => e.email === email);

interface WebhookReceiver {
  url: string;
  status: number;
  /** Milliseconds to wait before answering. */
  delayMs: number;
  received: { url: string; headers: IncomingHttpHeaders; body: unknown }[];
  close(): Promise<void>;
}

/** A receiver on 127.0.0.1 whose URL carries a secret token in its path and query, as real webhook URLs do. */
async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver = { status: 200, delayMs: 0, received: [] } as unknown as WebhookReceiver;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      receiver.received.push({ url: req.url ?? '', headers: req.headers, body: JSON.parse(text) as unknown });
      setTimeout(() => {
        res.writeHead(receiver.status, { 'content-type': 'text/plain' });
        res.end(`echo ${req.url ?? ''}`);
      }, receiver.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${port}/hooks/${SECRET}?token=${SECRET}`;
  receiver.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

beforeAll(async () => {
  sandbox = await startHubSpotSandbox({ contacts: 400, limits: { perTenSeconds: 1000 } });
  hook = await startWebhookReceiver();
  contacts = sandbox.store.listContacts();
});
afterAll(async () => {
  await hook.close();
  await sandbox.stop();
});

describe('HubSpot MQL handoff against the sandbox', () => {
  describe('lifecycle_stage', () => {
    it('moves a lead (or a contact without a stage) forward to marketingqualifiedlead', async () => {
      const lead = takeContact({ lifecyclestage: 'lead' });
      const blank = takeContact({ lifecyclestage: null });
      const [a, b] = await handoff([request(lead, ['lifecycle_stage']), request(blank, ['lifecycle_stage'])]);

      expect(outcome(a, 'lifecycle_stage')).toEqual({
        action: 'lifecycle_stage',
        ok: true,
        detail: 'lifecyclestage set to marketingqualifiedlead (was lead)',
      });
      expect(outcome(b, 'lifecycle_stage')).toMatchObject({
        ok: true,
        detail: expect.stringContaining('was empty'),
      });
      expect(sandbox.store.getContact(lead.id)?.properties.lifecyclestage).toBe('marketingqualifiedlead');
      expect(sandbox.store.getContact(blank.id)?.properties.lifecyclestage).toBe('marketingqualifiedlead');
    });

    it('never moves a stage backwards: opportunity, customer and MQL itself are left as they are', async () => {
      const opportunity = takeContact({ lifecyclestage: 'opportunity' });
      const customer = takeContact({ lifecyclestage: 'customer' });
      const mql = takeContact({ lifecyclestage: 'marketingqualifiedlead' });
      const results = await handoff([opportunity, customer, mql].map((c) => request(c, ['lifecycle_stage'])));

      expect(results.map((r) => outcome(r, 'lifecycle_stage'))).toEqual([
        { action: 'lifecycle_stage', ok: true, detail: 'already opportunity' },
        { action: 'lifecycle_stage', ok: true, detail: 'already customer' },
        { action: 'lifecycle_stage', ok: true, detail: 'already marketingqualifiedlead' },
      ]);
      expect(sandbox.store.getContact(opportunity.id)?.properties.lifecyclestage).toBe('opportunity');
      expect(sandbox.store.getContact(customer.id)?.properties.lifecyclestage).toBe('customer');
      expect(sandbox.store.getContact(opportunity.id)?.updatedAt).toBe(opportunity.updatedAt);
    });

    it('never overwrites "other" or a custom stage it cannot place in the order', async () => {
      const other = takeContact({ lifecyclestage: 'other' });
      const [result] = await handoff([request(other, ['lifecycle_stage'])]);

      expect(outcome(result, 'lifecycle_stage')).toMatchObject({
        ok: true,
        detail: 'left at other: not in the lifecycle order, so never overwritten',
      });
      expect(sandbox.store.getContact(other.id)?.properties.lifecyclestage).toBe('other');
    });
  });

  describe('lead_status', () => {
    it('sets hs_lead_status to the configured value (OPEN by default)', async () => {
      const contact = takeContact({ hs_lead_status: 'NEW' });
      const [result] = await handoff([request(contact, ['lead_status'])]);

      expect(outcome(result, 'lead_status')).toEqual({
        action: 'lead_status',
        ok: true,
        detail: 'hs_lead_status set to OPEN (was NEW)',
      });
      expect(sandbox.store.getContact(contact.id)?.properties.hs_lead_status).toBe('OPEN');
    });

    it('leaves a status the configuration preserves', async () => {
      const connected = takeContact({ hs_lead_status: 'CONNECTED' });
      const [result] = await handoff([request(connected, ['lead_status'])], {
        lead_status: { value: 'NEW', preserve: ['CONNECTED', 'OPEN_DEAL'] },
      });

      expect(outcome(result, 'lead_status')).toMatchObject({
        ok: true,
        detail: expect.stringContaining('preserved'),
      });
      expect(sandbox.store.getContact(connected.id)?.properties.hs_lead_status).toBe('CONNECTED');
    });

    it('a value HubSpot rejects fails lead_status alone; the lifecycle stages in the same batch are written', async () => {
      const first = takeContact({ lifecyclestage: 'subscriber', hs_lead_status: 'NEW' });
      const second = takeContact({ lifecyclestage: 'lead', hs_lead_status: 'NEW' });
      const results = await handoff(
        [first, second].map((c) => request(c, ['lifecycle_stage', 'lead_status'])),
        { lead_status: { value: 'HOT_LEAD' } },
      );

      for (const [index, contact] of [first, second].entries()) {
        expect(outcome(results[index], 'lifecycle_stage').ok).toBe(true);
        expect(outcome(results[index], 'lead_status')).toMatchObject({
          ok: false,
          detail: expect.stringMatching(
            /^not written: HubSpot answered 400 VALIDATION_ERROR: Property values were not valid/,
          ),
        });
        expect(sandbox.store.getContact(contact.id)?.properties).toMatchObject({
          lifecyclestage: 'marketingqualifiedlead',
          hs_lead_status: 'NEW',
        });
      }
    });
  });

  describe('owner_task', () => {
    it("creates a task for the transition's owner, associated with the contact, with the reasons as its body", async () => {
      const contact = takeContact({ firstname: 'Ada', lastname: 'Lovelace', hubspot_owner_id: '70000001' });
      const [result] = await handoff([request(contact, ['owner_task'])]);

      expect(outcome(result, 'owner_task')).toMatchObject({
        ok: true,
        detail: expect.stringMatching(/^task \d+ created for owner 70000003, due 2026-06-16T12:00:00.000Z$/),
      });
      const tasks = tasksOf(contact.id);
      expect(tasks).toHaveLength(1);
      expect(tasks[0]?.contactIds).toEqual([contact.id]);
      expect(tasks[0]?.properties).toMatchObject({
        hs_task_subject: 'MQL: Ada Lovelace scored 87',
        hs_task_body: `${REASONS}\n\nleadscore transition hubspot:contact:${contact.id}:became_mql:b2b-default@3`,
        hubspot_owner_id: '70000003',
        hs_timestamp: '2026-06-16T12:00:00.000Z',
        hs_task_status: 'NOT_STARTED',
        hs_task_priority: 'HIGH',
      });
    });

    it("falls back to the contact's owner, and follows the subject template and due hours", async () => {
      const contact = takeContact({ hubspot_owner_id: '70000005' });
      const [result] = await handoff([request(contact, ['owner_task'], { ownerId: undefined, grade: 'B' })], {
        owner_task: {
          subject: 'Call {email} ({grade}, {score} on {model})',
          dueInHours: 4,
          priority: 'MEDIUM',
        },
      });

      expect(outcome(result, 'owner_task').ok).toBe(true);
      expect(tasksOf(contact.id)[0]?.properties).toMatchObject({
        hs_task_subject: `Call ${contact.properties.email} (B, 87 on b2b-default@3)`,
        hubspot_owner_id: '70000005',
        hs_timestamp: '2026-06-15T16:00:00.000Z',
        hs_task_priority: 'MEDIUM',
      });
    });

    it('reports a contact HubSpot does not have, and creates nothing', async () => {
      const ghost = { ...contacts[0]!, id: '999999999' };
      const [result] = await handoff([request(ghost, ['owner_task', 'lifecycle_stage'])]);

      expect(result?.outcomes).toEqual([
        { action: 'owner_task', ok: false, detail: 'contact 999999999 not found in HubSpot' },
        { action: 'lifecycle_stage', ok: false, detail: 'contact 999999999 not found in HubSpot' },
      ]);
      expect(tasksOf('999999999')).toEqual([]);
    });
  });

  describe('workflow', () => {
    it("enrolls the contact's email in the configured workflow", async () => {
      const contact = takeContact();
      const [result] = await handoff([request(contact, ['workflow'])]);

      expect(outcome(result, 'workflow')).toEqual({
        action: 'workflow',
        ok: true,
        detail: `enrolled in workflow ${WORKFLOW_ID}`,
      });
      expect(enrollmentsOf(contact.properties.email)).toEqual([
        { workflowId: WORKFLOW_ID, email: contact.properties.email, enrolledAt: expect.any(String) },
      ]);
    });

    it('a contact without an email is not enrolled, and says why', async () => {
      const contact = takeContact({ email: null });
      const [result] = await handoff([request(contact, ['workflow', 'lead_status'], { email: undefined })]);

      expect(outcome(result, 'workflow')).toEqual({
        action: 'workflow',
        ok: false,
        detail: 'contact has no email address; HubSpot enrolls contacts in workflows by email',
      });
      expect(outcome(result, 'lead_status').ok).toBe(true);
    });
  });

  describe('when HubSpot fails', () => {
    it("an email HubSpot does not know is not enrolled, with HubSpot's 404 as the reason", async () => {
      const contact = takeContact();
      const [result] = await handoff([request(contact, ['workflow'], { email: 'nobody@example.invalid' })]);

      expect(outcome(result, 'workflow')).toEqual({
        action: 'workflow',
        ok: false,
        detail: `not enrolled in workflow ${WORKFLOW_ID}: HubSpot answered 404 OBJECT_NOT_FOUND: No contact with email nobody@example.invalid`,
      });
      expect(enrollmentsOf('nobody@example.invalid')).toEqual([]);
    });

    it('a 5xx on creating a task is reported as uncertain (it may exist) and not resent blindly; failed reads fail only what needs them', async () => {
      const contact = takeContact({ lifecyclestage: 'lead' });
      sandbox.setFaults({ serverErrors: 1, serverErrorStatuses: [503] });
      sandbox.resetStats();
      let result: HandoffResult | undefined;
      try {
        [result] = await runHubSpotHandoff(
          api(instantClock()),
          config(),
          [request(contact, ['lifecycle_stage', 'owner_task'])],
          { now: () => NOW },
        );
      } finally {
        sandbox.setFaults({});
      }

      expect(result?.outcomes).toEqual([
        {
          action: 'lifecycle_stage',
          ok: false,
          detail: expect.stringMatching(/^could not read the contact: HubSpot answered 503/),
        },
        {
          action: 'owner_task',
          ok: false,
          uncertain: true,
          detail: expect.stringMatching(/^task may not have been created: HubSpot answered 503/),
        },
      ]);
      expect(sandbox.stats().calls['POST /crm/v3/objects/tasks/batch/create']).toBe(1);
      expect(sandbox.stats().calls['POST /crm/v3/objects/contacts/batch/read']).toBeGreaterThan(1);
      expect(sandbox.store.getContact(contact.id)?.properties.lifecyclestage).toBe('lead');
    });
  });

  describe('webhook', () => {
    it('POSTs the transition as JSON with its key as Idempotency-Key', async () => {
      hook.status = 200;
      hook.received.length = 0;
      const contact = takeContact();
      const [result] = await handoff([request(contact, ['webhook'])]);

      expect(outcome(result, 'webhook')).toEqual({
        action: 'webhook',
        ok: true,
        detail: 'webhook answered HTTP 200',
      });
      expect(hook.received).toHaveLength(1);
      expect(hook.received[0]?.headers).toMatchObject({
        'content-type': 'application/json',
        'idempotency-key': transition(contact).key,
      });
      expect(hook.received[0]?.body).toEqual({
        event: 'became_mql',
        key: transition(contact).key,
        crm: 'hubspot',
        object: 'contact',
        id: contact.id,
        email: contact.properties.email,
        score: 87,
        grade: 'A',
        reasons: REASONS,
        model: 'b2b-default@3',
        at: NOW.toISOString(),
      });
    });

    it('a receiver answering 500 fails the webhook with the status only; every other action still succeeds', async () => {
      hook.status = 500;
      const contact = takeContact({ lifecyclestage: 'lead', hs_lead_status: 'NEW' });
      const [result] = await handoff([request(contact, ALL)]);
      hook.status = 200;

      expect(result?.outcomes).toEqual([
        { action: 'lifecycle_stage', ok: true, detail: expect.any(String) },
        { action: 'lead_status', ok: true, detail: expect.any(String) },
        { action: 'owner_task', ok: true, detail: expect.any(String) },
        { action: 'workflow', ok: true, detail: expect.any(String) },
        { action: 'webhook', ok: false, detail: 'webhook answered HTTP 500' },
      ]);
      expect(JSON.stringify(result)).not.toContain(SECRET);
      expect(tasksOf(contact.id)).toHaveLength(1);
      expect(enrollmentsOf(contact.properties.email)).toHaveLength(1);
    });

    it('a timeout or a refused connection names neither the URL nor its secret', async () => {
      const contact = takeContact();
      hook.delayMs = 500;
      const [slow] = await handoff([request(contact, ['webhook'])], {
        webhook: { url: hook.url, timeoutMs: 100 },
      });
      hook.delayMs = 0;
      const closed = await startWebhookReceiver();
      await closed.close();
      const [refused] = await handoff([request(contact, ['webhook'])], { webhook: { url: closed.url } });

      expect(outcome(slow, 'webhook')).toEqual({
        action: 'webhook',
        ok: false,
        detail: 'webhook: no answer within 100 ms',
      });
      expect(outcome(refused, 'webhook')).toEqual({
        action: 'webhook',
        ok: false,
        detail: 'webhook: no answer (ECONNREFUSED)',
      });
      expect(JSON.stringify([slow, refused])).not.toContain(SECRET);
      expect(JSON.stringify([slow, refused])).not.toContain('127.0.0.1');
    });
  });

  describe('exactly the requested actions', () => {
    it('runs only the actions a request lists, in that order, each once', async () => {
      hook.received.length = 0;
      const contact = takeContact({ lifecyclestage: 'lead', hs_lead_status: 'NEW' });
      const [result] = await handoff([request(contact, ['lead_status', 'lead_status'])]);

      expect(result?.outcomes.map((o) => o.action)).toEqual(['lead_status']);
      expect(sandbox.store.getContact(contact.id)?.properties).toMatchObject({
        lifecyclestage: 'lead',
        hs_lead_status: 'OPEN',
      });
      expect(tasksOf(contact.id)).toEqual([]);
      expect(enrollmentsOf(contact.properties.email)).toEqual([]);
      expect(hook.received).toEqual([]);
    });

    it('a retry that lists only what failed before repeats nothing that succeeded', async () => {
      hook.status = 500;
      const contact = takeContact();
      const [first] = await handoff([request(contact, ['owner_task', 'workflow', 'webhook'])]);
      hook.status = 200;
      const failed = first?.outcomes.filter((o) => !o.ok).map((o) => o.action) ?? [];
      const [retry] = await handoff([request(contact, failed)]);

      expect(failed).toEqual(['webhook']);
      expect(retry?.outcomes).toEqual([{ action: 'webhook', ok: true, detail: 'webhook answered HTTP 200' }]);
      expect(tasksOf(contact.id)).toHaveLength(1);
      expect(enrollmentsOf(contact.properties.email)).toHaveLength(1);
    });

    it('an action switched off, or one HubSpot does not have, fails with a reason and does nothing', async () => {
      const contact = takeContact({ lifecyclestage: 'lead' });
      const [result] = await handoff([request(contact, ['lifecycle_stage', 'flow', 'owner_task'])], {
        lifecycle_stage: { enabled: false },
        owner_task: undefined,
      });

      expect(result?.outcomes).toEqual([
        {
          action: 'lifecycle_stage',
          ok: false,
          detail: 'lifecycle_stage is not enabled in the HubSpot handoff configuration',
        },
        { action: 'flow', ok: false, detail: 'flow is not a HubSpot handoff action' },
        {
          action: 'owner_task',
          ok: false,
          detail: 'owner_task is not enabled in the HubSpot handoff configuration',
        },
      ]);
      expect(sandbox.store.getContact(contact.id)?.properties.lifecyclestage).toBe('lead');
      expect(tasksOf(contact.id)).toEqual([]);
    });
  });

  it('150 transitions take at most 2 batch reads and 2 batch updates for lifecycle stage and lead status', async () => {
    const batch = Array.from({ length: 150 }, (_, i) =>
      takeContact({ lifecyclestage: i % 2 === 0 ? 'lead' : 'subscriber', hs_lead_status: 'NEW' }),
    );
    sandbox.resetStats();
    const results = await handoff(batch.map((c) => request(c, ['lifecycle_stage', 'lead_status'])));

    const calls = sandbox.stats().calls;
    expect(calls['POST /crm/v3/objects/contacts/batch/read']).toBeLessThanOrEqual(2);
    expect(calls['POST /crm/v3/objects/contacts/batch/update']).toBeLessThanOrEqual(2);
    expect(sandbox.stats().total).toBe(4);
    expect(results.flatMap((r) => r.outcomes).every((o) => o.ok)).toBe(true);
    for (const contact of batch) {
      expect(sandbox.store.getContact(contact.id)?.properties).toMatchObject({
        lifecyclestage: 'marketingqualifiedlead',
        hs_lead_status: 'OPEN',
      });
    }
  });
});
