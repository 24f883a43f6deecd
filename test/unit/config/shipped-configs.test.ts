import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { parseSalesforceSettings } from '../../../connectors/salesforce/salesforce-settings.js';
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
    expect(enabledConnectors(d).map(([name]) => name)).toEqual(['hubspot', 'salesforce']);
    expect(d.connectors.hubspot).toMatchObject({
      baseUrl: 'http://127.0.0.1:4010',
      schedules: { incremental: '*/5 * * * *', full: '0 * * * *' },
    });
    expect(d.connectors.salesforce).toMatchObject({ baseUrl: 'http://127.0.0.1:4011' });
  });

  it('has settings the Salesforce connector accepts: Leads and Contacts, lead status, owner task and flow on', async () => {
    const d = await loadDeployment(join(configDir, 'sandbox.yaml'), {});
    const settings = parseSalesforceSettings(d.connectors.salesforce?.settings);
    expect(settings.loginUrl).toBe('http://127.0.0.1:4011');
    expect(settings.objects).toEqual({ lead: { enabled: true }, contact: { enabled: true } });
    expect(settings.handoff.lead_status?.value).toBe('Open - Not Contacted');
    expect(settings.handoff.owner_task?.enabled).toBe(true);
    expect(settings.handoff.flow?.name).toBe('LeadScore_MQL_Handoff');
    expect(settings.handoff.assignment).toBeUndefined();
  });

  it('documents a Salesforce section in leadscore.yaml that the connector accepts, off by default', async () => {
    const d = await loadDeployment(join(configDir, 'leadscore.yaml'), {});
    expect(d.connectors.salesforce?.enabled).toBe(false);
    const settings = parseSalesforceSettings(d.connectors.salesforce?.settings);
    expect(settings).toMatchObject({ apiVersion: '62.0', budgetShare: 0.5, bulk: { threshold: 10_000 } });
  });

  it('has settings the HubSpot connector accepts, with the owner task, lifecycle stage and lead status on', async () => {
    const d = await loadDeployment(join(configDir, 'sandbox.yaml'), {});
    const { handoff } = parseHubSpotSettings(d.connectors.hubspot?.settings);
    expect(handoff.owner_task?.enabled).toBe(true);
    expect(handoff.lifecycle_stage?.enabled).toBe(true);
    expect(handoff.lead_status?.enabled).toBe(true);
  });
});
