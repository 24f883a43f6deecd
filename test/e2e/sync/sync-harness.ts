import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HubSpotAdapter } from '../../../connectors/hubspot/hubspot-adapter.js';
import type { HubSpotHandoffConfigInput } from '../../../connectors/hubspot/handoff-config.js';
import { parseHubSpotHandoffConfig } from '../../../connectors/hubspot/handoff-config.js';
import { startHubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { HubSpotSandbox, SandboxOptions } from '../../../connectors/hubspot/sandbox/index.js';
import { HUBSPOT_SALES_FEEDBACK } from '../../../src/config/deployment-schema.js';
import { loadMapping } from '../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../src/mapping/mapping-schema.js';
import { silentLogger } from '../../../src/ops/logger.js';
import type { CompiledModel } from '../../../src/scoring/compile-model.js';
import { loadModel } from '../../../src/scoring/load-model.js';
import { SqliteStateStore } from '../../../src/state/index.js';
import type { StateStore } from '../../../src/state/index.js';
import { runSync } from '../../../src/sync/run-sync.js';
import type { SyncOptions, SyncReport, SyncScope } from '../../../src/sync/sync-types.js';

export const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/** The handoff a demanding admin switches on: lifecycle stage, lead status and a task for the owner. */
export const HANDOFF: HubSpotHandoffConfigInput = {
  lifecycle_stage: {},
  lead_status: { value: 'OPEN' },
  owner_task: {},
};

export interface Harness {
  sandbox: HubSpotSandbox;
  state: StateStore;
  model: CompiledModel;
  mapping: Mapping;
  dir: string;
  adapter(): HubSpotAdapter;
  sync(scope: SyncScope, over?: Partial<SyncOptions>): Promise<SyncReport>;
  close(): Promise<void>;
}

export async function startHarness(options: {
  sandbox: SandboxOptions;
  handoff?: HubSpotHandoffConfigInput;
  now: () => Date;
}): Promise<Harness> {
  const sandbox = await startHubSpotSandbox(options.sandbox);
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-sync-'));
  const state = await SqliteStateStore.open({
    file: join(dir, 'state.sqlite'),
    now: () => options.now().getTime(),
  });
  const mapping = await loadMapping(root('mappings/hubspot.yaml'));
  const model = (await loadModel(root('config/scoring.yaml'))).compiled;
  const handoff = parseHubSpotHandoffConfig(options.handoff ?? HANDOFF);
  const adapter = () =>
    new HubSpotAdapter({
      baseUrl: sandbox.url,
      mapping,
      credentials: { kind: 'private-app', accessToken: sandbox.privateAppToken },
      limits: { perTenSeconds: 1000, searchPerSecond: 50, concurrency: 5 },
      handoff,
      onProblem: () => {},
    });
  await adapter().provision();
  return {
    sandbox,
    state,
    model,
    mapping,
    dir,
    adapter,
    sync: (scope, over = {}) =>
      runSync({
        connector: 'hubspot',
        adapter: adapter(),
        model,
        state,
        scope,
        lifecycle: { hysteresis: 10, salesFeedback: HUBSPOT_SALES_FEEDBACK },
        now: options.now,
        logger: silentLogger(),
        lockWaitMs: 0,
        ...over,
      }),
    async close() {
      await state.close();
      await sandbox.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The score properties of every contact, by id: the CRM's final state as a rep sees it. */
export function scoreState(sandbox: HubSpotSandbox): Map<string, Record<string, string | null | undefined>> {
  const keys = [
    'leadscore_score',
    'leadscore_grade',
    'leadscore_mql_status',
    'leadscore_reasons',
    'lifecyclestage',
  ];
  return new Map(
    sandbox.store
      .listContacts()
      .map((c) => [c.id, Object.fromEntries(keys.map((k) => [k, c.properties[k]]))]),
  );
}
