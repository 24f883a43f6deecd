/**
 * Shared set-up for the Salesforce handoff tests against the sandbox: a SalesforceApi through jsforce and the
 * shared scheduler, MQL transitions of seeded records (each test takes fresh ones), and a webhook receiver.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runSalesforceHandoff } from '../../../connectors/salesforce/handoff-actions.js';
import { parseSalesforceHandoffConfig } from '../../../connectors/salesforce/handoff-config.js';
import type { SalesforceHandoffConfigInput } from '../../../connectors/salesforce/handoff-config.js';
import { SalesforceApi } from '../../../connectors/salesforce/salesforce-api.js';
import { salesforcePolicy } from '../../../connectors/salesforce/salesforce-policy.js';
import type { SalesforceSandbox, SObjectRecord } from '../../../connectors/salesforce/sandbox/index.js';
import type {
  HandoffAction,
  HandoffActionOutcome,
  HandoffRequest,
  HandoffResult,
  Transition,
} from '../../../src/connector/crm-adapter.js';
import { RequestScheduler } from '../../../src/http/request-scheduler.js';

export const NOW = new Date('2026-06-15T12:00:00.000Z');
export const REASONS = '+30 Demo or quote request · +20 Decision-maker role · +15 Target industry';
export const FLOW = 'LeadScore_MQL_Handoff';

export function api(sandbox: SalesforceSandbox): SalesforceApi {
  const scheduler = new RequestScheduler({ policy: salesforcePolicy({ concurrency: 5 }) });
  return new SalesforceApi(scheduler, {
    instanceUrl: sandbox.instanceUrl,
    accessToken: sandbox.accessToken,
    version: '59.0',
  });
}

/** Seeded records of a type, handed out once each, so the tests do not depend on each other's writes. */
export function recordPool(sandbox: SalesforceSandbox, type: 'Lead' | 'Contact') {
  const rows = sandbox.store.list(type).filter((r) => r.IsConverted !== true);
  let next = 0;
  return (fields: Record<string, string> = {}): SObjectRecord => {
    const row = rows[next++];
    if (!row) throw new Error(`the sandbox ran out of seeded ${type} records`);
    if (Object.keys(fields).length > 0) sandbox.store.update(String(row.Id), fields);
    return sandbox.store.get(String(row.Id))!;
  };
}

export function transition(record: SObjectRecord, over: Partial<Transition> = {}): Transition {
  const id = String(record.Id);
  const object = id.startsWith('003') ? 'Contact' : 'Lead';
  return {
    key: `salesforce:${object}:${id}:mql:1:b2b-default@3`,
    ref: { crm: 'salesforce', object, id },
    kind: 'became_mql',
    model: 'b2b-default@3',
    score: 87,
    grade: 'A',
    reasons: REASONS,
    email: typeof record.Email === 'string' ? record.Email : undefined,
    at: NOW,
    ...over,
  };
}

export const request = (
  record: SObjectRecord,
  actions: HandoffAction[],
  over: Partial<HandoffRequest> = {},
): HandoffRequest => ({ transition: transition(record), actions, ...over });

export function handoff(
  sandbox: SalesforceSandbox,
  config: SalesforceHandoffConfigInput,
  requests: HandoffRequest[],
): Promise<HandoffResult[]> {
  return runSalesforceHandoff(api(sandbox), parseSalesforceHandoffConfig(config), requests, {
    now: () => NOW,
  });
}

export function outcome(result: HandoffResult | undefined, action: HandoffAction): HandoffActionOutcome {
  const found = result?.outcomes.find((o) => o.action === action);
  if (!found) throw new Error(`no outcome for ${action}`);
  return found;
}

/** The tasks a handoff created on the record (the seeded org has other tasks on it). */
export const handoffTasksOf = (sandbox: SalesforceSandbox, whoId: string) =>
  sandbox.store
    .list('Task')
    .filter((t) => t.WhoId === whoId && String(t.Description).includes('leadscore transition '));

export interface WebhookReceiver {
  url: string;
  received: { url: string; headers: IncomingHttpHeaders; body: unknown }[];
  close(): Promise<void>;
}

/** A receiver on 127.0.0.1 whose URL carries a secret token, as real webhook URLs do. */
export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const received: WebhookReceiver['received'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
      received.push({ url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/${secret}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
