import { isAbsolute, join, resolve } from 'node:path';
import type { ConnectorFactory } from '../../src/connector/connector-registry.js';
import { loadMapping } from '../../src/mapping/load-mapping.js';
import type { Mapping } from '../../src/mapping/mapping-schema.js';
import { packageRoot } from '../../src/util/package-root.js';
import { budgetShareGuard } from './budget-share-guard.js';
import { salesforceCredentialsFromEnv } from './salesforce-credentials.js';
import type { ObjectMappings } from './salesforce-objects.js';
import { salesforceSandboxLauncher } from './salesforce-sandbox-launcher.js';
import { parseSalesforceSettings } from './salesforce-settings.js';

const DEFAULT_MAPPINGS = {
  Lead: join(packageRoot(), 'mappings', 'salesforce.yaml'),
  Contact: join(packageRoot(), 'mappings', 'salesforce-contact.yaml'),
};

/**
 * The Salesforce connector: `baseUrl` of the deployment is the org's instance URL (optional: the token
 * answer names it), `mapping` the Lead mapping; `settings` as salesforce-settings.ts describes.
 */
export const salesforceConnector: ConnectorFactory = {
  name: 'salesforce',
  defaultBaseUrl: 'https://login.salesforce.com',
  defaultMappingFile: DEFAULT_MAPPINGS.Lead,
  sandbox: salesforceSandboxLauncher,
  async create(request) {
    const settings = parseSalesforceSettings(request.settings);
    const at = (file: string) =>
      isAbsolute(file) ? file : resolve(request.configDir ?? process.cwd(), file);
    const objects: ObjectMappings = {};
    const { lead, contact } = settings.objects;
    if (lead.enabled) {
      objects.Lead = await loadMapping(
        request.mappingFile ?? (lead.mapping ? at(lead.mapping) : DEFAULT_MAPPINGS.Lead),
      );
    }
    if (contact.enabled) {
      objects.Contact = await loadMapping(contact.mapping ? at(contact.mapping) : DEFAULT_MAPPINGS.Contact);
    }
    const credentials = salesforceCredentialsFromEnv(request.env, {
      ...(settings.loginUrl ? { loginUrl: settings.loginUrl } : {}),
      ...(request.baseUrl ? { instanceUrl: request.baseUrl } : {}),
    });
    // Loaded on first use, so that a deployment without Salesforce never loads jsforce.
    const { SalesforceAdapter } = await import('./salesforce-adapter.js');
    return new SalesforceAdapter({
      credentials,
      objects: withoutActivities(objects, settings.activities),
      activities: settings.activities,
      apiVersion: settings.apiVersion,
      limits: settings.limits,
      budgetGuard: budgetShareGuard(settings.budgetShare),
      queryBatchSize: settings.queryBatchSize,
      bulkThreshold: settings.bulk.threshold,
      bulkPolling: { intervalMs: settings.bulk.pollIntervalMs, maxWaitMs: settings.bulk.maxWaitMs },
      handoff: settings.handoff,
      historyOutcome: settings.training.outcome,
      onProblem: request.onProblem,
    });
  },
};

/** With activities off, the mappings' engagements are neither checked nor read. */
function withoutActivities(objects: ObjectMappings, activities: boolean): ObjectMappings {
  if (activities) return objects;
  const strip = (mapping: Mapping | undefined) => (mapping ? { ...mapping, engagements: {} } : undefined);
  const lead = strip(objects.Lead);
  const contact = strip(objects.Contact);
  return { ...(lead ? { Lead: lead } : {}), ...(contact ? { Contact: contact } : {}) };
}
