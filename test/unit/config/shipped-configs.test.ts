import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { parseHubSpotSettings } from '../../../connectors/hubspot/hubspot-settings.js';
import { enabledConnectors, loadDeployment } from '../../../src/config/load-deployment.js';
import { packageRoot } from '../../../src/util/package-root.js';

const configDir = join(packageRoot(), 'config');

describe('config/leadscore.yaml', () => {
  it('loads with no environment variables set, every variable taking its default', async () => {
    const d = await loadDeployment(join(configDir, 'leadscore.yaml'), {});
    expect(d.model).toBe(join(configDir, 'scoring.yaml'));
    expect(d.state.file).toBe(join(packageRoot(), '.leadscore', 'state.sqlite'));
    expect(d.connectors.hubspot).toMatchObject({
      enabled: true,
      baseUrl: 'https://api.hubapi.com',
      timezone: 'UTC',
      schedules: { incremental: '*/15 * * * *', full: '0 3 * * *' },
    });
  });

  it('takes the state file, base URL and time zone from the environment when set', async () => {
    const d = await loadDeployment(join(configDir, 'leadscore.yaml'), {
      LEADSCORE_STATE_FILE: '/var/lib/leadscore/state.sqlite',
      HUBSPOT_BASE_URL: 'https://api.hubapi.eu',
      LEADSCORE_TZ: 'Europe/Berlin',
    });
    expect(d.state.file).toBe('/var/lib/leadscore/state.sqlite');
    expect(d.connectors.hubspot).toMatchObject({ baseUrl: 'https://api.hubapi.eu', timezone: 'Europe/Berlin' });
  });

  it('has settings the HubSpot connector accepts', async () => {
    const d = await loadDeployment(join(configDir, 'leadscore.yaml'), {});
    const settings = parseHubSpotSettings(d.connectors.hubspot?.settings);
    expect(settings.limits.perTenSeconds).toBe(190);
    expect(Object.keys(settings.handoff)).toEqual(['lifecycle_stage', 'lead_status', 'owner_task', 'webhook']);
  });
});

describe('config/sandbox.yaml', () => {
  it('loads with no environment variables set and points at the local sandbox', async () => {
    const d = await loadDeployment(join(configDir, 'sandbox.yaml'), {});
    expect(d.state.file).toBe(join(packageRoot(), '.leadscore', 'sandbox-state.sqlite'));
    expect(d.server.port).toBe(9464);
    expect(enabledConnectors(d).map(([name]) => name)).toEqual(['hubspot']);
    expect(d.connectors.hubspot).toMatchObject({
      baseUrl: 'http://127.0.0.1:4010',
      schedules: { incremental: '*/5 * * * *', full: '0 * * * *' },
    });
  });

  it('has settings the HubSpot connector accepts, with the owner task, lifecycle stage and lead status on', async () => {
    const d = await loadDeployment(join(configDir, 'sandbox.yaml'), {});
    const { handoff } = parseHubSpotSettings(d.connectors.hubspot?.settings);
    expect(handoff.owner_task?.enabled).toBe(true);
    expect(handoff.lifecycle_stage?.enabled).toBe(true);
    expect(handoff.lead_status?.enabled).toBe(true);
  });
});
