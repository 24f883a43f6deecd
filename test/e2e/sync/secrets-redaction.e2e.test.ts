import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONNECTORS } from '../../../connectors/registry.js';
import { startHubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { HubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import { runCapturedWith } from '../../unit/cli/run-captured.js';
import { root } from './sync-harness.js';

const TOKEN = 'pat-na1-7d1f3a9e-5b2c-4e8f-9a01-c0ffee15ec12';
const CLIENT_SECRET = 'cs-31a9f0e2-dd71-4bb5-8b1e-sEcReT000042';
const REFRESH_TOKEN = 'na1-rt-8c2e9b71-44f0-4c0e-a5d3-refresh0099';
const SECRETS = [TOKEN, CLIENT_SECRET, REFRESH_TOKEN];
const VARIABLES = [
  'HUBSPOT_ACCESS_TOKEN',
  'HUBSPOT_CLIENT_ID',
  'HUBSPOT_CLIENT_SECRET',
  'HUBSPOT_REFRESH_TOKEN',
];
const saved = Object.fromEntries(VARIABLES.map((v) => [v, process.env[v]]));

let sandbox: HubSpotSandbox;
let dir: string;
let config: string;

/** Everything a run leaves behind: its output and every file in its state directory. */
function everythingWritten(run: { stdout: string; stderr: string }): string {
  const files = readdirSync(dir).map((f) => readFileSync(join(dir, f)).toString('latin1'));
  return [run.stdout, run.stderr, ...files].join('\n');
}

beforeAll(async () => {
  sandbox = await startHubSpotSandbox({
    contacts: 120,
    seed: 11,
    privateAppToken: TOKEN,
    oauth: { clientId: 'leadscore-app', clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN },
    limits: { perTenSeconds: 5000 },
  });
  dir = mkdtempSync(join(tmpdir(), 'leadscore-secrets-'));
  config = join(dir, 'leadscore.yaml');
  writeFileSync(
    config,
    [
      `model: ${root('config/scoring.yaml')}`,
      `state: { file: ${join(dir, 'state.sqlite')} }`,
      'log: { level: debug }',
      'connectors:',
      '  hubspot:',
      `    baseUrl: ${sandbox.url}`,
      '    settings: { limits: { perTenSeconds: 5000 }, handoff: { owner_task: {}, lifecycle_stage: {} } }',
    ].join('\n'),
  );
});
afterEach(() => {
  for (const v of VARIABLES) {
    if (saved[v] === undefined) delete process.env[v];
    else process.env[v] = saved[v];
  }
});
afterAll(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('secrets never reach logs, output or files', () => {
  it('a private-app run at debug level: the token appears nowhere', async () => {
    process.env.HUBSPOT_ACCESS_TOKEN = TOKEN;
    expect((await runCapturedWith(CONNECTORS, 'setup', '--config', config)).code).toBe(0);
    const run = await runCapturedWith(
      CONNECTORS,
      'sync',
      '--full',
      '--config',
      config,
      '--log-format',
      'json',
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('"message":"run finished"');
    const all = everythingWritten(run);
    for (const secret of SECRETS) expect(all).not.toContain(secret);
  });

  it('an OAuth run: neither the client secret nor the refresh token nor the access token appears', async () => {
    delete process.env.HUBSPOT_ACCESS_TOKEN;
    process.env.HUBSPOT_CLIENT_ID = 'leadscore-app';
    process.env.HUBSPOT_CLIENT_SECRET = CLIENT_SECRET;
    process.env.HUBSPOT_REFRESH_TOKEN = REFRESH_TOKEN;
    const run = await runCapturedWith(
      CONNECTORS,
      'sync',
      '--full',
      '--config',
      config,
      '--log-format',
      'json',
    );
    expect(run.code).toBe(0);
    const all = everythingWritten(run);
    for (const secret of SECRETS) expect(all).not.toContain(secret);
  });

  it('a rejected token fails with a clear message that names the variable, not its value', async () => {
    process.env.HUBSPOT_ACCESS_TOKEN = `${TOKEN}-revoked`;
    const run = await runCapturedWith(CONNECTORS, 'sync', '--config', config, '--log-format', 'json');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('HUBSPOT_ACCESS_TOKEN');
    const all = everythingWritten(run);
    for (const secret of SECRETS) expect(all).not.toContain(secret);
  });
});
