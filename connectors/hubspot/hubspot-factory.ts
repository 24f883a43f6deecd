import { join } from 'node:path';
import type { ConnectorFactory } from '../../src/connector/connector-registry.js';
import { loadMapping } from '../../src/mapping/load-mapping.js';
import { packageRoot } from '../../src/util/package-root.js';
import { HubSpotAdapter } from './hubspot-adapter.js';
import { hubSpotCredentialsFromEnv } from './hubspot-credentials.js';

export const hubSpotConnector: ConnectorFactory = {
  name: 'hubspot',
  defaultBaseUrl: 'https://api.hubapi.com',
  defaultMappingFile: join(packageRoot(), 'mappings', 'hubspot.yaml'),
  async create(request) {
    const mapping = await loadMapping(request.mappingFile ?? this.defaultMappingFile);
    return new HubSpotAdapter({
      baseUrl: request.baseUrl ?? this.defaultBaseUrl,
      mapping,
      credentials: hubSpotCredentialsFromEnv(request.env),
      onProblem: request.onProblem,
    });
  },
};
