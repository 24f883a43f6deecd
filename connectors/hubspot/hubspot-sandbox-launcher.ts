import type { SandboxLauncher } from '../../src/connector/connector-registry.js';
import { startHubSpotSandbox } from './sandbox/index.js';
import { DEFAULT_LIMITS } from './sandbox/sandbox-options.js';

/** The HubSpot sandbox as the CLI starts it: the private-app token and the URL config/sandbox.yaml reads. */
export const hubSpotSandboxLauncher: SandboxLauncher = {
  async start(options) {
    const sandbox = await startHubSpotSandbox({
      port: options.port,
      contacts: options.contacts,
      seed: options.seed,
      snapshotFile: options.snapshotFile,
      ...(options.perTenSeconds === undefined ? {} : { limits: { perTenSeconds: options.perTenSeconds } }),
    });
    return {
      connector: 'hubspot',
      description: `portal with ${sandbox.store.listContacts().length.toLocaleString('en-US')} contacts; ${options.perTenSeconds ?? DEFAULT_LIMITS.perTenSeconds} requests per 10 s`,
      url: sandbox.url,
      env: { HUBSPOT_ACCESS_TOKEN: sandbox.privateAppToken, HUBSPOT_SANDBOX_URL: sandbox.url },
      restored: sandbox.restored,
      save: () => (options.snapshotFile ? sandbox.save() : Promise.resolve()),
      stop: () => sandbox.stop(),
    };
  },
};
