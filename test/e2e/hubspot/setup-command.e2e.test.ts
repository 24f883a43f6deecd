import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { CONNECTORS } from '../../../connectors/registry.js';
import { startHubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { HubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import { runCapturedWith } from '../../unit/cli/run-captured.js';

let sandbox: HubSpotSandbox;
const savedToken = process.env.HUBSPOT_ACCESS_TOKEN;

beforeAll(async () => {
  sandbox = await startHubSpotSandbox({ contacts: 10 });
});
afterEach(() => {
  if (savedToken === undefined) delete process.env.HUBSPOT_ACCESS_TOKEN;
  else process.env.HUBSPOT_ACCESS_TOKEN = savedToken;
});
afterAll(async () => {
  await sandbox.stop();
});

describe('leadscore setup --connector hubspot', () => {
  it('creates the group and properties, and a second run reports no change', async () => {
    process.env.HUBSPOT_ACCESS_TOKEN = sandbox.privateAppToken;
    const first = await runCapturedWith(
      CONNECTORS,
      'setup',
      '--connector',
      'hubspot',
      '--base-url',
      sandbox.url,
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('hubspot: group leadscore created');
    expect(first.stdout).toContain('hubspot: property leadscore_score created');
    expect(sandbox.store.getProperty('leadscore_grade')).toMatchObject({ type: 'enumeration' });

    const second = await runCapturedWith(
      CONNECTORS,
      'setup',
      '--connector',
      'hubspot',
      '--base-url',
      sandbox.url,
    );
    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toMatch(/^hubspot: no change \(\d+ already in place\)$/);
  });

  it('exits with 2 and names the variables when no credentials are set, without printing any secret', async () => {
    delete process.env.HUBSPOT_ACCESS_TOKEN;
    const run = await runCapturedWith(
      CONNECTORS,
      'setup',
      '--connector',
      'hubspot',
      '--base-url',
      sandbox.url,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('HUBSPOT_ACCESS_TOKEN');
  });

  it('never prints the token when HubSpot rejects it', async () => {
    process.env.HUBSPOT_ACCESS_TOKEN = 'pat-na1-secret-value-that-must-not-leak';
    const run = await runCapturedWith(
      CONNECTORS,
      'setup',
      '--connector',
      'hubspot',
      '--base-url',
      sandbox.url,
    );
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).not.toContain('secret-value-that-must-not-leak');
  });

  it('exits with 2 on an unknown connector', async () => {
    const run = await runCapturedWith(CONNECTORS, 'setup', '--connector', 'pipedrive');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('hubspot');
  });
});
