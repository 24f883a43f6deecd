import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONNECTORS } from '../../../connectors/registry.js';
import { startHubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { HubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import { loadPredictiveModel } from '../../../src/predictive/index.js';
import { runCapturedWith } from '../../unit/cli/run-captured.js';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const savedToken = process.env.HUBSPOT_ACCESS_TOKEN;
let sandbox: HubSpotSandbox;
let dir: string;
let config: string;

beforeAll(async () => {
  sandbox = await startHubSpotSandbox({ contacts: 400, seed: 9, limits: { perTenSeconds: 5000 } });
  dir = mkdtempSync(join(tmpdir(), 'leadscore-train-crm-'));
  config = join(dir, 'leadscore.yaml');
  writeFileSync(
    config,
    [
      `model: ${root('config/scoring.yaml')}`,
      `state: { file: ${join(dir, 'state.sqlite')} }`,
      'connectors:',
      '  hubspot:',
      `    baseUrl: ${sandbox.url}`,
      '    settings: { limits: { perTenSeconds: 5000 } }',
    ].join('\n'),
  );
});
afterEach(() => {
  if (savedToken === undefined) delete process.env.HUBSPOT_ACCESS_TOKEN;
  else process.env.HUBSPOT_ACCESS_TOKEN = savedToken;
});
afterAll(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('leadscore train --connector hubspot', () => {
  it('trains on the CRM history (converted = opportunity, customer or evangelist) and never on fields sales sets', async () => {
    process.env.HUBSPOT_ACCESS_TOKEN = sandbox.privateAppToken;
    expect((await runCapturedWith(CONNECTORS, 'setup', '--config', config)).code).toBe(0);
    const out = join(dir, 'crm.predictive.json');
    const run = await runCapturedWith(
      CONNECTORS,
      'train',
      '--connector',
      'hubspot',
      '--config',
      config,
      '--out',
      out,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('on 400 leads');
    const model = await loadPredictiveModel(out);
    const columns = new Set(model.features.map((f) => f.column));
    for (const leaky of ['lifecycleStage', 'leadStatus', 'ownerId']) expect(columns.has(leaky)).toBe(false);
    expect([...columns].some((c) => c.endsWith('.count'))).toBe(true);
  });

  it('refuses --connector together with --input', async () => {
    const run = await runCapturedWith(
      CONNECTORS,
      'train',
      '--connector',
      'hubspot',
      '--input',
      'x.csv',
      '--label',
      'y',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('either --connector or --input');
  });
});
