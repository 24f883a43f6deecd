import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HubSpotAdapter } from '../../../connectors/hubspot/hubspot-adapter.js';
import { parseHubSpotHandoffConfig } from '../../../connectors/hubspot/handoff-config.js';
import type { SyncReport } from '../../../src/sync/sync-types.js';
import { mqlIds, sortedIds, tasksPerContact } from './final-state.js';
import { startLossyProxy } from './lossy-proxy.js';
import type { LossyProxy } from './lossy-proxy.js';
import { HANDOFF, startHarness } from './sync-harness.js';
import type { Harness } from './sync-harness.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const now = () => NOW;
const CREATE_TASKS = '/crm/v3/objects/tasks/batch/create';

let h: Harness;
let proxy: LossyProxy;
let first: SyncReport;

/** The harness's adapter, but talking to HubSpot through the proxy. */
const adapter = () =>
  new HubSpotAdapter({
    baseUrl: proxy.url,
    mapping: h.mapping,
    credentials: { kind: 'private-app', accessToken: h.sandbox.privateAppToken },
    limits: { perTenSeconds: 1000, searchPerSecond: 50, concurrency: 5 },
    handoff: parseHubSpotHandoffConfig(HANDOFF),
    onProblem: () => {},
  });

beforeAll(async () => {
  h = await startHarness({
    sandbox: { contacts: 300, seed: 7, limits: { perTenSeconds: 1_000_000 }, now },
    now,
  });
  let created = 0;
  // HubSpot creates the first batch of owner tasks, and its answer never reaches leadscore.
  proxy = await startLossyProxy(
    h.sandbox.url,
    (method, path) => method === 'POST' && path === CREATE_TASKS && ++created === 1,
  );
  first = await h.sync({ kind: 'full' }, { adapter: adapter() });
}, 60_000);

afterAll(async () => {
  await proxy?.stop();
  await h?.close();
});

describe('a batch of owner tasks HubSpot created but whose answer was lost', () => {
  it('is found by the same run instead of being reported as not created: the contact is handed off and marked mql', () => {
    expect(proxy.lost).toEqual([`POST ${CREATE_TASKS}`]);
    expect(first.counts.failed).toBe(0);
    expect(sortedIds(tasksPerContact(h.sandbox).keys())).toEqual(mqlIds(h.sandbox));
  });

  it('is not created a second time by the next run', async () => {
    await h.sync({ kind: 'full' }, { adapter: adapter() });
    const tasks = tasksPerContact(h.sandbox);
    expect([...tasks].filter(([, count]) => count > 1)).toEqual([]);
    expect(sortedIds(tasks.keys())).toEqual(mqlIds(h.sandbox));
  });
});
