import type { SandboxLauncher } from '../../src/connector/connector-registry.js';
import { startSalesforceSandbox } from './sandbox/index.js';
import type { SalesforceSandbox } from './sandbox/index.js';

/**
 * The Salesforce sandbox as the CLI starts it: the client-credentials variables (the flow the sandbox's
 * connected app allows without a key pair), and the URL config/sandbox.yaml reads for both the login host
 * and the instance. `contacts` sizes the org's Leads (a fifth as many Contacts).
 */
export const salesforceSandboxLauncher: SandboxLauncher = {
  async start(options) {
    const leads = options.contacts ?? 2000;
    const sandbox = await startSalesforceSandbox({
      port: options.port,
      leads,
      contacts: Math.ceil(leads / 5),
      seed: options.seed,
      ...(options.snapshotFile === undefined ? {} : { snapshotFile: options.snapshotFile }),
    });
    return {
      connector: 'salesforce',
      description: describeOrg(sandbox),
      url: sandbox.url,
      env: {
        SALESFORCE_AUTH: 'client_credentials',
        SALESFORCE_CLIENT_ID: sandbox.oauth.clientId,
        SALESFORCE_CLIENT_SECRET: sandbox.oauth.clientSecret,
        SALESFORCE_SANDBOX_URL: sandbox.url,
      },
      restored: sandbox.restored,
      save: () => (options.snapshotFile ? sandbox.save() : Promise.resolve()),
      stop: () => sandbox.stop(),
    };
  },
};

function describeOrg(sandbox: SalesforceSandbox): string {
  const count = (type: string) => sandbox.store.count(type).toLocaleString('en-US');
  const daily = sandbox.stats().apiUsage.daily.toLocaleString('en-US');
  return `org with ${count('Lead')} leads and ${count('Contact')} contacts; ${daily} API requests per day`;
}
