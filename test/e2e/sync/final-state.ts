import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { Clock } from '../../../src/http/clock.js';

/** Helpers for the sync e2e tests that compare a portal's end state with a reference portal's. */

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** What a sync leaves on a contact: the score properties and the handoff's lifecycle stage and lead status. */
export const SYNCED_PROPERTIES = [
  'leadscore_score',
  'leadscore_fit',
  'leadscore_engagement',
  'leadscore_grade',
  'leadscore_mql_status',
  'leadscore_reasons',
  'leadscore_model',
  'leadscore_scored_at',
  'lifecyclestage',
  'hs_lead_status',
] as const;

export type ContactState = Record<(typeof SYNCED_PROPERTIES)[number], string | undefined>;

/** Every contact's synced properties, by id. */
export function syncedState(sandbox: HubSpotSandbox): Map<string, ContactState> {
  return new Map(
    sandbox.store
      .listContacts()
      .map((c) => [
        c.id,
        Object.fromEntries(SYNCED_PROPERTIES.map((k) => [k, c.properties[k]])) as ContactState,
      ]),
  );
}

export interface StateDifference<State = ContactState> {
  id: string;
  actual?: State;
  expected?: State;
}

/** Records whose synced fields differ (or that only one CRM has); the first `limit` of them. */
export function differences<State>(
  actual: Map<string, State>,
  expected: Map<string, State>,
  limit = 5,
): { count: number; first: StateDifference<State>[] } {
  const ids = [...new Set([...actual.keys(), ...expected.keys()])];
  const differing = ids.filter((id) => JSON.stringify(actual.get(id)) !== JSON.stringify(expected.get(id)));
  return {
    count: differing.length,
    first: differing
      .slice(0, limit)
      .map((id) => ({ id, actual: actual.get(id), expected: expected.get(id) })),
  };
}

/** Owner tasks per associated contact id. */
export function tasksPerContact(sandbox: HubSpotSandbox): Map<string, number> {
  const counts = new Map<string, number>();
  for (const task of sandbox.store.listTasks())
    for (const id of task.contactIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** Ids of the contacts whose status property says mql, in ascending order. */
export function mqlIds(sandbox: HubSpotSandbox): string[] {
  return sandbox.store
    .listContacts()
    .filter((c) => c.properties.leadscore_mql_status === 'mql')
    .map((c) => c.id);
}

/** Record ids in ascending numeric order. */
export function sortedIds(ids: Iterable<string>): string[] {
  return [...ids].sort((a, b) => Number(a) - Number(b));
}

/**
 * A deployment file for one HubSpot connector against a sandbox, with its own state file in a fresh
 * temporary folder. Returns the file's path and the state file's.
 */
export function writeDeployment(options: {
  baseUrl: string;
  lockTtlSeconds?: number;
  perTenSeconds?: number;
}): { file: string; stateFile: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-sync-e2e-'));
  const stateFile = join(dir, 'state.sqlite');
  const file = join(dir, 'leadscore.yaml');
  writeFileSync(
    file,
    [
      `model: ${JSON.stringify(join(repoRoot, 'config', 'scoring.yaml'))}`,
      'state:',
      `  file: ${JSON.stringify(stateFile)}`,
      `  lockTtlSeconds: ${options.lockTtlSeconds ?? 120}`,
      'connectors:',
      '  hubspot:',
      `    baseUrl: ${JSON.stringify(options.baseUrl)}`,
      '    settings:',
      '      tier: professional',
      `      limits: { perTenSeconds: ${options.perTenSeconds ?? 1000} }`,
      '      engagements: { rollups: true, associations: true }',
      '      handoff:',
      '        lifecycle_stage: {}',
      '        lead_status: { value: OPEN }',
      '        owner_task: {}',
      '',
    ].join('\n'),
  );
  return { file, stateFile, dir };
}

/**
 * Scheduler time that passes without waiting: a sleep moves the clock on at once. Backoffs and the 10 s
 * waits after a rate-limit 429 then take no real time, while the scheduler decides exactly as it would.
 */
export function instantClock(start = Date.now()): Clock {
  let now = start;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += Math.max(0, ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** `leadscore setup --config FILE` for each deployment, through the test's own CLI runner; throws on a failure. */
export async function setUpDeployments(
  cli: (...args: string[]) => Promise<{ code: number; stderr: string }>,
  files: readonly string[],
): Promise<void> {
  for (const file of files) {
    const setup = await cli('setup', '--config', file);
    if (setup.code !== 0) throw new Error(`setup of ${file} failed: ${setup.stderr}`);
  }
}
