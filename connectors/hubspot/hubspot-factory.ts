import { join } from 'node:path';
import type { ConnectorFactory } from '../../src/connector/connector-registry.js';
import { loadMapping } from '../../src/mapping/load-mapping.js';
import { packageRoot } from '../../src/util/package-root.js';
import { hubSpotCredentialsFromEnv } from './hubspot-credentials.js';
import { hubSpotSandboxLauncher } from './hubspot-sandbox-launcher.js';
import { parseHubSpotSettings } from './hubspot-settings.js';

export const hubSpotConnector: ConnectorFactory = {
  name: 'hubspot',
  defaultBaseUrl: 'https://api.hubapi.com',
  defaultMappingFile: join(packageRoot(), 'mappings', 'hubspot.yaml'),
  sandbox: hubSpotSandboxLauncher,
  async create(request) {
    const settings = parseHubSpotSettings(request.settings);
    const loaded = await loadMapping(request.mappingFile ?? this.defaultMappingFile);
    const mapping = settings.rollups ? loaded : { ...loaded, rollups: [] };
    // Loaded on first use, so that a deployment without HubSpot never loads its SDK.
    const { HubSpotAdapter } = await import('./hubspot-adapter.js');
    return new HubSpotAdapter({
      baseUrl: request.baseUrl ?? this.defaultBaseUrl,
      mapping,
      limits: settings.limits,
      engagements: settings.associations,
      handoff: settings.handoff,
      credentials: hubSpotCredentialsFromEnv(request.env),
      onProblem: request.onProblem,
    });
  },
};
