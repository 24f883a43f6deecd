/**
 * Shared set-up for the owner-task contract tests: the adapter with only owner_task switched on, MQL
 * transitions of the contacts in contacts-batch-read.json (Ada 101, Grace 102), and answers built from the
 * tasks fixtures.
 */
import type nock from 'nock';
import { parseHubSpotHandoffConfig } from '../../../../connectors/hubspot/handoff-config.js';
import { HubSpotAdapter } from '../../../../connectors/hubspot/hubspot-adapter.js';
import type { HandoffRequest, HandoffResult } from '../../../../src/connector/crm-adapter.js';
import type { Mapping } from '../../../../src/mapping/mapping-schema.js';
import { BASE_URL, fixture, privateApp, type Json, type Sent } from './contract-harness.js';

export const CONTACTS_READ = '/crm/v3/objects/contacts/batch/read';
export const CREATE = '/crm/v3/objects/tasks/batch/create';
export const ASSOCIATIONS = '/crm/v4/associations/contacts/tasks/batch/read';
export const TASKS_READ = '/crm/v3/objects/tasks/batch/read';
export const REASONS = '+30 Demo or quote request · +20 Decision-maker role';
const NOW = new Date('2026-06-15T12:00:00.000Z');

/** The adapter as the CLI builds it, with only the owner task switched on. */
export function handoff(mapping: Mapping, requests: HandoffRequest[]): Promise<HandoffResult[]> {
  const adapter = new HubSpotAdapter({
    baseUrl: BASE_URL,
    mapping: { ...mapping, engagements: {} },
    credentials: privateApp,
    limits: { perTenSeconds: 190, searchPerSecond: 4, concurrency: 1 },
    handoff: parseHubSpotHandoffConfig({ owner_task: {} }),
    onProblem: () => {},
  });
  return adapter.handoff(requests);
}

export const keyOf = (id: string) => `hubspot:contact:${id}:became_mql:b2b-default@3`;

export function request(id: string): HandoffRequest {
  return {
    transition: {
      key: keyOf(id),
      ref: { crm: 'hubspot', object: 'contact', id },
      kind: 'became_mql',
      model: 'b2b-default@3',
      score: 87,
      grade: 'A',
      reasons: REASONS,
      ownerId: '70000003',
      at: NOW,
    },
    actions: ['owner_task'],
  };
}

export const outcomesOf = (results: HandoffResult[]) => results.map((r) => r.outcomes[0]);
export const contactOf = (input: Json): string => input.associations[0].to.id;
export const contactsOf = (sent: Sent): string[] => sent.body.inputs.map(contactOf);

/** The contacts batch read of Ada (101) and Grace (102), contacts-batch-read.json. */
export const readAdaAndGrace = (scope: nock.Scope) =>
  scope.post(CONTACTS_READ).reply(200, fixture('contacts-batch-read.json'));

/** The fixture's results whose bodies name these contacts' transitions. */
export function createdFor(...ids: string[]): [number, Json] {
  const body = fixture('tasks-batch-create-201.json');
  body.results = body.results.filter((r: Json) =>
    ids.some((id) => r.properties.hs_task_body.endsWith(keyOf(id))),
  );
  return [201, body];
}
